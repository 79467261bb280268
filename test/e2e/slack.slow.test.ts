// A form submission whose use case is slower than Slack's 3 s deadline, over HTTP: arbot waits
// for the use case up to its own deadline (2 s, slack-modals.ts), then acknowledges (the form
// closes) and still finishes the work and tells the person how it went — the task's message
// updated on success, an ephemeral note on a refusal. The slowness is injected where it really
// happens: the Slack Web API stub answering chat.update late (the card update is part of the
// use case), and a repository read delayed through the desk's repositories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../core/domain/task.js';
import type { User } from '../../core/domain/user.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { CHANNEL, startSlackWorld, type SlackWorld } from '../support/slack-e2e.js';

/** Slack closes the connection after 3 s. */
const SLACK_DEADLINE_MS = 3000;
/** Longer than Slack waits: the use case cannot finish before the ack. */
const SLOW_MS = 3500;

let w: SlackWorld;
/** How long each task read takes (0: as fast as the store answers). */
let taskReadDelayMs = 0;

/** The repositories with task reads that take `taskReadDelayMs` when it is set. */
function withSlowTaskReads(repos: Repositories): Repositories {
  const tasks = new Proxy(repos.tasks, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (prop !== 'get') return fn.bind(target);
      return async (...args: unknown[]) => {
        if (taskReadDelayMs > 0) await new Promise((r) => setTimeout(r, taskReadDelayMs));
        return fn.apply(target, args);
      };
    },
  });
  return { ...repos, tasks };
}

beforeAll(async () => {
  w = await startSlackWorld({ wrapRepos: withSlowTaskReads });
});

afterAll(async () => {
  await w?.close();
});

const holderOf = (task: Task): User => (task.assignee === w.ana.id ? w.ana : w.ben);

/** Clicks a form button on the task's message and waits for the form to be opened. */
async function openForm(task: Task, holder: User, actionId: string): Promise<void> {
  const r = await w.interaction(w.click(holder, w.cardOf(task), actionId));
  expect(r.status).toBe(200);
  await w.stub.waitFor(() => w.stub.callsOf('views.open').find((c) => String(c.args.trigger_id).endsWith(`trigger-${actionId}`) && String(c.args.view).includes(task.id)), 3000, 'views.open');
}

describe('a form whose use case outlasts Slack’s deadline', () => {
  it('Edit draft with Slack answering chat.update in 3.5 s: acked in time, the draft saved once, the message updated after', async () => {
    const task = await openTask();
    const holder = holderOf(task);
    await openForm(task, holder, 'task.edit');
    const before = { draft: await w.desk.repos.drafts.latest(task.id), updates: w.cardOf(task).updates, ephemerals: w.stub.ephemerals.length };
    expect(before.draft?.version).toBeDefined();

    w.stub.delay('chat.update', SLOW_MS);
    try {
      const r = await w.interaction(w.submit(holder, { text: { text: { type: 'plain_text_input', value: 'Hello Jane, here is INV-204518 again.' } } }));
      expect(r.status).toBe(200);
      expect(r.body).toBe('');
      expect(r.ms).toBeLessThan(SLACK_DEADLINE_MS);
      // The ack did not wait for the use case: its card update has not been answered yet.
      expect(w.cardOf(task).updates).toBe(before.updates);

      const shown = await w.stub.waitFor(() => (w.cardOf(task).updates > before.updates ? w.cardOf(task) : undefined), SLOW_MS + 3000, 'the late message update');
      const now = await w.desk.repos.tasks.get(task.id);
      expect(shown.metadata?.event_payload.version).toBe(now?.version);
      expect(shown.updates).toBe(before.updates + 1);
    } finally {
      w.stub.delay('chat.update', 0);
    }
    const drafts = await w.desk.repos.drafts.list(task.id);
    expect(drafts.map((d) => d.version)).toEqual([before.draft?.version, (before.draft?.version ?? 0) + 1]);
    expect(drafts.at(-1)?.message.text).toBe('Hello Jane, here is INV-204518 again.');
    const edits = (await w.desk.repos.audit.listBySubject('task', task.id)).filter((e) => e.action === 'draft_edited');
    expect(edits).toHaveLength(1);
    // A success is shown on the message; no note to the person.
    expect(w.stub.ephemerals.slice(before.ephemerals).filter((e) => e.user === holder.identities.slackUserId)).toEqual([]);
  });

  it('Fix data refused after the deadline: acked in time (the form closes), the person is told why, nothing changes', async () => {
    const task = await openTask();
    const holder = holderOf(task);
    await openForm(task, holder, 'task.fix');
    const before = w.stub.ephemerals.length;

    taskReadDelayMs = SLOW_MS;
    let r;
    try {
      r = await w.interaction(w.submit(holder, { invoices: { invoices: { type: 'plain_text_input', value: 'INV-999999' } } }));
    } finally {
      taskReadDelayMs = 0;
    }
    expect(r.status).toBe(200);
    // Too late to show the refusal under the field: a plain ack closes the form.
    expect(r.body).toBe('');
    expect(r.ms).toBeLessThan(SLACK_DEADLINE_MS);
    expect(w.stub.ephemerals.slice(before)).toEqual([]);

    const note = await w.stub.waitFor(() => w.stub.ephemerals.slice(before).find((e) => e.user === holder.identities.slackUserId), SLOW_MS + 3000, 'the note to the person');
    expect(note.channel).toBe(CHANNEL);
    expect(note.text).toContain('INV-999999 is not in the system of record');
    const after = await w.desk.repos.tasks.get(task.id);
    expect(after?.version).toBe(task.version);
    expect(after?.invoiceNumbers).toEqual(task.invoiceNumbers);
  });
});

function openTask(): Promise<Task> {
  return w.openTask({ draft: true });
}
