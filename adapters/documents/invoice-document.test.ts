import { describe, expect, it } from 'vitest';
import type { DocumentRenderer, DocumentSource } from '../../core/replies/reply-model.js';
import { documentContextFixture, invoiceViewFixture } from '../../test/fixtures/document-views.js';
import { pdfWithText } from '../../test/fixtures/pdf.js';
import { pdfText } from '../../test/fixtures/pdf-text.js';
import { invoiceDocument, invoiceFilename } from './invoice-document.js';
import { PdfkitDocumentRenderer } from './pdfkit/pdfkit.document-renderer.js';

function sourceWith(docs: Record<string, Uint8Array>): DocumentSource & { asked: string[] } {
  const asked: string[] = [];
  return { asked, invoicePdf: async (n) => (asked.push(n), docs[n]) };
}

const failingRenderer: DocumentRenderer = {
  invoicePdf: () => Promise.reject(new Error('renderer must not be called')),
  statementPdf: () => Promise.reject(new Error('renderer must not be called')),
};

describe('invoiceDocument', () => {
  it("attaches the system of record's own PDF when there is one", async () => {
    const sorPdf = new Uint8Array(pdfWithText(['Original INV-1001']));
    const source = sourceWith({ 'INV-1001': sorPdf });
    const doc = await invoiceDocument(invoiceViewFixture(), documentContextFixture(), { source, renderer: failingRenderer });
    expect(doc).toEqual({ filename: 'INV-1001.pdf', contentType: 'application/pdf', content: sorPdf, origin: 'sor' });
    expect(source.asked).toEqual(['INV-1001']);
  });

  it('renders the invoice when the system of record has no PDF', async () => {
    const doc = await invoiceDocument(invoiceViewFixture(), documentContextFixture(), { source: sourceWith({}), renderer: new PdfkitDocumentRenderer() });
    expect(doc).toMatchObject({ filename: 'INV-1001.pdf', contentType: 'application/pdf', origin: 'rendered' });
    const { text } = await pdfText(doc.content);
    expect(text).toContain('INV-1001');
    expect(text).toContain('$12,450.00');
  });

  it('names the file after the invoice number, with characters unsafe in file names replaced', () => {
    expect(invoiceFilename('INV-1001')).toBe('INV-1001.pdf');
    expect(invoiceFilename('INV/2026:7')).toBe('INV-2026-7.pdf');
  });
});
