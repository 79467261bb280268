// The sla-check job: thin around SlaWatch, driven by the job context's injected clock.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewTaskService } from '../app/services/review-tasks.js';
import { SlaWatch } from '../app/services/sla-watch.js';
import { openStorage, type StorageHandle } from '../storage/index.js';
import { emailFixture } from '../test/fixtures/email.js';
import { botWorld, silent } from '../test/support/bot-world.js';
import { slaCheckJob } from './sla-check.job.js';

let dir: string;
let storage: StorageHandle;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-sla-job-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

describe('sla-check job', () => {
  it('runs every minute and escalates what is due at the context clock, logging a summary', async () => {
    const w = await botWorld(storage.client);
    await w.repos.teams.setEscalation(w.team.id, { managers: [w.manager.id] }, w.now());
    const { email } = await w.repos.emails.insertIfNew(emailFixture({ subject: 'Short payment' }), w.now());
    await new ReviewTaskService({ repos: w.repos, distributor: w.distributor, publisher: w.cards, sor: w.sor, clock: w.now }).open({
      emailId: email.id,
      analysis: {
        language: 'en',
        entities: { invoiceNumbers: [], poNumbers: [], accountNumbers: [], amounts: [], dates: [], paymentReferences: [] },
        decision: { action: 'review', reasons: [{ code: 'dispute', message: 'A dispute.' }], intents: ['dispute'], customerId: 'C1', invoiceNumbers: [], recipients: [] },
      },
    });
    const logged: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) });
    const job = slaCheckJob(() => new SlaWatch({ repos: w.repos, channels: w.channels, logger }));
    expect(job).toMatchObject({ name: 'sla-check', every: '1 minute', concurrency: 1 });

    await job.run({}, { db: w.db, logger, workerName: 'w1', now: () => new Date('2026-11-20T12:59:00Z') });
    await job.run({}, { db: w.db, logger, workerName: 'w1', now: () => new Date('2026-11-20T13:00:00Z') });
    expect(logged.map((l) => [l['reminded'], l['escalated']])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    // No escalation channel: the team's manager is told directly.
    const dms = await w.chat.probe.directMessagesTo({ userId: w.manager.id, displayName: w.manager.displayName, teamsAadObjectId: w.manager.identities.teamsAadObjectId! });
    expect(dms).toEqual([expect.stringContaining('SLA breached: task "Short payment"')]);
  });
});
