// After the outbox sends an analyst-approved reply, the task is sent and every card of it
// says so ("Sent by Ana Lima"), through the same publisher the use cases use.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { FakeMailProvider } from '../../test/fixtures/fake-mail-provider.js';
import { asTeams, botWorld, silent } from '../../test/support/bot-world.js';
import { approveAndSend, editDraft } from '../../bot/use-cases/draft.js';
import { OutboxSender } from './outbox-sender.js';

let dir: string;
let storage: StorageHandle;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-outbox-publish-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

describe('outbox sender and task cards', () => {
  it('marks the approved task sent and updates its card for everyone', async () => {
    const w = await botWorld(storage.client);
    const taskId = await w.newTask();
    const ana = asTeams(w.analysts[0]);
    expect((await editDraft(w.deps, ana, taskId, { text: 'Attached.', attachInvoices: ['INV-204518'] })).ok).toBe(true);
    expect((await approveAndSend(w.deps, ana, taskId)).ok).toBe(true);
    const provider = new FakeMailProvider({ logFile: join(dir, 'sends.jsonl') });
    const sender = new OutboxSender({
      outbox: w.repos.outbox,
      audit: w.repos.audit,
      tasks: w.repos.tasks,
      mail: provider,
      sor: w.sor,
      logger: silent,
      settings: { leaseMs: 60_000, maxAttempts: 3 },
      publisher: w.cards,
    });
    const outcomes = await sender.drain('w1', () => w.now(), 10);
    expect(outcomes.map((o) => o.kind)).toEqual(['sent']);
    expect(await w.repos.tasks.get(taskId)).toMatchObject({ status: 'sent', approvedBy: w.analysts[0].id });
    const [card] = w.chat.messagesOf('19:collections@thread.tacv2');
    expect(card?.view).toMatchObject({ taskId, status: 'sent', statusLabel: 'Sent by Ana Lima' });
  });
});
