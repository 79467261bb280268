// Statement PDFs from the SoR data, rendered like the automatic replies' statements.
import type { ReplyMessageAttachment } from '../../core/domain/draft.js';
import { LANGUAGES, type Language } from '../../core/pipeline/intents.js';
import type { SorLookup } from '../../core/pipeline/sor.js';
import type { DocumentRenderer } from '../../core/replies/reply-model.js';
import { buildStatement } from '../../core/replies/statement.js';
import type { StatementDocuments } from '../ports/statement-documents.js';

export class SorStatementDocuments implements StatementDocuments {
  constructor(private readonly deps: { sor: SorLookup; renderer: Pick<DocumentRenderer, 'statementPdf'>; company: { name: string; arMailbox: string } }) {}

  async statementAttachment(customerSorId: string, language: string): Promise<ReplyMessageAttachment> {
    const { sor } = this.deps;
    const customer = await sor.customer(customerSorId);
    if (!customer) throw new Error(`statement: customer ${customerSorId} is not in the system of record`);
    const asOf = sor.asOf();
    const [invoices, memos] = await Promise.all([sor.invoicesOfCustomer(customerSorId), sor.creditMemosOfCustomer(customerSorId)]);
    const lang: Language = (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
    const statement = buildStatement(invoices, memos, asOf, customer.currency);
    const content = await this.deps.renderer.statementPdf(statement, {
      company: this.deps.company,
      customer: { sorId: customer.sorId, name: customer.name, accountNumber: customer.accountNumber, currency: customer.currency },
      language: lang,
    });
    const safe = customer.accountNumber.replace(/[^A-Za-z0-9-]+/g, '_');
    return { filename: `statement-${safe}-${asOf.toISOString().slice(0, 10)}.pdf`, contentType: 'application/pdf', content, kind: 'statement' };
  }
}
