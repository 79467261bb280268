// Customer and invoice records, their actions and the merge, on the embedded store with the
// records SoR fixture. The re-sync port is a test double (the SoR sync implements it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { MongoSorLookup } from '../../storage/sor/mongo-sor-lookup.js';
import { RECORDS_AS_OF, recordsSorFixture } from '../../test/fixtures/records-sor.js';
import { asTeams, botWorld, silent, type BotWorld } from '../../test/support/bot-world.js';
import type { CustomerResync } from '../ports/customer-resync.js';
import { SearchService } from '../search/search-service.js';
import { viewCustomerRecord, customerTimeline } from './customer-record.js';
import { invoicePdf, viewInvoiceRecord } from './invoice-record.js';
import { mergeCustomers, previewMerge } from './merge.js';
import { addCustomerNote, archiveCustomer, generateStatement, resyncCustomer, sendInvoiceCopies, sendStatement } from './record-actions.js';
import type { RecordActionDeps } from './record-deps.js';

let dir: string;
let storage: StorageHandle;
let w: BotWorld;
let deps: RecordActionDeps;
const resyncCalls: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-records-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  w = await botWorld(storage.client);
  await importSnapshot(w.repos, recordsSorFixture(), w.now());
  const sor = new MongoSorLookup(w.repos, { ownAddresses: ['ar@northwind.example'], asOf: () => RECORDS_AS_OF });
  const resync: CustomerResync = {
    resync: async (id) => {
      resyncCalls.push(id);
      return { outcome: 'done', runId: 'run-9', counts: { invoices: { inserted: 0, updated: 1, unchanged: 10, deleted: 0 } } };
    },
  };
  let ids = 0;
  deps = {
    repos: w.repos,
    sor,
    clock: w.now,
    documents: w.deps.documents,
    statements: { statementAttachment: async (c) => ({ filename: `statement-${c}.pdf`, contentType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4'), kind: 'statement' }) },
    resync,
    publisher: w.cards,
    from: { name: 'Northwind AR', address: 'ar@northwind.example' },
    newMessageId: () => `rec-${(ids += 1)}@northwind.example`,
  };
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

const ana = () => asTeams(w.analysts[0]);
const maria = () => asTeams(w.manager);

describe('customer record view model', () => {
  it('ages open balances exactly at the bucket boundaries, per currency, with credits and the last payment', async () => {
    const r = await viewCustomerRecord(deps, ana(), 'C1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.value;
    expect(v).toMatchObject({ displayName: 'Acme Industrial LLC', accountNumber: '100-2231', status: 'active', billingOwner: 'sam@northwind.example', asOf: '2026-11-20', contactsReadOnly: true });
    // 0 days and not yet due: current; 1 and 30: 1–30; 31 and 60: 31–60; 61 and 90: 61–90; 91: 90+.
    expect(v.aging).toEqual([
      { currency: 'EUR', current: 0, days1to30: 1234.56, days31to60: 0, days61to90: 0, days90plus: 0, total: 1234.56 },
      { currency: 'USD', current: 300, days1to30: 700, days31to60: 1100, days61to90: 1500, days90plus: 900, total: 4500 },
    ]);
    expect(v.outstanding).toEqual([{ amount: 1234.56, currency: 'EUR' }, { amount: 4500, currency: 'USD' }]);
    // CM-502 is fully applied (balance 0): not an unapplied credit.
    expect(v.unappliedCredits).toEqual([{ amount: 30, currency: 'EUR' }, { amount: 150, currency: 'USD' }]);
    expect(v.net).toEqual([{ amount: 1204.56, currency: 'EUR' }, { amount: 4350, currency: 'USD' }]);
    expect(v.openInvoiceCount).toBe(10); // paid and void left out
    expect(v.openInvoices[0]).toMatchObject({ number: 'INV-70009', daysPastDue: 91, status: 'partially_paid' });
    expect(v.openInvoices.map((i) => i.daysPastDue)).toEqual([91, 90, 61, 60, 31, 30, 10, 1, 0, 0]);
    expect(v.lastPayment).toEqual({ date: '2026-11-02', amount: { amount: 100, currency: 'USD' }, reference: 'ACH 42', method: 'ACH' });
    expect(v.contacts.map((c) => [c.email, c.role, c.readOnly])).toEqual([['jane@acme.example', 'AP', true], ['raul@acme.example', 'Controller', true]]);
  });

  it('shows a customer with nothing open with zero aging rows and no last payment', async () => {
    const r = await viewCustomerRecord(deps, ana(), 'C4');
    expect(r.ok && r.value).toMatchObject({ outstanding: [], aging: [], unappliedCredits: [], net: [{ amount: 0, currency: 'EUR' }], openInvoiceCount: 0 });
    expect(r.ok && r.value.lastPayment).toBeUndefined();
  });

  it('refuses strangers (audited) and answers not_found for an unknown customer', async () => {
    expect(await viewCustomerRecord(deps, asTeams(w.roleless), 'C1')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await viewCustomerRecord(deps, ana(), 'C404')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const denied = (await w.repos.audit.listBySubject('customer', 'C1')).filter((e) => e.action === 'denied');
    expect(denied.at(-1)).toMatchObject({ actor: { id: w.roleless.id }, after: { useCase: 'view_customer', code: 'forbidden' } });
  });
});

describe('invoice record', () => {
  it('has dates, aging, payments applied, same-currency credits and who may receive a copy', async () => {
    const r = await viewInvoiceRecord(deps, ana(), 'INV-70009');
    expect(r.ok && r.value).toMatchObject({
      number: 'INV-70009',
      customer: { sorId: 'C1', accountNumber: '100-2231' },
      amount: { amount: 1000, currency: 'USD' },
      balance: { amount: 900, currency: 'USD' },
      status: 'partially_paid',
      daysPastDue: 91,
      agingBucket: '90+',
      payments: [{ reference: 'ACH 42', date: '2026-11-02', method: 'ACH', applied: { amount: 100, currency: 'USD' } }],
      availableCredits: [{ number: 'CM-501', balance: { amount: 150, currency: 'USD' } }],
    });
    expect(r.ok && r.value.contacts).toEqual([
      { email: 'jane@acme.example', name: 'Jane Roe', role: 'AP', level: 'invoice' },
      { email: 'raul@acme.example', name: 'Raul Diaz', role: 'Controller', level: 'customer' },
    ]);
    const paid = await viewInvoiceRecord(deps, ana(), 'INV-700010');
    expect(paid.ok && paid.value).toMatchObject({ status: 'paid', daysPastDue: 0, agingBucket: 'closed' });
  });

  it('hands out the invoice PDF', async () => {
    expect(await invoicePdf(deps, ana(), 'INV-70003')).toMatchObject({ ok: true, value: { filename: 'INV-70003.pdf', contentType: 'application/pdf' } });
  });
});

describe('record actions', () => {
  it('adds a note (audited, on the timeline)', async () => {
    const r = await addCustomerNote(deps, ana(), 'C1', '  Promised to pay INV-70009 by Friday.  ');
    expect(r).toMatchObject({ ok: true, value: { text: 'Promised to pay INV-70009 by Friday.', by: w.analysts[0].id } });
    const view = await viewCustomerRecord(deps, ana(), 'C1');
    expect(view.ok && view.value.notes[0]).toMatchObject({ by: 'Ana Lima', text: 'Promised to pay INV-70009 by Friday.' });
    expect(view.ok && view.value.timeline.some((e) => e.kind === 'note')).toBe(true);
    expect(await addCustomerNote(deps, ana(), 'C1', '   ')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('generates a statement for the chat, and sends it to a known contact through the send guard and the outbox once', async () => {
    expect(await generateStatement(deps, ana(), 'C1')).toMatchObject({ ok: true, value: { filename: 'statement-C1.pdf', kind: 'statement' } });
    const first = await sendStatement(deps, ana(), 'C1', { to: ['Jane@Acme.example'], requestId: 'click-1' });
    expect(first).toMatchObject({ ok: true, value: { queued: true } });
    const again = await sendStatement(deps, ana(), 'C1', { to: ['jane@acme.example'], requestId: 'click-1' });
    expect(again).toEqual({ ok: true, value: { outboxItemId: first.ok ? first.value.outboxItemId : '', queued: false } });
    const item = first.ok ? await w.repos.outbox.get(first.value.outboxItemId) : null;
    expect(item).toMatchObject({
      status: 'pending',
      emailId: 'record:C1',
      message: { to: [{ address: 'jane@acme.example' }], disclosure: { customerId: 'C1', scope: 'account', invoiceNumbers: [] }, automatic: false, from: { address: 'ar@northwind.example' } },
    });
    expect(item?.message.attachments?.[0]).toMatchObject({ filename: 'statement-C1.pdf', kind: 'statement' });
  });

  it('refuses to send to anyone who is not a known contact, and audits it', async () => {
    const r = await sendStatement(deps, ana(), 'C1', { to: ['attacker@evil.example'] });
    expect(r).toMatchObject({ ok: false, error: { code: 'send_blocked' } });
    const blocked = (await w.repos.audit.listBySubject('customer', 'C1')).filter((e) => e.action === 'send_blocked');
    expect(blocked.at(-1)?.after).toMatchObject({ useCase: 'send_statement', recipients: ['attacker@evil.example'] });
    // An invoice-level contact may receive that invoice's copy, not another customer's invoice.
    expect(await sendInvoiceCopies(deps, ana(), 'C1', { invoiceNumbers: ['INV-80001'], to: ['raul@acme.example'] })).toMatchObject({ ok: true });
    expect(await sendInvoiceCopies(deps, ana(), 'C1', { invoiceNumbers: ['INV-90001'], to: ['jane@acme.example'] })).toMatchObject({ ok: false, error: { code: 'send_blocked' } });
  });

  it('re-syncs through the port, audits the summary and shows it on the timeline', async () => {
    const r = await resyncCustomer(deps, ana(), 'C2');
    expect(r).toMatchObject({ ok: true, value: { outcome: 'done', runId: 'run-9' } });
    expect(resyncCalls).toEqual(['C2']);
    const t = await customerTimeline(deps, ana(), 'C2');
    expect(t.ok && t.value[0]).toMatchObject({ kind: 'sync', text: 'Re-synced from the SoR (done)' });
  });

  it('lets only a manager archive (the analyst refused and audited)', async () => {
    expect(await archiveCustomer(deps, ana(), 'C6')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await archiveCustomer(deps, maria(), 'C6')).toMatchObject({ ok: true });
    expect(await archiveCustomer(deps, maria(), 'C6')).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const v = await viewCustomerRecord(deps, ana(), 'C6');
    expect(v.ok && v.value.archived).toBe(true);
  });
});

describe('merging duplicate customers', () => {
  it('denies an analyst (audited)', async () => {
    expect(await previewMerge(deps, ana(), { source: 'C5', target: 'C1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await mergeCustomers(deps, ana(), { source: 'C5', target: 'C1', token: 'x', typed: '100-9999' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const denied = (await w.repos.audit.listBySubject('customer', 'C5')).filter((e) => e.action === 'denied');
    expect(denied.map((e) => (e.after as { useCase: string }).useCase)).toEqual(['merge_preview', 'merge']);
  });

  it('moves notes, contacts, tasks and threads, fills blank fields, keeps history visible, and accounts for every item', async () => {
    // Local data on the duplicate: a note, a contact added in arbot, two tasks (one open), a thread.
    await addCustomerNote(deps, ana(), 'C5', 'Duplicate of Acme, created by the old ERP import.');
    await w.repos.contacts.upsertMany([{ customerSorId: 'C5', name: 'Manual Max', email: 'max@acme-old.example', source: 'manual' }], w.now());
    const t1 = await w.newTask({ customerSorId: 'C5' });
    const t2 = await w.newTask({ customerSorId: 'C5', status: 'assigned', assignee: w.analysts[1].id });
    await w.repos.threads.recordMessage({ threadKey: 'thr-c5', messageId: 'm1@x', subject: 'hello', at: w.now() });
    await w.repos.threads.setCustomer('thr-c5', 'C5');

    const preview = await previewMerge(deps, maria(), { source: 'C5', target: 'C1' });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.moves).toMatchObject({ notes: 1, tasks: 2, threads: 1, contactsCopied: ['dee@acme-old.example', 'max@acme-old.example'], manualContactsRemoved: ['max@acme-old.example'] });
    // C1 has an owner and a domain: nothing to fill.
    expect(preview.value.fills).toEqual({});
    expect(preview.value.confirmation.typeToConfirm).toBe('100-9999');

    // The second confirmation must name the source's account number.
    const wrong = await mergeCustomers(deps, maria(), { source: 'C5', target: 'C1', token: preview.value.confirmation.token, typed: '100-2231' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const stale = await mergeCustomers(deps, maria(), { source: 'C5', target: 'C1', token: 'not-the-token', typed: '100-9999' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const merged = await mergeCustomers(deps, maria(), { source: 'C5', target: 'C1', token: preview.value.confirmation.token, typed: '100 9999' });
    expect(merged).toMatchObject({ ok: true, value: { source: 'C5', target: 'C1', moved: { notes: 1, contactsCopied: 2, manualContactsRemoved: 1, tasks: 2, threads: 1 } } });
    expect((await w.repos.tasks.get(t1))?.customerSorId).toBe('C1');
    expect((await w.repos.tasks.get(t2))?.customerSorId).toBe('C1');
    expect((await w.repos.threads.get('thr-c5'))?.customerSorId).toBe('C1');
    expect((await w.repos.contacts.listByCustomer('C5')).map((c) => c.email)).toEqual(['dee@acme-old.example', 'jane@acme.example']); // SoR-owned stay
    expect((await w.repos.contacts.listByCustomer('C1')).map((c) => [c.email, c.source])).toEqual([
      ['dee@acme-old.example', 'manual'],
      ['jane@acme.example', 'sor'],
      ['max@acme-old.example', 'manual'],
      ['raul@acme.example', 'sor'],
    ]);
    const target = await viewCustomerRecord(deps, ana(), 'C1');
    expect(target.ok && target.value.notes.find((n) => n.movedFrom === 'C5')).toMatchObject({ text: 'Duplicate of Acme, created by the old ERP import.' });
    expect(target.ok && target.value.mergedFrom).toEqual([{ sorId: 'C5', name: 'ACME Industrial' }]);
    expect(target.ok && target.value.timeline.some((e) => e.kind === 'merge')).toBe(true);
    const source = await viewCustomerRecord(deps, ana(), 'C5');
    expect(source.ok && source.value).toMatchObject({ mergedInto: { sorId: 'C1', name: 'Acme Industrial LLC' }, notes: [] });
    const [event] = (await w.repos.audit.listBySubject('customer', 'C1')).filter((e) => e.action === 'customers_merged');
    expect(event).toMatchObject({ actor: { id: w.manager.id }, after: { moved: { notes: 1, tasks: 2, threads: 1 }, contactsCopied: ['dee@acme-old.example', 'max@acme-old.example'], tasksNotMoved: [] } });

    // The search now finds the duplicate's name on the customer kept.
    const found = await new SearchService(w.repos, w.now).search('100-9999');
    expect(found.customers[0]).toMatchObject({ customer: { sorId: 'C1' }, foundAs: 'ACME Industrial (100-9999), merged' });
  });

  it('refuses a second merge of the same source, and a merge into a merged-away customer', async () => {
    const again = await previewMerge(deps, maria(), { source: 'C5', target: 'C3' });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const direct = await mergeCustomers(deps, maria(), { source: 'C5', target: 'C1', token: 'x', typed: '100-9999' });
    expect(direct).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await previewMerge(deps, maria(), { source: 'C3', target: 'C5' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(await previewMerge(deps, maria(), { source: 'C3', target: 'C3' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
