// Builds the reply to one analysed email: recipients by the reply rules, threading headers,
// the text from the templates, and the documents (invoice copies, statement PDF).
import type { EmailAnalysis } from '../../core/domain/email-analysis.js';
import type { ParsedEmail } from '../../core/pipeline/parsed-email.js';
import type { SorLookup } from '../../core/pipeline/sor.js';
import type { DocumentRenderer, DocumentSource, RenderedReply, ReplyAttachment } from '../../core/replies/reply-model.js';
import { buildReplyViewModel } from '../../core/replies/view-model.js';
import { isReplySubject } from '../../core/pipeline/entities/reference-text.js';
import { dataScopeOf } from '../../core/policy/data-scope.js';
import type { DataScope } from '../../core/policy/send-guard.js';
import { invoiceDocument } from '../../adapters/documents/invoice-document.js';
import type { TemplateSet } from '../../templates/engine.js';

/** Which Cc addresses of the customer's email stay on the reply. */
export type CcPolicy = 'known_contacts' | 'none';

export interface ComposedReply extends RenderedReply {
  to: string[];
  cc: string[];
  inReplyTo?: string;
  references: string[];
  customerId: string;
  invoiceNumbers: string[];
  /** What the reply discloses, for the send guard. */
  scope: DataScope;
}

export interface ReplyComposerDeps {
  sor: SorLookup;
  templates: TemplateSet;
  documents: { source: DocumentSource; renderer: DocumentRenderer };
  company: { name: string; arMailbox: string };
  ccPolicy: CcPolicy;
}

/** "Re: <subject>" unless the subject already is a reply's. */
export function replySubject(original: string, fallback: string): string {
  const subject = original.trim();
  if (subject === '') return fallback;
  return isReplySubject(subject) ? subject : `Re: ${subject}`;
}

/**
 * The reply's recipients: To is the requester (never Reply-To, which the policy treats as a
 * risk); Cc keeps only addresses that are known contacts of the same customer, without our own
 * mailbox and without the requester.
 */
export async function replyRecipients(parsed: ParsedEmail, customerId: string, sor: SorLookup, policy: CcPolicy): Promise<{ to: string[]; cc: string[] }> {
  const requester = parsed.from?.address ?? '';
  if (policy === 'none') return { to: [requester], cc: [] };
  const contacts = new Set((await sor.contactsOfCustomer(customerId)).map((c) => c.email.toLowerCase()));
  const own = new Set(await sor.ownAddresses());
  const cc = [...parsed.to, ...parsed.cc]
    .map((a) => a.address.toLowerCase())
    .filter((a, i, all) => a !== requester && !own.has(a) && contacts.has(a) && all.indexOf(a) === i);
  return { to: [requester], cc };
}

export class ReplyComposer {
  constructor(private readonly deps: ReplyComposerDeps) {}

  /** The reply an auto_reply decision would send (also used for drafts of review tasks). */
  async compose(parsed: ParsedEmail, analysis: Pick<EmailAnalysis, 'decision' | 'language' | 'match' | 'entities'>): Promise<ComposedReply> {
    const { decision } = analysis;
    const customerId = decision.customerId;
    if (!customerId) throw new Error('a reply needs the customer the email is about');
    const intents = decision.intents.filter((i) => i === 'invoice_copy' || i === 'balance_statement' || i === 'payment_status');
    const vm = await buildReplyViewModel(
      {
        intents,
        language: analysis.language,
        customerId,
        invoiceNumbers: decision.invoiceNumbers,
        contact: { email: parsed.from?.address ?? '', ...(parsed.from?.name ? { name: parsed.from.name } : {}) },
        paymentReferences: analysis.entities.paymentReferences,
      },
      this.deps.sor,
      this.deps.company,
    );
    const text = this.deps.templates.render(vm);
    const ctx = { company: vm.company, customer: vm.customer, language: vm.language };
    const attachments: ReplyAttachment[] = [];
    if (intents.includes('invoice_copy')) {
      for (const invoice of vm.invoices) {
        const doc = await invoiceDocument(invoice, ctx, this.deps.documents);
        attachments.push({ filename: doc.filename, contentType: doc.contentType, content: doc.content, kind: 'invoice', invoiceNumber: invoice.number });
      }
    }
    if (vm.statement) {
      attachments.push({
        filename: `statement-${vm.customer.accountNumber.replace(/[^\w.-]/g, '-')}-${vm.asOf.toISOString().slice(0, 10)}.pdf`,
        contentType: 'application/pdf',
        content: await this.deps.documents.renderer.statementPdf(vm.statement, ctx),
        kind: 'statement',
      });
    }
    const { to, cc } = await replyRecipients(parsed, customerId, this.deps.sor, this.deps.ccPolicy);
    return {
      subject: replySubject(parsed.subject, text.subject),
      html: text.html,
      text: text.text,
      attachments,
      to,
      cc,
      ...(parsed.messageIdSynthesized ? {} : { inReplyTo: parsed.messageId }),
      references: parsed.messageIdSynthesized ? parsed.references : [...parsed.references, parsed.messageId],
      customerId,
      invoiceNumbers: vm.invoices.map((i) => i.number),
      scope: dataScopeOf(intents),
    };
  }
}
