import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/arbot.js', import.meta.url));

/** Runs the real `arbot` executable with only the given environment (plus PATH). */
function arbot(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('arbot executable', () => {
  it('config check: a bad MONGODB_URI gives exit code 2 and one line, no stack', () => {
    const { code, stdout, stderr } = arbot(['config', 'check'], { MONGODB_URI: 'http://admin:hunter22@db' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('arbot: Invalid configuration: MONGODB_URI (storage.mongodbUri): must be a mongodb:// or mongodb+srv:// URI\n');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('config check: prints "configuration OK" for a valid configuration', () => {
    expect(arbot(['config', 'check'], { PORT: '8080' })).toMatchObject({ code: 0, stdout: 'configuration OK\n' });
  });

  it.each([[['--help']], [['start', '--help']], [['config', 'docs', '--help']]])('%j exits 0', (args) => {
    const { code, stdout } = arbot(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: arbot/);
  });

  it('an unknown command exits 2 with a hint', () => {
    const { code, stderr } = arbot(['strat']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command 'strat'/);
    expect(stderr).toMatch(/Did you mean start\?/);
  });
});
