import { getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../core/pipeline/intents.js';
import { documentRendererConformanceSuite } from '../../../test/conformance/document-renderer.suite.js';
import { documentContextFixture, invoiceViewFixture, longStatementFixture, statementFixture } from '../../../test/fixtures/document-views.js';
import { pdfText } from '../../../test/fixtures/pdf-text.js';
import { labelsFor } from './labels.js';
import { PdfkitDocumentRenderer } from './pdfkit.document-renderer.js';

documentRendererConformanceSuite('pdfkit', () => new PdfkitDocumentRenderer());

describe('PdfkitDocumentRenderer', () => {
  const renderer = new PdfkitDocumentRenderer();

  it('gives the same bytes for the same input', async () => {
    const a = await renderer.statementPdf(statementFixture(), documentContextFixture());
    const b = await renderer.statementPdf(statementFixture(), documentContextFixture());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const i1 = await renderer.invoicePdf(invoiceViewFixture(), documentContextFixture());
    const i2 = await renderer.invoicePdf(invoiceViewFixture(), documentContextFixture());
    expect(Buffer.from(i1).equals(Buffer.from(i2))).toBe(true);
  });

  it('dates the document by the invoice issue date and the statement as-of date, and titles it', async () => {
    const info = async (bytes: Uint8Array) => (await getMeta(new Uint8Array(bytes))).info as Record<string, unknown>;
    const invoice = await info(await renderer.invoicePdf(invoiceViewFixture(), documentContextFixture()));
    expect(invoice).toMatchObject({ CreationDate: 'D:20261105000000Z', Title: 'Invoice INV-1001', Author: 'Northwind Supply Co.' });
    const statement = await info(await renderer.statementPdf(statementFixture(), documentContextFixture({ language: 'fr' })));
    expect(statement).toMatchObject({ CreationDate: 'D:20261120000000Z', Title: 'Relevé de compte · Müller & Söhne GmbH' });
  });

  it('spreads 200 items over several numbered pages, repeating the table header on each', async () => {
    const { text, pages } = await pdfText(await renderer.statementPdf(longStatementFixture(200), documentContextFixture()));
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Page ${n} of ${pages}`);
    expect(text.match(/Invoice number PO number Issue date Due date Days past due Amount Balance/g)).toHaveLength(pages);
    // The aging table and totals follow the last item on the last page.
    expect(text.indexOf('Aging summary')).toBeGreaterThan(text.indexOf('INV-20200'));
    expect(text.lastIndexOf('$20,000.00')).toBeGreaterThan(text.indexOf('Aging summary'));
  });

  it('prints the statement title, headings and page label in each language', async () => {
    for (const language of LANGUAGES) {
      const labels = labelsFor(language);
      const { text } = await pdfText(await renderer.statementPdf(statementFixture(), documentContextFixture({ language })));
      for (const label of [labels.statementTitle, labels.openItems, labels.credits, labels.aging, labels.days90plus]) {
        expect(text, `${language}: ${label}`).toContain(label);
      }
      expect(text).toContain(labels.page.replace('{n}', '1').replace('{count}', '1'));
    }
  });

  it('prints French group separators (narrow no-break spaces) in a form Helvetica has', async () => {
    const { text } = await pdfText(await renderer.statementPdf(statementFixture(), documentContextFixture({ language: 'fr' })));
    expect(text).toContain('18 880,40 $US');
    expect(text).toContain('12 000,00 €');
    expect(text).toContain('20 nov. 2026');
  });

  it('marks invoices in the language of the document', async () => {
    const marking = async (language: 'fr' | 'es' | 'nl', status: 'paid' | 'void') =>
      (await pdfText(await renderer.invoicePdf(invoiceViewFixture({ status }), documentContextFixture({ language })))).text;
    expect(await marking('fr', 'paid')).toContain('PAYÉE');
    expect(await marking('es', 'void')).toContain('ANULADA');
    expect(await marking('nl', 'paid')).toContain('BETAALD');
  });

  it('prints names outside WinAnsi transliterated or replaced rather than as garbage', async () => {
    const ctx = documentContextFixture({ customer: { sorId: 'C9', name: 'ООО Ромашка / Łódź 株式', accountNumber: '100-9999', currency: 'USD' } });
    const { text } = await pdfText(await renderer.invoicePdf(invoiceViewFixture(), ctx));
    expect(text).toContain('OOO Romashka / Lódz ??');
    const statement = await pdfText(await renderer.statementPdf(statementFixture(), ctx));
    expect(statement.text).toContain('OOO Romashka / Lódz ??');
  });

  it('prints a statement with nothing open', async () => {
    const empty = { asOf: statementFixture().asOf, openItems: [], credits: [], aging: [], totals: [{ amount: 0, currency: 'USD' }] };
    const { text } = await pdfText(await renderer.statementPdf(empty, documentContextFixture()));
    expect(text).toContain('No open items.');
    expect(text).toContain('Total balance (USD) $0.00');
  });

  it('prints documents for an undetermined language in English', async () => {
    const { text } = await pdfText(await renderer.invoicePdf(invoiceViewFixture(), documentContextFixture({ language: 'und' })));
    expect(text).toContain('Invoice number');
  });
});
