// `arbot reply preview` prints the decision and the draft for an email file.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadSorJson } from '../../adapters/sor/file/sor-json.js';
import { openStorage } from '../../storage/index.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';

const bin = join(import.meta.dirname, '../../bin/arbot.js');
const dev = join(import.meta.dirname, '../../test/fixtures/datasets/dev');

describe('arbot reply preview (spawned)', () => {
  it('prints subject, recipients, attachments and body of an automatic reply', { timeout: 60_000 }, () => {
    const run = spawnSync(process.execPath, [bin, 'reply', 'preview', join(dev, 'emails/009.eml'), '--dataset', dev], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^decision: auto_reply/);
    expect(run.stdout).toContain('To: marcus.bell@acme-industrial.example');
    expect(run.stdout).toMatch(/Subject: Re: /);
    expect(run.stdout).toMatch(/Attachments: INV-204676\.pdf \(\d+ bytes\), INV-204691\.pdf \(\d+ bytes\), statement-100-2231-2026-11-20\.pdf/);
    expect(run.stdout).toContain('STATEMENT OF ACCOUNT');
  });

  it('shows the draft and the reasons when the email needs a person', { timeout: 60_000 }, () => {
    const run = spawnSync(process.execPath, [bin, 'reply', 'preview', join(dev, 'emails/005.eml'), '--dataset', dev], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^decision: review/);
    expect(run.stdout).toContain('intent_needs_person');
  });

  it('answers from the SoR loaded in storage when no dataset is given', { timeout: 60_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'arbot-preview-'));
    try {
      const storage = await openStorage({ dataDir, dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: pino({ level: 'silent' }), tenantId: 'default' });
      await importSnapshot(storage.repos, await loadSorJson(join(dev, 'sor.json')), new Date(), { applyEnrolment: true });
      await storage.close();
      const env = { PATH: process.env.PATH, ARBOT_DATA_DIR: dataDir, ARBOT_AR_MAILBOX: 'ar@northwind.example', ARBOT_COMPANY_NAME: 'Northwind Supply Co.' };
      const run = spawnSync(process.execPath, [bin, 'reply', 'preview', join(dev, 'emails/001.eml')], { encoding: 'utf8', env });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^decision: auto_reply/);
      expect(run.stdout).toContain('From: ar@northwind.example');
      expect(run.stdout).toMatch(/Attachments: INV-204691\.pdf/);
      const missing = spawnSync(process.execPath, [bin, 'reply', 'preview', join(dev, 'emails/001.eml')], { encoding: 'utf8', env: { PATH: process.env.PATH, ARBOT_DATA_DIR: dataDir } });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/ARBOT_AR_MAILBOX/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
