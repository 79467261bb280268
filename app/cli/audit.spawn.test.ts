// `arbot audit verify` and `arbot audit export`, run as the real executable on an embedded data dir.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from 'mongodb';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../storage/index.js';
import { auditFixture } from '../../test/fixtures/people.js';

const bin = join(import.meta.dirname, '../../bin/arbot.js');
const dirs: string[] = [];

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/**
 * A data dir whose audit log holds 20 events (seq n on 2026-11-n, 09:00 UTC), written through the
 * repository by an embedded store in this process, then tampered with through the driver; the store
 * is closed before the CLI runs, so the spawned process opens the files itself.
 */
async function dataDirWithLog(tamper?: (db: Db) => Promise<unknown>): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'arbot-audit-'));
  dirs.push(dataDir);
  const storage = await openStorage({ dataDir, dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: pino({ level: 'silent' }), tenantId: 'default' });
  try {
    for (let day = 1; day <= 20; day++) {
      await storage.repos.audit.append(auditFixture({ at: new Date(Date.UTC(2026, 10, day, 9)), subject: { type: 'task', id: `task-${day}` } }));
    }
    await tamper?.(storage.db);
  } finally {
    await storage.close();
  }
  return dataDir;
}

function arbot(args: string[], dataDir: string) {
  // Run inside the data dir, so a relative --out lands there and is removed with it.
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: dataDir, encoding: 'utf8', env: { PATH: process.env.PATH, ARBOT_DATA_DIR: dataDir }, timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('arbot audit (spawned)', () => {
  it('verify: an intact log exits 0', { timeout: 60_000 }, async () => {
    expect(arbot(['audit', 'verify'], await dataDirWithLog())).toEqual({ code: 0, stdout: 'Audit log intact: 20 events, head seq 20.\n', stderr: '' });
  });

  it('verify: an empty data dir is an intact, empty log', { timeout: 60_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'arbot-audit-'));
    dirs.push(dataDir);
    expect(arbot(['audit', 'verify'], dataDir)).toEqual({ code: 0, stdout: 'Audit log intact: 0 events.\n', stderr: '' });
  });

  it('verify: a modified event exits 1 naming its seq', { timeout: 60_000 }, async () => {
    const dataDir = await dataDirWithLog((db) => db.collection('audit').updateOne({ seq: 7 }, { $set: { after: { status: 'rejected' } } }));
    const { code, stdout, stderr } = arbot(['audit', 'verify'], dataDir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe('arbot: Audit log BROKEN at seq 7: event modified (hash does not match its content).');
  });

  it('verify: a deleted middle event exits 1 naming its seq', { timeout: 60_000 }, async () => {
    const { code, stderr } = arbot(['audit', 'verify'], await dataDirWithLog((db) => db.collection('audit').deleteOne({ seq: 10 })));
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe('arbot: Audit log BROKEN at seq 10: event missing (deleted): the log jumps from seq 9 to seq 11.');
  });

  it('verify: a deleted newest event exits 1 naming its seq', { timeout: 60_000 }, async () => {
    const { code, stderr } = arbot(['audit', 'verify'], await dataDirWithLog((db) => db.collection('audit').deleteOne({ seq: 20 })));
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe(
      'arbot: Audit log BROKEN at seq 20: event missing (deleted from the end): the log ends at seq 19 but the head anchor is at seq 20.',
    );
  });

  it('export: the events of a date range as CSV on stdout, and as JSON to a file', { timeout: 60_000 }, async () => {
    const dataDir = await dataDirWithLog();
    const csv = arbot(['audit', 'export', '--format', 'csv', '--from', '2026-11-05', '--to', '2026-11-08T09:00:00Z'], dataDir);
    expect(csv.stderr).toBe('');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('seq,at,actorKind,actorId,action,subjectType,subjectId,before,after,prevHash,hash');
    expect(lines.slice(1, -1).map((line) => line.split(',').slice(0, 7).join(','))).toEqual([
      '5,2026-11-05T09:00:00.000Z,user,user-1,task.approve,task,task-5',
      '6,2026-11-06T09:00:00.000Z,user,user-1,task.approve,task,task-6',
      '7,2026-11-07T09:00:00.000Z,user,user-1,task.approve,task,task-7',
    ]);
    expect(lines[1]).toMatch(/,"{""status"":""in_review""}","{""status"":""approved""}",[0-9a-f]{64},[0-9a-f]{64}$/);
    expect(lines.at(-1)).toBe('');

    const json = arbot(['audit', 'export', '--from', '2026-11-19', '--to', '2026-12-01', '--out', 'audit.json'], dataDir);
    expect(json).toMatchObject({ code: 0, stdout: '', stderr: 'exported 2 events to audit.json\n' });
    const events = JSON.parse(await readFile(join(dataDir, 'audit.json'), 'utf8')) as { seq: number; at: string }[];
    expect(events.map((e) => [e.seq, e.at])).toEqual([
      [19, '2026-11-19T09:00:00.000Z'],
      [20, '2026-11-20T09:00:00.000Z'],
    ]);
  });

  it('export: a bad date exits 2 with a clear message', { timeout: 60_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'arbot-audit-'));
    dirs.push(dataDir);
    expect(arbot(['audit', 'export', '--from', '2026-02-30', '--to', '2026-03-01'], dataDir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'arbot: --from: not an ISO date or date-time: "2026-02-30" (for example 2026-11-20, 2026-11-20T09:30:00Z or 2026-11-20T10:30:00+01:00)\n',
    });
    expect(arbot(['audit', 'export', '--from', '2026-03-01', '--to', '2026-03-01'], dataDir)).toMatchObject({ code: 2, stderr: expect.stringContaining('must be before --to') });
  });
});
