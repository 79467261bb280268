// `arbot users`, `arbot teams` and `arbot policy`, run as the real executable on a fresh data
// dir: the operator registers the first SuperAdmin and a team, stores a policy, and every
// change lands in the audit log, which still verifies.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/arbot.js');
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'arbot-people-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function arbot(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: dataDir, encoding: 'utf8', env: { PATH: process.env.PATH, ARBOT_DATA_DIR: dataDir }, timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('arbot users / teams / policy (spawned)', () => {
  it('sets up people, a team and a policy, refuses bad input clearly, and audits it all', { timeout: 120_000 }, async () => {
    expect(arbot('users', 'list').stdout).toContain('No users yet.');
    const admin = arbot('users', 'add', '--name', 'Sam Admin', '--teams-id', 'aad-sam', '--role', 'SuperAdmin');
    expect(admin).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Added Sam Admin \(\w+\) as SuperAdmin\.\n$/) });
    expect(arbot('users', 'add', '--name', 'Ana Lima', '--slack-id', 'U0ANA', '--email', 'ana@northwind.example').code).toBe(0);
    expect(arbot('users', 'add', '--name', 'Ben', '--slack-id', 'U0BEN')).toMatchObject({ code: 0 });
    expect(arbot('users', 'add', '--name', 'Again', '--slack-id', 'U0BEN')).toMatchObject({ code: 2, stderr: expect.stringContaining('already exists') });
    expect(arbot('users', 'add', '--name', 'X', '--slack-id', 'U0X', '--role', 'Boss')).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown role "Boss"') });

    expect(arbot('teams', 'add', 'Collections', '--members', 'ana@northwind.example,U0BEN')).toMatchObject({ code: 0, stdout: expect.stringContaining('created with 2 member(s)') });
    expect(arbot('teams', 'channel', 'Collections', '--slack', 'C0COLLECT')).toMatchObject({ code: 0, stdout: 'Team Collections: task cards go to slack C0COLLECT.\n' });
    expect(arbot('teams', 'channel', 'Collections', '--teams', 'no-slash')).toMatchObject({ code: 2, stderr: expect.stringContaining('--teams: expected <teamId>/<channelId>') });
    expect(arbot('users', 'away', 'U0BEN', 'on')).toMatchObject({ code: 0, stdout: 'Ben is away.\n' });
    expect(arbot('users', 'roles', 'aad-sam', 'Manager')).toMatchObject({ code: 2, stderr: expect.stringContaining('last SuperAdmin') });

    const policyFile = join(dataDir, 'rules.json');
    await writeFile(policyFile, JSON.stringify({ rules: [{ name: 'disputes', when: { intents: ['dispute'] }, assignTo: { kind: 'team', teamId: 'x' } }] }));
    expect(arbot('policy', 'set', 'distribution', 'rules.json')).toMatchObject({ code: 0, stdout: 'Stored the distribution policy.\n' });
    expect(JSON.parse(arbot('policy', 'show', 'distribution').stdout)).toMatchObject({ rules: [{ name: 'disputes' }] });
    expect(arbot('policy', 'show', 'sla')).toMatchObject({ code: 0, stdout: 'default\n' });
    await writeFile(policyFile, JSON.stringify({ rules: [{ name: 'bad', when: { minAmount: 10, maxAmount: 5 }, assignTo: { kind: 'team', teamId: 'x' } }] }));
    expect(arbot('policy', 'set', 'distribution', 'rules.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('minAmount must not be greater than maxAmount') });

    const listed = arbot('users', 'list').stdout;
    expect(listed).toMatch(/Ben {2}\[Analyst\] away/);
    expect(arbot('audit', 'verify')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Audit log intact: 7 events, head seq 7\.\n$/) });
  });
});
