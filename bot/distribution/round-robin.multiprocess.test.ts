// Round-robin over three members with one away, shared by two worker processes opening tasks
// at the same time and by a third process started afterwards (a restart): one fair order,
// every turn taken once, nobody served out of turn.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openStorage, type StorageHandle } from '../../storage/index.js';
import { createRepositories, type Repositories } from '../../storage/repositories/index.js';
import { silent } from '../../test/support/bot-world.js';

let dir: string;
let storage: StorageHandle;
let repos: Repositories;
const dbName = 'round_robin';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-rr-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName, embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  const db = storage.client.db(dbName);
  await migrate(db, silent);
  repos = createRepositories(db, 't');
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

interface Worker {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

function startWorker(id: string, count: number): Worker {
  const uri = storage.embedded?.uri;
  if (!uri) throw new Error('the test store is embedded and has a uri');
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../test/fixtures/rotation-worker.ts'), uri, dbName, id, String(count)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => lines.push(l));
  return { child, lines, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function waitFor(worker: Worker, line: string): Promise<void> {
  const until = Date.now() + 60_000;
  while (!worker.lines.includes(line)) {
    if (Date.now() > until) throw new Error(`worker did not print "${line}" (got: ${worker.lines.join(' | ')})`);
    if (worker.child.exitCode !== null) throw new Error(`worker exited before printing "${line}"`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Assigned = { taskId: string; assignee: string | null; turn: number | null };
const results = (w: Worker): Assigned[] => w.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Assigned);

describe('round-robin across worker processes', () => {
  it('three members, one away: two concurrent workers and a restarted one share one fair order', { timeout: 120_000 }, async () => {
    const now = new Date('2026-11-20T08:00:00Z');
    const mk = (name: string, away: boolean) => repos.users.create({ displayName: name, identities: { slackUserId: `U-${name}` }, roles: ['Analyst'], away }, now);
    const ana = await mk('Ana', false);
    const ben = await mk('Ben', true);
    const chen = await mk('Chen', false);
    await repos.teams.create({ name: 'Collections', members: [ana.id, ben.id, chen.id], channels: {} }, now);

    const first = [startWorker('w1', 15), startWorker('w2', 15)];
    for (const w of first) await waitFor(w, 'ready');
    for (const w of first) w.child.stdin?.write('go\n');
    for (const w of first) {
      await waitFor(w, 'done');
      expect(await w.exited).toBe(0);
    }
    const [w1, w2] = first.map(results) as [Assigned[], Assigned[]];
    expect(w1.length + w2.length).toBe(30);

    const restarted = startWorker('w3', 6);
    await waitFor(restarted, 'ready');
    restarted.child.stdin?.write('go\n');
    await waitFor(restarted, 'done');
    expect(await restarted.exited).toBe(0);

    const all = [...w1, ...w2, ...results(restarted)].sort((a, b) => (a.turn ?? 0) - (b.turn ?? 0));
    // Every turn 1..36 taken exactly once, in the order Ana, Chen, Ana, Chen … (Ben is away).
    expect(all.map((a) => a.turn)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(all.map((a) => a.assignee)).toEqual(Array.from({ length: 36 }, (_, i) => (i % 2 === 0 ? ana.id : chen.id)));
    // The tasks agree with what the workers reported; Ben got none.
    const counts = await repos.tasks.openCounts([ana.id, ben.id, chen.id]);
    expect(Object.fromEntries(counts)).toEqual({ [ana.id]: 18, [ben.id]: 0, [chen.id]: 18 });
    expect(results(restarted).map((a) => a.turn)).toEqual([31, 32, 33, 34, 35, 36]);
  });
});
