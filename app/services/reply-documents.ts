// The invoice PDFs an analyst attaches to a draft: the SoR's own document when it has one,
// else one rendered from the SoR data, exactly like the automatic replies' attachments.
import type { ReplyMessageAttachment } from '../../core/domain/draft.js';
import type { Language } from '../../core/pipeline/intents.js';
import { LANGUAGES } from '../../core/pipeline/intents.js';
import type { SorLookup } from '../../core/pipeline/sor.js';
import type { DocumentRenderer, DocumentSource } from '../../core/replies/reply-model.js';
import { buildReplyViewModel } from '../../core/replies/view-model.js';
import { invoiceDocument } from '../../adapters/documents/invoice-document.js';
import type { ReplyDocuments } from '../../bot/ports/reply-documents.js';

export class SorReplyDocuments implements ReplyDocuments {
  constructor(
    private readonly deps: { sor: SorLookup; documents: { source: DocumentSource; renderer: DocumentRenderer }; company: { name: string; arMailbox: string } },
  ) {}

  async invoiceAttachments(customerSorId: string, invoiceNumbers: readonly string[], language: string): Promise<ReplyMessageAttachment[]> {
    const lang: Language = (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en';
    const vm = await buildReplyViewModel(
      { intents: ['invoice_copy'], language: lang, customerId: customerSorId, invoiceNumbers: [...invoiceNumbers], contact: { email: '' }, paymentReferences: [] },
      this.deps.sor,
      this.deps.company,
    );
    const ctx = { company: vm.company, customer: vm.customer, language: vm.language };
    const out: ReplyMessageAttachment[] = [];
    for (const invoice of vm.invoices) {
      const doc = await invoiceDocument(invoice, ctx, this.deps.documents);
      out.push({ filename: doc.filename, contentType: doc.contentType, content: doc.content, kind: 'invoice', invoiceNumber: invoice.number });
    }
    return out;
  }
}
