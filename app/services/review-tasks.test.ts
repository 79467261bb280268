// Review tasks from the pipeline: one task per email however often it arrives, SLA target
// and priority, the pipeline's draft, placement by rule and round-robin, the audit trail,
// and the card posted in the team channel with the assignee @mentioned. Then the SLA watch:
// a reminder before the target and an escalation at the breach, each sent once.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmailAnalysis } from '../../core/domain/email-analysis.js';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { botWorld, silent, type BotWorld } from '../../test/support/bot-world.js';
import { emailFixture } from '../../test/fixtures/email.js';
import { DISTRIBUTION_POLICY_KEY } from '../../bot/distribution/task-distributor.js';
import { ReviewTaskService } from './review-tasks.js';
import { SlaWatch } from './sla-watch.js';

let dir: string;
let storage: StorageHandle;
let w: BotWorld;
let service: ReviewTaskService;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-review-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  w = await botWorld(storage.client);
  service = new ReviewTaskService({ repos: w.repos, distributor: w.distributor, publisher: w.cards, sor: w.sor, clock: w.now });
});

type Analysis = Pick<EmailAnalysis, 'decision' | 'language' | 'entities'>;
const analysis = (over: Partial<Analysis['decision']> = {}, amounts: number[] = []): Analysis => ({
  language: 'en',
  entities: { invoiceNumbers: [], poNumbers: [], accountNumbers: [], amounts: amounts.map((value) => ({ value, currency: 'USD', raw: `$${value}` })), dates: [], paymentReferences: [] },
  decision: { action: 'review', reasons: [{ code: 'sender_not_known_contact', message: 'The sender is not a known contact.' }], intents: ['invoice_copy'], customerId: 'C1', invoiceNumbers: ['INV-204518'], recipients: [], ...over },
});

async function email(subject = 'Copy please') {
  return (await w.repos.emails.insertIfNew(emailFixture({ subject }), w.now())).email;
}

describe('review tasks', () => {
  it('opens one task per email with SLA, draft, round-robin assignee, audit and a card mentioning the assignee', async () => {
    const e = await email();
    const draft = { to: [{ address: 'jane@acme.example' }], cc: [], subject: 'Re: Copy please', text: 'Attached.', attachInvoices: ['INV-204518'] };
    const [first, again] = [await service.open({ emailId: e.id, analysis: analysis(), draft }), await service.open({ emailId: e.id, analysis: analysis(), draft })];
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, task: { id: first.task.id } });
    expect(first.task).toMatchObject({
      status: 'assigned',
      assignee: w.analysts[0].id,
      teamId: w.team.id,
      reasons: ['sender_not_known_contact'],
      priority: 'normal',
      dueAt: new Date('2026-11-21T09:00:00Z'),
      remindAt: new Date('2026-11-21T08:00:00Z'),
    });
    expect((await w.repos.drafts.list(first.task.id)).map((d) => d.version)).toEqual([1]);
    expect((await w.repos.audit.listBySubject('task', first.task.id)).map((a) => a.action)).toEqual(['task_created', 'draft_created', 'assigned']);
    const [card] = w.chat.messagesOf('19:collections@thread.tacv2');
    expect(card?.view).toMatchObject({ taskId: first.task.id, status: 'assigned', assignee: { displayName: 'Ana Lima' } });
    expect(card?.mentionedUserIds).toEqual([w.analysts[0].identities.teamsAadObjectId]);
    expect((await w.repos.tasks.get(first.task.id))?.posts).toHaveLength(1);
  });

  it('disputes and large amounts are high priority; a rule routes a language to a person', async () => {
    await w.repos.settings.set(DISTRIBUTION_POLICY_KEY, { rules: [{ name: 'french to Chen', when: { languages: ['fr'] }, assignTo: { kind: 'user', userId: w.analysts[2].id } }] }, w.now());
    const dispute = await service.open({ emailId: (await email()).id, analysis: analysis({ intents: ['dispute'] }) });
    expect(dispute.task).toMatchObject({ priority: 'high', dueAt: new Date('2026-11-20T13:00:00Z') });
    const big = await service.open({ emailId: (await email()).id, analysis: analysis({}, [25_000]) });
    expect(big.task).toMatchObject({ priority: 'high', amount: 25_000 });
    const french = await service.open({ emailId: (await email()).id, analysis: { ...analysis(), language: 'fr' } });
    expect(french.task.assignee).toBe(w.analysts[2].id);
    const routed = (await w.repos.audit.listBySubject('task', french.task.id)).find((a) => a.action === 'assigned');
    expect(routed?.after).toMatchObject({ rule: 'french to Chen' });
  });

  it('with everybody away the task waits unassigned in the team queue', async () => {
    for (const a of w.analysts) await w.repos.users.setAway(a.id, true, w.now());
    const { task } = await service.open({ emailId: (await email()).id, analysis: analysis() });
    expect(task).toMatchObject({ status: 'new', teamId: w.team.id });
    expect(task.assignee).toBeUndefined();
  });
});

describe('SLA watch', () => {
  it('reminds the assignee before the target and escalates at the breach, each once, also with two watchers', async () => {
    await w.repos.teams.setEscalation(w.team.id, { channels: { teams: { teamId: 'team-1', channelId: '19:managers@thread.tacv2' } } }, w.now());
    const { task } = await service.open({ emailId: (await email('Where is my statement')).id, analysis: analysis() });
    const watch = new SlaWatch({ repos: w.repos, channels: w.channels, logger: silent });
    const other = new SlaWatch({ repos: w.repos, channels: w.channels, logger: silent });

    expect(await watch.run(new Date('2026-11-21T07:59:00Z'))).toEqual({ reminded: 0, escalated: 0, undelivered: 0 });
    const atReminder = new Date('2026-11-21T08:00:00Z');
    const [a, b] = await Promise.all([watch.run(atReminder), other.run(atReminder)]);
    expect(a.reminded + b.reminded).toBe(1);
    const dms = await w.chat.probe.directMessagesTo({ userId: w.analysts[0].id, displayName: 'Ana Lima', teamsAadObjectId: w.analysts[0].identities.teamsAadObjectId! });
    expect(dms).toEqual([expect.stringContaining('Reminder: task "Where is my statement" (customer C1) is due in 60 minutes')]);

    const atBreach = new Date('2026-11-21T09:00:00Z');
    const [c, d] = await Promise.all([watch.run(atBreach), other.run(atBreach)]);
    expect(c.escalated + d.escalated).toBe(1);
    const posted = w.chat.messagesOf('19:managers@thread.tacv2');
    expect(posted.map((m) => m.text)).toEqual([expect.stringContaining('SLA breached: task "Where is my statement"')]);
    expect(posted[0]?.mentionedUserIds).toEqual([w.analysts[0].identities.teamsAadObjectId]);
    expect(await watch.run(new Date('2026-11-22T09:00:00Z'))).toEqual({ reminded: 0, escalated: 0, undelivered: 0 });
    expect((await w.repos.audit.listBySubject('task', task.id)).map((e) => e.action)).toEqual(['task_created', 'assigned', 'sla_reminder', 'sla_escalated']);
  });

  it('a task answered before its target is never escalated', async () => {
    const { task } = await service.open({ emailId: (await email()).id, analysis: analysis() });
    const t = await w.repos.tasks.get(task.id);
    await w.repos.tasks.transition(task.id, t!.version, { status: 'sent', closedAt: w.now() }, w.now());
    const watch = new SlaWatch({ repos: w.repos, channels: w.channels, logger: silent });
    expect(await watch.run(new Date('2026-11-25T00:00:00Z'))).toEqual({ reminded: 0, escalated: 0, undelivered: 0 });
  });
});
