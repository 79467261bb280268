// Opens a review task the way the pipeline does, for the chat e2e tests: an email from Jane Roe
// (Acme) asking for INV-204518, reviewed because the sender is not a known contact, with an
// optional draft; the people in `away` are marked away meanwhile, so the task stays unassigned.
import type { ReviewDesk } from '../../app/review-desk.js';
import type { ReplyMessage } from '../../core/domain/draft.js';
import type { Task } from '../../core/domain/task.js';
import type { User } from '../../core/domain/user.js';
import { emailFixture } from '../fixtures/email.js';

export async function openJaneReviewTask(desk: Pick<ReviewDesk, 'repos' | 'reviewTasks'>, n: number, opts: { draftText?: string; away?: readonly User[] } = {}): Promise<Task> {
  const { repos } = desk;
  const away = opts.away ?? [];
  const { email } = await repos.emails.insertIfNew(emailFixture({ from: { name: 'Jane Roe', address: 'jane@acme.example' }, subject: `Copy of INV-204518 please (${n})` }), new Date());
  const draft: ReplyMessage | null =
    opts.draftText === undefined
      ? null
      : { to: [{ name: 'Jane Roe', address: 'jane@acme.example' }], cc: [], subject: `Re: ${email.subject}`, text: opts.draftText, attachInvoices: [], inReplyTo: email.messageId, references: [email.messageId] };
  for (const u of away) await repos.users.setAway(u.id, true, new Date());
  try {
    const { task } = await desk.reviewTasks.open({
      emailId: email.id,
      analysis: {
        language: 'en',
        entities: { invoiceNumbers: [], poNumbers: [], accountNumbers: [], amounts: [], dates: [], paymentReferences: [] },
        decision: { action: 'review', reasons: [{ code: 'sender_not_known_contact', message: 'The sender is not a known contact.' }], intents: ['invoice_copy'], customerId: 'C1', invoiceNumbers: ['INV-204518'], recipients: [] },
      },
      draft,
    });
    return task;
  } finally {
    for (const u of away) await repos.users.setAway(u.id, false, new Date());
  }
}
