// The reply message an automatic answer becomes: addressed by the decision (never by the
// email's text), threaded under the question, and carrying what it discloses for the guard.
import type { ReplyMessage } from '../../core/domain/draft.js';
import type { Email } from '../../core/domain/email.js';
import { dataScopeOf } from '../../core/policy/data-scope.js';
import type { Decision } from '../../core/policy/decision.js';
import type { RenderedReply } from '../../core/replies/reply-model.js';

/** The email fields a reply is built from. */
export type AnsweredEmail = Pick<Email, 'id' | 'messageId' | 'threadKey' | 'mailbox' | 'from' | 'headers'>;

/** The draft message for `reply`; with `send`, also our Message-ID and the automatic flag for the outbox. */
export function autoReplyMessage(
  email: AnsweredEmail,
  decision: Decision & { customerId: string },
  reply: RenderedReply,
  send?: { messageId: string },
): ReplyMessage {
  const attachedInvoices = reply.attachments.flatMap((a) => (a.kind === 'invoice' && a.invoiceNumber ? [a.invoiceNumber] : []));
  const question = email.messageId.replace(/^<(.*)>$/, '$1');
  return {
    to: decision.recipients.map((address) => (email.from.address === address && email.from.name ? { name: email.from.name, address } : { address })),
    cc: [],
    subject: reply.subject,
    text: reply.text,
    html: reply.html,
    inReplyTo: question,
    references: [...new Set([...(email.headers.references ?? []).map((r) => r.replace(/^<(.*)>$/, '$1')), question])],
    attachInvoices: attachedInvoices,
    from: { address: email.mailbox },
    attachments: reply.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
      kind: a.kind,
      ...(a.invoiceNumber ? { invoiceNumber: a.invoiceNumber } : {}),
    })),
    disclosure: {
      customerId: decision.customerId,
      scope: dataScopeOf(decision.intents),
      invoiceNumbers: [...new Set([...decision.invoiceNumbers, ...attachedInvoices])],
    },
    ...(send ? { messageId: send.messageId, automatic: true } : {}),
  };
}

/** The draft a person checks before sending: the composed reply to its To, with its Cc kept. */
export function reviewerDraft(email: AnsweredEmail, decision: Decision & { customerId: string }, reply: RenderedReply & { to: string[]; cc: string[] }): ReplyMessage {
  const message = autoReplyMessage(email, { ...decision, recipients: reply.to }, reply);
  return { ...message, cc: reply.cc.map((address) => ({ address })) };
}

/** Why the stored email looks machine-sent from the headers kept with it, if it does. */
export function machineSentFromHeaders(email: AnsweredEmail): string | undefined {
  const autoSubmitted = email.headers.autoSubmitted?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (email.headers.precedence?.trim().toLowerCase() === 'auto_reply') return 'Precedence: auto_reply';
  return undefined;
}
