// `arbot eval` as a user runs it: --json prints exactly one JSON object on stdout, progress
// (and a warning per malformed sor.json record left out) goes to stderr, --report writes the HTML page.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/arbot.js');
const dev = join(import.meta.dirname, '../../test/fixtures/datasets/dev');

describe('arbot eval (spawned)', () => {
  it('prints one JSON object with the documented shape and writes the report', { timeout: 120_000 }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'arbot-eval-'));
    try {
      const report = join(out, 'report.html');
      const run = spawnSync(process.execPath, [bin, 'eval', dev, '--json', '--report', report], { encoding: 'utf8', env: { PATH: process.env.PATH } });
      expect(run.status).toBe(0);
      const parsed = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(Object.keys(parsed).sort()).toEqual(['action', 'autoReply', 'customer', 'emails', 'intent', 'invoiceNumbers', 'msPerEmail']);
      expect(parsed).toMatchObject({
        emails: 60,
        intent: { microF1: expect.any(Number), macroF1: expect.any(Number), exactSetAccuracy: expect.any(Number), perIntent: { invoice_copy: { precision: expect.any(Number), recall: expect.any(Number), f1: expect.any(Number) } } },
        customer: { accuracy: expect.any(Number) },
        invoiceNumbers: { exactSetAccuracy: expect.any(Number) },
        action: { accuracy: expect.any(Number), confusion: { auto_reply: expect.any(Object) } },
        autoReply: { precision: expect.any(Number), recall: expect.any(Number), unsafe: 0 },
        msPerEmail: expect.any(Number),
      });
      expect(run.stderr).toMatch(/100% 60\/60 emails/);
      expect(run.stderr).not.toContain('skipped');
      const html = await readFile(report, 'utf8');
      expect(html).toContain('<h2>Misses</h2>');
      expect(html).toContain('Action: expected (rows) × predicted (columns)');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('warns on stderr about each malformed sor.json record it leaves out; stdout stays one JSON object', { timeout: 120_000 }, async () => {
    const copy = await mkdtemp(join(tmpdir(), 'arbot-eval-skip-'));
    try {
      await cp(dev, copy, { recursive: true });
      const sorFile = join(copy, 'sor.json');
      const sor = JSON.parse(await readFile(sorFile, 'utf8')) as { invoices: Array<Record<string, unknown>> };
      const at = sor.invoices.length - 1;
      const broken = sor.invoices[at] as Record<string, unknown>;
      broken['amount'] = -5;
      await writeFile(sorFile, JSON.stringify(sor));
      const run = spawnSync(process.execPath, [bin, 'eval', copy, '--json'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
      expect(run.status).toBe(0);
      const warnings = run.stderr.split('\n').filter((l) => l.includes('skipped'));
      expect(warnings).toEqual([expect.stringContaining(`${sorFile}: skipped invoices[${at}] (${String(broken['id'])}): amount: `)]);
      const parsed = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(parsed).toMatchObject({ emails: 60, autoReply: { unsafe: 0 } });
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('names a missing dataset folder in one line', () => {
    const run = spawnSync(process.execPath, [bin, 'eval', '/nonexistent/dataset'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^arbot: cannot load dataset \/nonexistent\/dataset/);
  });
});
