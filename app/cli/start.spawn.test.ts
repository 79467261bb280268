// `arbot start` as a user runs it: a real process on the embedded store, stopped with Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/arbot.js');
let cwd: string;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'arbot-start-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  return { ...env, ...extra };
}

describe('arbot start (spawned)', () => {
  it('creates ./data, logs the redacted config, serves /healthz and stops cleanly on SIGINT', { timeout: 30_000 }, async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [bin, 'start'], { cwd, env: cleanEnv({ PORT: String(port), ARBOT_DEMO: 'off' }), stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (l) => {
        lines.push(l);
        if (l.includes('listening on')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited early (${code}): ${stderr}`)));
    });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', storage: 'embedded' });
    expect((await stat(join(cwd, 'data'))).isDirectory()).toBe(true);
    const startLog = lines.map((l) => JSON.parse(l) as { msg: string; config?: unknown }).find((l) => l.config);
    expect(startLog?.config).toMatchObject({ storage: { dataDir: './data' }, server: { port } });

    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(lines.some((l) => l.includes('"stopped"'))).toBe(true);
    expect(stderr).toBe('');
  });

  it('exits with one line naming MONGODB_URI when MongoDB is unreachable', { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, [bin, 'start'], {
      cwd,
      env: cleanEnv({ MONGODB_URI: 'mongodb://arbot:s3cret@127.0.0.1:1/arbot', PORT: String(await freePort()), LOG_LEVEL: 'silent' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).not.toBe(0);
    const errLines = stderr.trim().split('\n');
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(/^arbot: MONGODB_URI/);
    expect(stderr).not.toContain('s3cret');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
