// `arbot teams package` and `arbot slack manifest`, run as the real executable: the zip is
// written only for a valid manifest, and a missing or bad setting is named in one line each.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const bin = join(import.meta.dirname, '../../bin/arbot.js');
const botId = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const publicUrl = 'https://arbot.northwind.example';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-manifest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `arbot` in the temp dir with only the given environment (plus PATH). */
function arbot(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Each run starts tsx afresh (seconds on a busy machine), and some tests run the CLI several times.
describe('arbot teams package (spawned)', { timeout: 90_000 }, () => {
  it('writes a validated zip with the manifest and both icons', () => {
    const run = arbot(['teams', 'package', '--out', 'teams.zip', '--app-version', '2.3.4'], { MICROSOFT_APP_ID: botId, ARBOT_PUBLIC_URL: publicUrl, ARBOT_COMPANY_NAME: 'Northwind Traders' });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`Wrote teams.zip: Teams app ${botId} version 2.3.4, manifest schema 1.29.\n`);
    const zip = new AdmZip(join(dir, 'teams.zip'));
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ id: botId, version: '2.3.4', validDomains: ['arbot.northwind.example'], developer: { name: 'Northwind Traders' } });
  });

  it('writes arbot-teams.zip by default, for ARBOT_TEAMS_MANIFEST_ID when set', async () => {
    const manifestId = '0a0b0c0d-1111-2222-3333-444455556666';
    const run = arbot(['teams', 'package'], { MICROSOFT_APP_ID: botId, ARBOT_PUBLIC_URL: publicUrl, ARBOT_TEAMS_MANIFEST_ID: manifestId });
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Wrote arbot-teams\.zip: Teams app 0a0b0c0d-1111-2222-3333-444455556666 version \d+\.\d+\.\d+, manifest schema 1\.29\.\n$/) });
    const manifest = JSON.parse(new AdmZip(await readFile(join(dir, 'arbot-teams.zip'))).readAsText('manifest.json')) as { id: string; bots: Array<{ botId: string }> };
    expect(manifest.id).toBe(manifestId);
    expect(manifest.bots[0]?.botId).toBe(botId);
  });

  it('without MICROSOFT_APP_ID exits 2 naming it, and writes nothing', () => {
    const run = arbot(['teams', 'package', '--out', 'missing.zip'], { ARBOT_PUBLIC_URL: publicUrl });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe('arbot: teams package: MICROSOFT_APP_ID (teams.appId) is not set: the Microsoft Entra application id of the bot\n');
    expect(existsSync(join(dir, 'missing.zip'))).toBe(false);
    expect(arbot(['teams', 'package'], {}).stderr.split('\n').filter(Boolean)).toEqual([
      'arbot: teams package: MICROSOFT_APP_ID (teams.appId) is not set: the Microsoft Entra application id of the bot',
      'arbot: teams package: ARBOT_PUBLIC_URL (server.publicUrl) is not set: the public https address Teams reaches arbot at',
    ]);
  });

  it('with a bot id that is not a GUID exits 2 with the schema\'s findings, and writes nothing', () => {
    const run = arbot(['teams', 'package', '--out', 'bad.zip'], { MICROSOFT_APP_ID: 'arbot-bot', ARBOT_PUBLIC_URL: publicUrl });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^arbot: teams package: the manifest is not valid, nothing was written:\n/);
    expect(run.stderr).toMatch(/^arbot: teams package: \/bots\/0\/botId must match pattern .* \(check MICROSOFT_APP_ID\)$/m);
    expect(existsSync(join(dir, 'bad.zip'))).toBe(false);
  });

  it('keeps the team commands of the teams group', () => {
    const help = arbot(['teams', '--help']);
    expect(help.code).toBe(0);
    for (const command of ['package', 'add', 'list', 'members', 'managers', 'channel']) expect(help.stdout).toMatch(new RegExp(`^ {2}${command}\\b`, 'm'));
  });
});

describe('arbot slack manifest (spawned)', { timeout: 90_000 }, () => {
  it('--format json prints the manifest with the /ar command on the public URL', () => {
    const run = arbot(['slack', 'manifest', '--format', 'json'], { ARBOT_PUBLIC_URL: publicUrl });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const manifest = JSON.parse(run.stdout) as { features: { slash_commands: Array<{ command: string; url: string }> }; settings: { interactivity: { request_url: string } } };
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: '/ar', url: `${publicUrl}/slack/events` })]);
    expect(manifest.settings.interactivity.request_url).toBe(`${publicUrl}/slack/events`);
  });

  it('writes YAML by default to --out', async () => {
    const run = arbot(['slack', 'manifest', '--out', 'slack.yaml'], { ARBOT_PUBLIC_URL: publicUrl });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: 'Wrote the Slack app manifest to slack.yaml.\n' });
    expect(parse(await readFile(join(dir, 'slack.yaml'), 'utf8'))).toMatchObject({ oauth_config: { redirect_urls: [`${publicUrl}/slack/oauth_redirect`, `${publicUrl}/api/dashboard/auth/slack/callback`] } });
  });

  it('refuses an http public URL and a missing one, naming ARBOT_PUBLIC_URL', () => {
    const http = arbot(['slack', 'manifest'], { ARBOT_PUBLIC_URL: 'http://arbot.northwind.example' });
    expect(http).toMatchObject({ code: 2, stdout: '' });
    expect(http.stderr).toContain('arbot: slack manifest: settings.event_subscriptions.request_url: must be an absolute https:// URL (check ARBOT_PUBLIC_URL)\n');
    expect(arbot(['slack', 'manifest'])).toMatchObject({
      code: 2,
      stderr: 'arbot: slack manifest: ARBOT_PUBLIC_URL (server.publicUrl) is not set: the public https address Slack calls arbot at\n',
    });
    expect(arbot(['slack', 'manifest', '--format', 'xml'], { ARBOT_PUBLIC_URL: publicUrl })).toMatchObject({ code: 2, stderr: expect.stringContaining('Allowed choices are yaml, json') });
  });
});
