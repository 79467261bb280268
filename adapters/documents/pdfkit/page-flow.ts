// A vertical cursor down the page that starts a new page when the next block does not fit.

/** Room kept free at the bottom of every page for the footer. */
export const FOOTER_HEIGHT = 24;

/** Tracks where the next block goes; `onNewPage` draws a continuation header and returns where content resumes. */
export class PageFlow {
  y: number;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly onNewPage: (doc: PDFKit.PDFDocument) => number,
  ) {
    this.y = doc.page.margins.top;
  }

  /** Left edge of the content area. */
  get left(): number {
    return this.doc.page.margins.left;
  }

  /** Width of the content area. */
  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom - FOOTER_HEIGHT;
  }

  /** Makes room for `height` points; returns true when that took a new page. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.doc.addPage();
    this.y = this.onNewPage(this.doc);
    return true;
  }

  /** Moves the cursor down. */
  advance(height: number): void {
    this.y += height;
  }
}
