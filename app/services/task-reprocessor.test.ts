// Reprocess with a person's corrections: the raw email is read again, the corrections replace
// what the pipeline read, and the full policy decides again. A correction can make an answer
// possible (intents a person confirms count as certain); it can never get past the policy (an
// unknown sender stays unknown).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfkitDocumentRenderer } from '../../adapters/documents/pdfkit/pdfkit.document-renderer.js';
import { loadOfflineModel } from '../../adapters/llm/offline/load-model.js';
import { InMemorySor } from '../../core/pipeline/in-memory-sor.js';
import { DEFAULT_POLICY } from '../../core/policy/automation-policy.js';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { loadTemplates } from '../../templates/engine.js';
import { mimeMessage } from '../../test/fixtures/mime.js';
import { sorSnapshotFixture } from '../../test/fixtures/sor-snapshot.js';
import { botWorld, silent, type BotWorld } from '../../test/support/bot-world.js';
import { toNewEmail } from './email-intake.js';
import { parseEmail } from '../../core/pipeline/parse/parse-email.js';
import { RawEmailStore } from './raw-email-store.js';
import { ReplyComposer } from './reply-composer.js';
import { TaskReprocessor } from './task-reprocessor.js';

let dir: string;
let storage: StorageHandle;
let w: BotWorld;
let reprocessor: TaskReprocessor;
let raw: RawEmailStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-reprocess-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  w = await botWorld(storage.client);
  raw = new RawEmailStore(w.db);
  const sor = new InMemorySor(sorSnapshotFixture(), { ownAddresses: ['ar@northwind.example'] });
  reprocessor = new TaskReprocessor({
    repos: w.repos,
    raw,
    pipeline: { model: loadOfflineModel(), sor, policy: DEFAULT_POLICY },
    composer: new ReplyComposer({
      sor,
      templates: await loadTemplates(),
      documents: { source: { invoicePdf: async () => undefined }, renderer: new PdfkitDocumentRenderer() },
      company: { name: 'Northwind Supply Co.', arMailbox: 'ar@northwind.example' },
      ccPolicy: 'known_contacts',
    }),
  });
}, 60_000);
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

async function storedEmail(from: string, text: string): Promise<string> {
  const bytes = mimeMessage({ from, to: 'ar@northwind.example', subject: 'Invoice INV-204518', text, headers: { 'Authentication-Results': 'mx.northwind.example; dmarc=pass header.from=acme.example' } });
  const { email } = await w.repos.emails.insertIfNew(toNewEmail(await parseEmail(bytes), 'ar@northwind.example', w.now()), w.now());
  await raw.put(email.id, bytes);
  return email.id;
}

describe('task reprocessor', () => {
  it('with the intents a person confirmed, a clean request of a known contact has no blocker left and gets a draft with the invoice', async () => {
    const emailId = await storedEmail('Jane Roe <jane@acme.example>', 'Hello,\n\nPlease send me a copy of invoice INV-204518.\n\nThanks,\nJane');
    const task = await w.repos.tasks.create({ emailId, intents: ['invoice_copy'], reasons: ['possible_dispute'], customerSorId: 'C1' }, w.now());
    const outcome = await reprocessor.reprocess(task);
    expect(outcome).toMatchObject({ intents: ['invoice_copy'], reasons: [], customerSorId: 'C1', invoiceNumbers: ['INV-204518'] });
    expect(outcome.draft).toMatchObject({ to: [{ address: 'jane@acme.example' }], attachInvoices: ['INV-204518'], disclosure: { customerId: 'C1', scope: 'invoices' } });
    expect(outcome.draft?.attachments?.[0]).toMatchObject({ kind: 'invoice', invoiceNumber: 'INV-204518', contentType: 'application/pdf' });
  });

  it('setting the customer of an unknown sender does not make them a contact: the task stays in review', async () => {
    const emailId = await storedEmail('Someone <someone@elsewhere.example>', 'Please send a copy of invoice INV-204518.');
    const task = await w.repos.tasks.create({ emailId, intents: ['invoice_copy'], reasons: ['customer_unknown'], corrections: { customerSorId: 'C1' } }, w.now());
    const outcome = await reprocessor.reprocess(task);
    expect(outcome.customerSorId).toBe('C1');
    expect(outcome.reasons).toContain('sender_not_known_contact');
  });

  it('says clearly when the raw message is gone', async () => {
    const { email } = await w.repos.emails.insertIfNew(toNewEmail(await parseEmail(mimeMessage({ text: 'x' })), 'ar@northwind.example', w.now()), w.now());
    const task = await w.repos.tasks.create({ emailId: email.id, intents: ['other'], reasons: [] }, w.now());
    await expect(reprocessor.reprocess(task)).rejects.toThrow(/raw message .* is not stored/);
  });
});
