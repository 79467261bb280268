// What an outbox item becomes at send time: the message for the MailSender and the request
// the send guard checks. An item missing anything needed to prove the send safe is refused.
import type { OutboxItem } from '../../core/domain/outbox-item.js';
import type { SendRequest } from '../../core/policy/send-guard.js';
import type { OutgoingMessage } from '../../core/replies/reply-model.js';

export type PreparedSend = { ok: true; message: OutgoingMessage; guard: SendRequest } | { ok: false; problems: string[] };

/** The outgoing message and guard request for an item, or why it cannot be sent. */
export function prepareSend(item: OutboxItem): PreparedSend {
  const m = item.message;
  const problems: string[] = [];
  if (!m.messageId) problems.push('the item has no Message-ID of ours (it must be fixed when queued)');
  if (!m.from) problems.push('the item has no From address');
  if (!m.disclosure) problems.push('the item does not say whose data it carries, so the send guard cannot check it');
  if (problems.length > 0 || !m.messageId || !m.from || !m.disclosure) return { ok: false, problems };

  const attachments = m.attachments ?? [];
  // Every invoice the message names or attaches is checked, not only those the draft declared.
  const invoiceNumbers = [
    ...new Set([...m.disclosure.invoiceNumbers, ...m.attachInvoices, ...attachments.flatMap((a) => (a.invoiceNumber ? [a.invoiceNumber] : []))]),
  ];
  const to = m.to.map((a) => a.address);
  const cc = m.cc.map((a) => a.address);
  return {
    ok: true,
    message: {
      messageId: m.messageId,
      from: m.from.address,
      to,
      cc,
      subject: m.subject,
      text: m.text,
      html: m.html ?? '',
      ...(m.inReplyTo ? { inReplyTo: m.inReplyTo } : {}),
      references: m.references ?? [],
      attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      ...(m.automatic ? { autoSubmitted: true } : {}),
    },
    guard: { customerId: m.disclosure.customerId, scope: m.disclosure.scope, invoiceNumbers, recipients: [...to, ...cc] },
  };
}
