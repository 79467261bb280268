// `arbot doctor` as a user runs it: one line per problem, exit 1. A bad Slack token (a local
// Web API stub answers invalid_auth), an unreachable MONGODB_URI (a closed port) and a Graph
// mailbox without its secret are each named on their own line.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackApiStub } from '../../test/support/slack-api-stub.js';

const bin = join(import.meta.dirname, '../../bin/arbot.js');
let cwd: string;
let slack: SlackApiStub;

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'arbot-doctor-'));
  slack = await new SlackApiStub({ tokens: ['xoxb-good'] }).start();
});
afterAll(async () => {
  await slack.stop();
  await rm(cwd, { recursive: true, force: true });
});

function doctor(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, 'doctor', '--timeout', '1500', ...args], { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('arbot doctor (spawned)', () => {
  it('names a bad Slack token, an unreachable MONGODB_URI and a missing Graph secret, one line each, and exits 1', { timeout: 30_000 }, async () => {
    const { code, stdout, stderr } = await doctor({
      MONGODB_URI: 'mongodb://arbot:s3cret-pw@127.0.0.1:1/arbot',
      SLACK_API_URL: slack.apiUrl,
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_SIGNING_SECRET: 'signing-secret',
      ARBOT_MAIL_PROVIDER: 'graph',
      ARBOT_AR_MAILBOX: 'ar@contoso.example',
      GRAPH_TENANT_ID: '0b7c4a52-6d3e-4f1a-9c2b-8e5d7f6a1b30',
      GRAPH_CLIENT_ID: '4f2e8c1d-9a7b-4c3e-8d5f-1a2b3c4d5e6f',
      GRAPH_MAILBOX: 'ar@contoso.example',
    });
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    const failed = lines.filter((l) => l.startsWith('✗'));
    expect(failed).toHaveLength(3);
    expect(failed.filter((l) => /^✗ MongoDB: MONGODB_URI: cannot connect to 127\.0\.0\.1:1/.test(l))).toHaveLength(1);
    expect(failed.filter((l) => /^✗ mailbox: graph: GRAPH_CLIENT_SECRET \(or GRAPH_CERTIFICATE_PATH\) not set/.test(l))).toHaveLength(1);
    expect(failed.filter((l) => /^✗ Slack: SLACK_BOT_TOKEN was refused by Slack \(invalid_auth\)/.test(l))).toHaveLength(1);
    expect(failed.every((l) => l.includes(' — fix: '))).toBe(true);
    expect(slack.callsOf('auth.test')).toHaveLength(1);
    expect(stderr.trim()).toBe('arbot: doctor: 3 problems to fix (the ✗ lines above)');
    // Secrets stay out of the output.
    expect(stdout + stderr).not.toMatch(/s3cret-pw|signing-secret|xoxb-revoked/);
  });

  it('passes with nothing configured: the embedded store, everything else not configured', { timeout: 30_000 }, async () => {
    const { code, stdout } = await doctor({ SLACK_API_URL: slack.apiUrl, SLACK_BOT_TOKEN: 'xoxb-good', SLACK_SIGNING_SECRET: 'signing-secret' });
    expect(stdout).toContain('✓ configuration: valid');
    expect(stdout).toContain('✓ storage: embedded store in ./data');
    expect(stdout).toContain('✓ Slack: SLACK_BOT_TOKEN works');
    expect(stdout).toContain('– Teams: not configured');
    expect(stdout).not.toContain('✗');
    expect(code).toBe(0);
  });

  it('reports an invalid setting as a configuration line and exits 1', { timeout: 30_000 }, async () => {
    const { code, stdout } = await doctor({ PORT: 'eighty' });
    expect(stdout).toMatch(/^✗ configuration: PORT \(server\.port\): must be an integer/m);
    expect(code).toBe(1);
  });
});
