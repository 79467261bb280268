import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tableEndMarker, tableStartMarker } from '../config/docs.js';
import { ArbotError } from '../errors.js';
import type { RunningApp } from '../start.js';
import type { CliContext } from './context.js';
import { runCli } from './program.js';
import type { ShutdownSignal } from './shutdown.js';

type Listener = () => void;

/** A CliContext whose output, signals and exits are recorded; startApp is a fake by default. */
function cliFixture(overrides: Partial<CliContext> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const exits: number[] = [];
  const listeners = new Map<ShutdownSignal, Set<Listener>>();
  const context: CliContext = {
    env: {},
    cwd: mkdtempSync(join(tmpdir(), 'arbot-cli-')),
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    signals: {
      on: (signal, listener) => listeners.set(signal, (listeners.get(signal) ?? new Set()).add(listener)),
      off: (signal, listener) => listeners.get(signal)?.delete(listener),
    },
    exit: (code) => void exits.push(code),
    startApp: async () => ({ url: 'http://127.0.0.1:1', stop: async () => undefined }),
    ...overrides,
  };
  const emit = (signal: ShutdownSignal): void => listeners.get(signal)?.forEach((listener) => listener());
  const listenerCount = (): number => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  return { context, out, err, exits, emit, listenerCount, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('arbot config', () => {
  it('show prints the redacted config as YAML, or JSON with --json', async () => {
    const cli = cliFixture({ env: { MONGODB_URI: 'mongodb://admin:hunter22@db.example.com', PORT: '4000' } });
    expect(await runCli(['config', 'show'], cli.context)).toBe(0);
    expect(cli.stdout()).toMatch(/^server:\n {2}host: 127\.0\.0\.1\n {2}port: 4000\n/);
    expect(cli.stdout()).toContain('mongodbUri: "***"');
    expect(cli.stdout()).not.toContain('hunter22');

    const json = cliFixture({ env: { PORT: '4000' } });
    expect(await runCli(['config', 'show', '--json'], json.context)).toBe(0);
    expect(JSON.parse(json.stdout())).toMatchObject({ server: { port: 4000 } });
  });

  it('honours --config <file>', async () => {
    const cli = cliFixture();
    writeFileSync(join(cli.context.cwd, 'custom.yml'), 'tenant:\n  id: acme\n');
    expect(await runCli(['--config', 'custom.yml', 'config', 'show', '--json'], cli.context)).toBe(0);
    expect(JSON.parse(cli.stdout())).toMatchObject({ tenant: { id: 'acme' } });
  });

  it('check prints every problem as its own `arbot:` line and exits 2', async () => {
    const cli = cliFixture({ env: { PORT: '0', LOG_LEVEL: 'loud' } });
    expect(await runCli(['config', 'check'], cli.context)).toBe(2);
    expect(cli.stderr()).toBe(
      'arbot: Invalid configuration: PORT (server.port): must be an integer between 1 and 65535\n' +
        'arbot: Invalid configuration: LOG_LEVEL (log.level): must be one of fatal, error, warn, info, debug, trace, silent\n',
    );
  });

  it('docs prints the table; --write replaces it between the markers', async () => {
    const cli = cliFixture();
    expect(await runCli(['config', 'docs'], cli.context)).toBe(0);
    const table = cli.stdout().trimEnd();
    expect(table).toMatch(/^\| Env var \| Key \|/);

    const readme = join(cli.context.cwd, 'README.md');
    writeFileSync(readme, `# arbot\n${tableStartMarker}\nstale\n${tableEndMarker}\nmore\n`);
    expect(await runCli(['config', 'docs', '--write', 'README.md'], cli.context)).toBe(0);
    expect(readFileSync(readme, 'utf8')).toBe(`# arbot\n${tableStartMarker}\n${table}\n${tableEndMarker}\nmore\n`);
  });

  it('docs --write fails with exit 2 when the markers or the file are missing', async () => {
    const cli = cliFixture();
    writeFileSync(join(cli.context.cwd, 'README.md'), '# arbot\n');
    expect(await runCli(['config', 'docs', '--write', 'README.md'], cli.context)).toBe(2);
    expect(cli.stderr()).toBe(`arbot: README.md has no ${tableStartMarker} … ${tableEndMarker} markers\n`);
    expect(await runCli(['config', 'docs', '--write', 'MISSING.md'], cli.context)).toBe(2);
    expect(cli.stderr()).toMatch(/arbot: cannot read MISSING\.md: ENOENT/);
  });
});

describe('arbot start', () => {
  it('logs the redacted config, starts, and stops once on the first signal', async () => {
    let stops = 0;
    const app: RunningApp = { url: 'http://127.0.0.1:1', stop: async () => void stops++ };
    const cli = cliFixture({ env: { MONGODB_URI: 'mongodb://admin:hunter22@db' }, startApp: async () => app });
    const run = runCli(['start'], cli.context);
    await vi.waitFor(() => expect(cli.listenerCount()).toBe(2));
    cli.emit('SIGTERM');
    expect(await run).toBe(0);
    expect(stops).toBe(1);
    const records = cli.out.map((line) => JSON.parse(line) as { msg: string; config?: unknown });
    expect(records.map((r) => r.msg)).toEqual(['starting arbot', 'SIGTERM: stopping', 'stopped']);
    expect(records[0]?.config).toMatchObject({ storage: { mongodbUri: '***' } });
    expect(cli.stdout()).not.toContain('hunter22');
    expect(cli.listenerCount()).toBe(0);
  });

  it('forces an exit on a second signal while stopping', async () => {
    let finishStop: (() => void) | undefined;
    const app: RunningApp = { url: 'http://x', stop: () => new Promise<void>((resolve) => (finishStop = resolve)) };
    const cli = cliFixture({ startApp: async () => app });
    const run = runCli(['start'], cli.context);
    await vi.waitFor(() => expect(cli.listenerCount()).toBe(2));
    cli.emit('SIGINT');
    await vi.waitFor(() => expect(finishStop).toBeDefined());
    cli.emit('SIGINT');
    expect(cli.exits).toEqual([130]);
    finishStop?.();
    expect(await run).toBe(0);
  });

  it('prints a one-line error and exits 2 on bad configuration, without starting', async () => {
    let started = false;
    const cli = cliFixture({ env: { PORT: 'x' }, startApp: async () => ((started = true), { url: '', stop: async () => undefined }) });
    expect(await runCli(['start'], cli.context)).toBe(2);
    expect(cli.stderr()).toBe('arbot: Invalid configuration: PORT (server.port): must be an integer between 1 and 65535\n');
    expect(started).toBe(false);
  });

  it('prints a start failure such as a taken port as one line, exit 1', async () => {
    const cli = cliFixture({
      startApp: async () => Promise.reject(new ArbotError('port_in_use', 'PORT 3978 is already in use')),
    });
    expect(await runCli(['start'], cli.context)).toBe(1);
    expect(cli.stderr()).toBe('arbot: PORT 3978 is already in use\n');
    expect(cli.listenerCount()).toBe(0);
  });
});
