// The README's two commands in a fresh clone: `npm install && npm start` on nothing but Node.
// The clone holds what git would commit (tracked files plus untracked ones that are not
// ignored; in CI, a clean checkout, that is exactly the commit), so no ./data, ./outbox or
// tab/dist. `npm install` is too slow for a test: node_modules is linked from this checkout
// and its install step (`npm run prepare`, the dashboard build) is run. Then `npm start` must
// load the demo company, print the summary demo/expected.json states, write that many replies
// to ./outbox, and serve; Ctrl-C stops it, and a second `npm start` does not load it again.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoExpectations } from '../../app/first-run/demo-company.js';

const repo = join(import.meta.dirname, '../..');
let clone: string;
let expected: DemoExpectations;

beforeAll(async () => {
  clone = await mkdtemp(join(tmpdir(), 'arbot-clone-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter((f) => f !== '')) {
    // A tracked file deleted in the working tree is not part of the next commit either.
    if (!existsSync(join(repo, file))) continue;
    await mkdir(dirname(join(clone, file)), { recursive: true });
    await cp(join(repo, file), join(clone, file));
  }
  await symlink(join(repo, 'node_modules'), join(clone, 'node_modules'), 'dir');
  const prepare = spawnSync('npm', ['run', '-s', 'prepare', '--if-present'], { cwd: clone, env: cleanEnv({}), encoding: 'utf8' });
  if (prepare.status !== 0) throw new Error(`npm run prepare failed: ${prepare.stderr}`);
  expected = JSON.parse(await readFile(join(clone, 'demo/expected.json'), 'utf8')) as DemoExpectations;
}, 60_000);

afterAll(async () => {
  await rm(clone, { recursive: true, force: true });
});

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

interface Started {
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
  stdout: () => string;
}

/** `npm start` in the clone, in its own process group (a terminal's Ctrl-C reaches the whole group). */
function npmStart(port: number): Started {
  const child = spawn('npm', ['start'], { cwd: clone, env: cleanEnv({ PORT: String(port) }), detached: true });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  return { child, stderr: () => stderr, stdout: () => stdout };
}

async function waitFor(started: Started, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.stderr().includes(text)) {
    if (started.child.exitCode !== null) throw new Error(`npm start exited (${started.child.exitCode}):\n${started.stderr()}\n${started.stdout().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}":\n${started.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Ctrl-C; resolves once npm and arbot are both gone (their shared stdio closed), with whether arbot stopped cleanly. */
async function ctrlC(started: Started): Promise<boolean> {
  const closed = new Promise<void>((r) => started.child.once('close', () => r()));
  process.kill(-(started.child.pid as number), 'SIGINT');
  await closed;
  return started.stdout().includes('"msg":"stopped"');
}

function figure(text: string, label: string): number {
  const m = new RegExp(`^\\s*${label}\\s+(\\d+)`, 'm').exec(text);
  if (!m) throw new Error(`no "${label}" in the summary:\n${text}`);
  return Number(m[1]);
}

function perIntent(text: string): Record<string, { emails: number; autoReplied: number; tasks: number; noAction: number }> {
  const rows: Record<string, { emails: number; autoReplied: number; tasks: number; noAction: number }> = {};
  for (const m of text.matchAll(/^ {2}([a-z_]+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)$/gm)) {
    rows[m[1]!] = { emails: Number(m[2]), autoReplied: Number(m[3]), tasks: Number(m[4]), noAction: Number(m[5]) };
  }
  return rows;
}

describe('first run in a fresh clone (npm install && npm start)', () => {
  it('loads the demo company once, prints the expected summary, writes the replies to ./outbox and serves', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const first = npmStart(port);
    try {
      await waitFor(first, 'ARBOT_DEMO=off skips the demo.\n', 90_000);
    } catch (err) {
      process.kill(-(first.child.pid as number), 'SIGKILL');
      throw err;
    }
    const out = first.stderr();
    expect(out).toContain('First run: no SoR data and no mailbox yet');
    expect(figure(out, 'Emails processed')).toBe(expected.processed);
    expect(figure(out, 'Auto-replied')).toBe(expected.autoReplied);
    expect(figure(out, 'Review tasks')).toBe(expected.tasks);
    expect(figure(out, 'No action')).toBe(expected.noAction);
    expect(out).toContain(`(${expected.outboxFiles} replies written to ./outbox as .eml files)`);
    expect(perIntent(out)).toEqual(expected.perIntent);
    // Not a TTY: plain progress lines, no control characters.
    expect(out).toContain(`demo inbox: ${expected.processed}/${expected.processed} `);
    expect(out).not.toContain('\u001b[');
    expect(out).toContain(`Dashboard:  http://127.0.0.1:${port}/tab\n`);
    expect(out).toContain('npm run teams:playground');

    const outbox = (await readdir(join(clone, 'outbox'))).filter((f) => f.endsWith('.eml'));
    expect(outbox).toHaveLength(expected.outboxFiles);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', storage: 'embedded' });
    expect((await fetch(`http://127.0.0.1:${port}/tab/`)).status).toBe(200);
    // stdout stays the JSON log.
    const logLines = first.stdout().split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.some((l) => l.includes('first run: demo company loaded'))).toBe(true);
    expect(await ctrlC(first)).toBe(true);

    const second = npmStart(port);
    try {
      await waitFor(second, 'is already loaded in this store', 30_000);
      await waitFor(second, 'ARBOT_DEMO=off skips the demo.\n', 10_000);
    } finally {
      expect(await ctrlC(second)).toBe(true);
    }
    expect(second.stderr()).not.toContain('First run:');
    expect(second.stderr()).toContain(`${expected.processed} emails processed, ${expected.autoReplied} auto-replied, ${expected.tasks} review tasks, ${expected.noAction} no action`);
    expect((await readdir(join(clone, 'outbox'))).filter((f) => f.endsWith('.eml'))).toHaveLength(expected.outboxFiles);
  });
});
