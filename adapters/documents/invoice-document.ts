// The invoice copy attached to a reply: the system of record's own PDF when it has one, else a rendered one.
import type { DocumentRenderer, DocumentSource, InvoiceView } from '../../core/replies/reply-model.js';
import type { DocumentContext } from './document-context.js';

/** An invoice PDF ready to attach, and where it came from. */
export interface InvoiceDocument {
  filename: string;
  contentType: 'application/pdf';
  content: Uint8Array;
  origin: 'sor' | 'rendered';
}

const UNSAFE_IN_FILENAMES = new Set('/\\:*?"<>|\u007f');

/** `<number>.pdf`, with characters that are unsafe in file names (and control characters) replaced by '-'. */
export function invoiceFilename(invoiceNumber: string): string {
  const safe = [...invoiceNumber].map((c) => (c < ' ' || UNSAFE_IN_FILENAMES.has(c) ? '-' : c)).join('');
  return `${safe}.pdf`;
}

/** The SoR's PDF of `invoice` when the source has it, otherwise one rendered from the view model. */
export async function invoiceDocument(
  invoice: InvoiceView,
  ctx: DocumentContext,
  deps: { source: DocumentSource; renderer: DocumentRenderer },
): Promise<InvoiceDocument> {
  const fromSor = await deps.source.invoicePdf(invoice.number);
  const content = fromSor ?? (await deps.renderer.invoicePdf(invoice, ctx));
  return { filename: invoiceFilename(invoice.number), contentType: 'application/pdf', content, origin: fromSor ? 'sor' : 'rendered' };
}
