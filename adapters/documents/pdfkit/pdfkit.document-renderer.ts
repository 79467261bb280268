// The DocumentRenderer on pdfkit with its built-in Helvetica: invoice copies and account statements.
import type { DocumentRenderer, InvoiceView, StatementView } from '../../../core/replies/reply-model.js';
import type { DocumentContext } from '../document-context.js';
import { drawInvoice } from './invoice.layout.js';
import { labelsFor } from './labels.js';
import { drawFooters } from './page-footer.js';
import { createPdf, pdfBytes } from './pdf-document.js';
import { drawStatement } from './statement.layout.js';

/** Renders invoice and statement PDFs; the same input always gives the same bytes. */
export class PdfkitDocumentRenderer implements DocumentRenderer {
  async invoicePdf(invoice: InvoiceView, ctx: DocumentContext): Promise<Uint8Array> {
    const labels = labelsFor(ctx.language);
    const doc = createPdf({
      title: `${labels.invoice} ${invoice.number}`,
      author: ctx.company.name,
      subject: `${labels.invoice} ${invoice.number} · ${ctx.customer.name}`,
      created: invoice.issueDate,
    });
    drawInvoice(doc, invoice, ctx);
    drawFooters(doc, `${ctx.company.name} · ${labels.invoice} ${invoice.number}`, labels);
    return pdfBytes(doc);
  }

  async statementPdf(statement: StatementView, ctx: DocumentContext): Promise<Uint8Array> {
    const labels = labelsFor(ctx.language);
    const doc = createPdf({
      title: `${labels.statementTitle} · ${ctx.customer.name}`,
      author: ctx.company.name,
      subject: `${labels.statementTitle} ${ctx.customer.accountNumber}`,
      created: statement.asOf,
    });
    drawStatement(doc, statement, ctx);
    drawFooters(doc, `${ctx.customer.name} · ${labels.accountNumber} ${ctx.customer.accountNumber}`, labels);
    return pdfBytes(doc);
  }
}
