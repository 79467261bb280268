// `arbot reply preview` prints the decision and the draft for an email file.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
});
