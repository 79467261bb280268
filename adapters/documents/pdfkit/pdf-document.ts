// Creating a pdfkit document and collecting its output stream into bytes.
import PDFDocument from 'pdfkit';

/** Page geometry every document shares (A4, 50 pt margins). */
export const PAGE = { size: 'A4', margin: 50 } as const;

/** Document metadata; `created` is fixed by the caller so the same input gives the same bytes. */
export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  created: Date;
}

/** A new A4 document with pages buffered, so page numbers can be written once the count is known. */
export function createPdf(info: PdfInfo): PDFKit.PDFDocument {
  return new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    bufferPages: true,
    font: 'Helvetica',
    // pdfkit derives the trailer /ID from the info dictionary, so fixing CreationDate makes output reproducible.
    info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'arbot', Producer: 'arbot (PDFKit)', CreationDate: info.created },
  });
}

/** Ends `doc` and resolves with everything it wrote. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => {
      // A copy, not a view: Buffer.concat may return a slice of Node's shared pool.
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    doc.end();
  });
}
