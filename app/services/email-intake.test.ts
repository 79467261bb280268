// The intake keeps every message and decides each Message-ID once; bad input becomes a
// review with a clear reason, never a crash and never a lost email.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOfflineModel } from '../../adapters/llm/offline/load-model.js';
import { InMemorySor } from '../../core/pipeline/in-memory-sor.js';
import { DEFAULT_POLICY } from '../../core/policy/automation-policy.js';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { mimeMessage } from '../../test/fixtures/mime.js';
import { sorSnapshotFixture } from '../../test/fixtures/sor-snapshot.js';
import { EmailIntake } from './email-intake.js';
import { RawEmailStore } from './raw-email-store.js';

let dir: string;
let storage: StorageHandle;
let intake: EmailIntake;
let raw: RawEmailStore;
const dmarcPass = { 'Authentication-Results': 'mx.northwind.example; spf=pass smtp.mailfrom=acme.example; dkim=pass header.d=acme.example; dmarc=pass header.from=acme.example' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-intake-'));
  storage = await openStorage({ dataDir: dir, dbName: 'intake', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: pino({ level: 'silent' }), tenantId: 't' });
  raw = new RawEmailStore(storage.db);
  intake = new EmailIntake({
    repos: storage.repos,
    raw,
    pipeline: { model: loadOfflineModel(), sor: new InMemorySor(sorSnapshotFixture()), policy: DEFAULT_POLICY },
    mailbox: 'ar@northwind.example',
    logger: pino({ level: 'silent' }),
    now: () => new Date('2026-11-20T10:00:00Z'),
  });
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

async function reasonsFor(message: Buffer): Promise<{ action: string; reasons: string[] }> {
  const result = await intake.ingest(message);
  expect(result.analysis).not.toBeNull();
  const stored = await storage.repos.emails.get(result.emailId);
  expect(stored).not.toBeNull();
  const kept = await raw.get(result.emailId);
  // Buffer.equals: a deep toEqual over 30 MB would take minutes
  expect(kept !== null && Buffer.from(kept).equals(message)).toBe(true);
  return { action: result.analysis?.decision.action ?? '', reasons: (result.analysis?.decision.reasons ?? []).map((r) => `${r.code}: ${r.message}`) };
}

describe('email intake', () => {
  it('answers a known contact asking for their own invoice, and decides a repeated Message-ID only once', async () => {
    const message = mimeMessage({ from: 'Jane Roe <jane@acme.example>', messageId: '<copy-1@acme.example>', subject: 'Invoice copy', text: 'Hi, could you please send me a copy of invoice INV-204518?\n\nThanks,\nJane', headers: dmarcPass });
    const first = await intake.ingest(message);
    expect(first.duplicate).toBe(false);
    expect(first.analysis?.decision.action).toBe('auto_reply');
    expect(first.analysis?.decision.recipients).toEqual(['jane@acme.example']);
    const again = await intake.ingest(message);
    expect(again.duplicate).toBe(true);
    expect(again.emailId).toBe(first.emailId);
    expect(again.analysis?.id).toBe(first.analysis?.id);
    expect(await storage.db.collection('emails').countDocuments({ messageId: 'copy-1@acme.example' })).toBe(1);
    expect(await storage.db.collection('analyses').countDocuments({ messageId: 'copy-1@acme.example' })).toBe(1);
    expect((await storage.repos.emails.get(first.emailId))?.status).toBe('processed');
  });

  it('sends a stranger on the customer domain to review', async () => {
    const { action, reasons } = await reasonsFor(mimeMessage({ from: 'new.person@acme.example', subject: 'Invoice copy', text: 'Please send me a copy of invoice INV-204518.', headers: dmarcPass }));
    expect(action).toBe('review');
    expect(reasons.join('\n')).toMatch(/sender_not_known_contact/);
  });

  it('turns malformed MIME into a review with a reason', async () => {
    const broken = Buffer.from('From: jane@acme.example\r\nSubject: copy\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\nno boundary anywhere\r\nINV-204518\r\n');
    const { action, reasons } = await reasonsFor(broken);
    expect(action).toBe('review');
    expect(reasons.some((r) => r.startsWith('unreadable_content'))).toBe(true);
  });

  it('turns an empty body into a review', async () => {
    const { action, reasons } = await reasonsFor(mimeMessage({ from: 'jane@acme.example', subject: '', text: '', headers: dmarcPass }));
    expect(action).toBe('review');
    expect(reasons.length).toBeGreaterThan(0);
  });

  it('keeps a message with a 30 MB attachment and sends it to review', { timeout: 60_000 }, async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, 0x41);
    const message = mimeMessage({ from: 'jane@acme.example', subject: 'Invoice copy', text: 'Please send INV-204518, scan attached.', attachments: [{ filename: 'scan.tif', contentType: 'image/tiff', content: big }], headers: dmarcPass });
    const { action, reasons } = await reasonsFor(message);
    expect(action).toBe('review');
    expect(reasons.join('\n')).toMatch(/scan\.tif/);
  });

  it('turns a broken PDF attachment into a review with a reason', async () => {
    const message = mimeMessage({ from: 'jane@acme.example', subject: 'Remittance', text: 'Please see the attached advice.', attachments: [{ filename: 'advice.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 this is not really a pdf') }], headers: dmarcPass });
    const { action, reasons } = await reasonsFor(message);
    expect(action).toBe('review');
    expect(reasons.join('\n')).toMatch(/advice\.pdf/);
  });

  it('turns a wrong charset into a review with a reason', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('From: jane@acme.example\r\nSubject: Relevé\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=x-unknown-charset\r\n\r\n'),
      Buffer.from('Merci de m\xe9envoyer le relev\xe9 de compte.\r\n', 'latin1'),
    ]);
    const { action, reasons } = await reasonsFor(latin1);
    expect(action).toBe('review');
    expect(reasons.join('\n')).toMatch(/charset/i);
  });
});
