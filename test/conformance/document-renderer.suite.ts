// The DocumentRenderer conformance suite: whatever draws the PDFs, they must parse back to text
// that names the invoice and customer and carries the right, locally formatted totals.
import { describe, expect, it } from 'vitest';
import type { DocumentRenderer } from '../../core/replies/reply-model.js';
import { documentContextFixture, invoiceViewFixture, longStatementFixture, statementFixture } from '../fixtures/document-views.js';
import { pdfText } from '../fixtures/pdf-text.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

function isPdf(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes).toString('latin1');
  return text.startsWith('%PDF-') && text.trimEnd().endsWith('%%EOF');
}

/** Registers the suite for one DocumentRenderer implementation. */
export function documentRendererConformanceSuite(name: string, make: () => DocumentRenderer): void {
  describe(`DocumentRenderer conformance: ${name}`, () => {
    it('renders an invoice copy naming issuer, customer, invoice, PO, dates and amounts', async () => {
      const bytes = await make().invoicePdf(invoiceViewFixture(), documentContextFixture());
      expect(isPdf(bytes)).toBe(true);
      const { text } = await pdfText(bytes);
      for (const s of ['Northwind Supply Co.', 'ar@northwind.example', 'Müller & Söhne GmbH', '100-2231', 'INV-1001', 'PO-4471', 'Nov 5, 2026', 'Dec 5, 2026', '$12,450.00']) {
        expect(text).toContain(s);
      }
      expect(text).not.toMatch(/\b(PAID|VOID)\b/);
    });

    it('marks paid, void and partially paid invoices', async () => {
      const renderer = make();
      const text = async (status: 'paid' | 'void' | 'partially_paid', balance: number) =>
        (await pdfText(await renderer.invoicePdf(invoiceViewFixture({ status, balance: { amount: balance, currency: 'USD' } }), documentContextFixture()))).text;
      expect(await text('paid', 0)).toMatch(/\bPAID\b/);
      expect(await text('void', 0)).toMatch(/\bVOID\b/);
      const partial = await text('partially_paid', 450);
      expect(partial).toContain('PARTIALLY PAID');
      expect(partial).toContain('$450.00');
    });

    it('formats money and dates in the language of the document', async () => {
      const invoice = invoiceViewFixture({ amount: eur(12450), balance: eur(0), status: 'paid' });
      const { text } = await pdfText(await make().invoicePdf(invoice, documentContextFixture({ language: 'de' })));
      expect(text).toContain('12.450,00 €');
      expect(text).toContain('0,00 €');
      expect(text).toContain('05.11.2026');
      expect(text).toContain('BEZAHLT');
    });

    it('renders a statement with open items, credits, aging per currency and totals (en)', async () => {
      const { text } = await pdfText(await make().statementPdf(statementFixture(), documentContextFixture()));
      expect(text).toContain('Statement of account');
      expect(text).toContain('Nov 20, 2026');
      for (const n of ['INV-0901', 'INV-0950', 'INV-E210', 'INV-0990', 'INV-E225', 'INV-1001', 'CM-0042', 'CM-E7']) expect(text).toContain(n);
      expect(text).toContain('-$750.00');
      expect(text).toContain('-€450.00');
      expect(text).toContain('USD $12,450.00 $1,200.00 $0.00 $980.40 $5,000.00 $19,630.40');
      expect(text).toContain('EUR €4,450.00 €0.00 €8,000.00 €0.00 €0.00 €12,450.00');
      expect(text).toContain('$18,880.40');
      expect(text).toContain('€12,000.00');
    });

    it('renders the same statement with German labels and number formats', async () => {
      const { text } = await pdfText(await make().statementPdf(statementFixture(), documentContextFixture({ language: 'de' })));
      expect(text).toContain('Kontoauszug');
      expect(text).toContain('20.11.2026');
      expect(text).toContain('USD 12.450,00 $ 1.200,00 $ 0,00 $ 980,40 $ 5.000,00 $ 19.630,40 $');
      expect(text).toContain('EUR 4.450,00 € 0,00 € 8.000,00 € 0,00 € 0,00 € 12.450,00 €');
      expect(text).toContain('18.880,40 $');
      expect(text).toContain('12.000,00 €');
    });

    it('keeps every item of a 200-item statement', async () => {
      const { text } = await pdfText(await make().statementPdf(longStatementFixture(200), documentContextFixture()));
      const numbers = new Set(text.match(/INV-2\d{4}/g));
      expect(numbers.size).toBe(200);
      expect(text).toContain('$20,000.00');
    });

    it('renders names outside Latin-1 without failing', async () => {
      const ctx = documentContextFixture({ customer: { sorId: 'C9', name: 'ООО «Ромашка» 株式会社 😀', accountNumber: '100-9999', currency: 'USD' } });
      const renderer = make();
      const { text } = await pdfText(await renderer.invoicePdf(invoiceViewFixture(), ctx));
      expect(text).toContain('INV-1001');
      expect(isPdf(await renderer.statementPdf(statementFixture(), ctx))).toBe(true);
    });
  });
}
