// Customer and invoice records in Teams, on a bot world (embedded store, the records SoR
// fixture imported, real use cases, send guard and outbox): the `customer` / `invoice`
// commands answer with record cards, and every record card verb runs its use case for the
// person who clicked, answering with the refreshed card and a confirmation or the refusal on
// top. Only the re-sync port is a test double (the SoR sync implements it).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RecordActionDeps } from '../../../bot/records/record-deps.js';
import type { User } from '../../../core/domain/user.js';
import { openStorage, type StorageHandle } from '../../../storage/index.js';
import { importSnapshot } from '../../../storage/sor/import-snapshot.js';
import { MongoSorLookup } from '../../../storage/sor/mongo-sor-lookup.js';
import { RECORDS_AS_OF, recordsSorFixture } from '../../../test/fixtures/records-sor.js';
import { validateAdaptiveCard } from '../../../test/support/adaptivecards-node.js';
import { asTeams, botWorld, silent, type BotWorld } from '../../../test/support/bot-world.js';
import { cardNodes as nodes, cardTexts as texts } from '../../../test/support/teams-card-reader.js';
import { answerCommand, parseCommand, type CommandReply } from './teams-commands.js';
import { isRecordVerb, runRecordAction, type RecordActionContext } from './teams-record-actions.js';

let dir: string;
let storage: StorageHandle;
let w: BotWorld;
let ctx: RecordActionContext;
let resyncCalls: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-teams-records-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
});
afterAll(async () => {
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  w = await botWorld(storage.client);
  await importSnapshot(w.repos, recordsSorFixture(), w.now());
  resyncCalls = [];
  let ids = 0;
  let requests = 0;
  const deps: RecordActionDeps = {
    repos: w.repos,
    sor: new MongoSorLookup(w.repos, { ownAddresses: ['ar@northwind.example'], asOf: () => RECORDS_AS_OF }),
    clock: w.now,
    documents: w.deps.documents,
    statements: { statementAttachment: async (c) => ({ filename: `statement-${c}.pdf`, contentType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4'), kind: 'statement' }) },
    resync: {
      resync: async (id) => {
        resyncCalls.push(id);
        return { outcome: 'done', runId: 'run-1', counts: { invoices: { inserted: 0, updated: 2, unchanged: 9, deleted: 0 }, contacts: { inserted: 0, updated: 0, unchanged: 2, deleted: 0 } } };
      },
    },
    publisher: w.cards,
    from: { name: 'Northwind AR', address: 'ar@northwind.example' },
    newMessageId: () => `rec-${(ids += 1)}@northwind.example`,
  };
  ctx = { deps, newRequestId: () => `req-${(requests += 1)}` };
});

// ---------------------------------------------------------------------------------------------

/** The line on top of the card (the notice, when there is one). */
const top = (card: unknown) => texts(card)[0] ?? '';
const executes = (card: unknown) => nodes(card).filter((n) => n.type === 'Action.Execute');
const verbs = (card: unknown) => executes(card).map((a) => a.verb as string);
const dataOf = (card: unknown, verb: string) => executes(card).find((a) => a.verb === verb)?.data as Record<string, unknown> | undefined;
const openUrls = (card: unknown) => nodes(card).filter((n) => n.type === 'Action.OpenUrl').map((n) => n.url as string);

const ana = () => w.analysts[0];
const maria = () => w.manager;
const click = (who: User, verb: string, data: Record<string, unknown>, c: RecordActionContext = ctx) => runRecordAction(c, { identity: asTeams(who), verb, data });
const command = (who: User, text: string, c: RecordActionContext = ctx) => answerCommand({ repos: w.repos, sor: c.deps.sor, clock: w.now }, asTeams(who), parseCommand(text), c);
const cardOf = (reply: CommandReply) => {
  if (!('card' in reply)) throw new Error(`expected a card, got: ${reply.text}`);
  return reply.card;
};
const outboxItems = async () => (await w.repos.outbox.listByStatus('pending')).filter((i) => i.emailId.startsWith('record:'));
const auditOf = async (sorId: string, action: string) => (await w.repos.audit.listBySubject('customer', sorId)).filter((e) => e.action === action);

describe('Teams commands answer with record cards', () => {
  it('customer with one clear match: the customer record, with the analyst actions only (managers also get Archive and Merge)', async () => {
    const reply = await command(ana(), 'customer 100-2231');
    expect(reply).toMatchObject({ summary: 'Customer Acme Industrial LLC' });
    const card = cardOf(reply);
    expect(validateAdaptiveCard(card as never)).toEqual([]);
    expect(texts(card)[0]).toBe('Acme Industrial LLC');
    expect(verbs(card)).toEqual(expect.arrayContaining(['record.statement', 'record.sendStatement', 'record.sendInvoices', 'record.note', 'record.resync', 'record.timeline']));
    expect(verbs(card)).not.toContain('record.archive');
    expect(dataOf(card, 'record.sendStatement')).toEqual({ sorId: 'C1', requestId: 'req-1' });
    const managers = cardOf(await command(maria(), 'customer 100-2231'));
    expect(verbs(managers)).toEqual(expect.arrayContaining(['record.archive', 'record.mergePreview']));
    expect(validateAdaptiveCard(managers as never)).toEqual([]);
  });

  it('customer with several close matches: the list, each with Open, which answers with that record', async () => {
    const reply = await command(ana(), 'customer acme industrial');
    const list = cardOf(reply);
    expect(validateAdaptiveCard(list as never)).toEqual([]);
    const opens = executes(list).filter((a) => a.verb === 'record.open');
    const ids = opens.map((a) => (a.data as { sorId: string }).sorId);
    expect(ids).toEqual(expect.arrayContaining(['C1', 'C5']));
    expect(ids.length).toBeGreaterThan(1);
    const opened = await click(ana(), 'record.open', { sorId: 'C5' });
    expect(opened.refused).toBeUndefined();
    expect(top(opened.card)).toBe('ACME Industrial');
  });

  it('customer with no match says so; invoice answers with the invoice record, or not found', async () => {
    expect(await command(ana(), 'customer zzzqqq')).toEqual({ text: 'No customer matches "zzzqqq".' });
    const invoice = cardOf(await command(ana(), 'invoice INV-70009'));
    expect(validateAdaptiveCard(invoice as never)).toEqual([]);
    expect(top(invoice)).toBe('Invoice INV-70009');
    expect(verbs(invoice)).toEqual(['invoice.sendCopy', 'invoice.pdf', 'record.open']);
    const relaxed = cardOf(await command(ana(), 'invoice inv 70009'));
    expect(texts(relaxed).slice(0, 2)).toEqual(['Read “inv 70009” as INV-70009.', 'Invoice INV-70009']);
    expect(JSON.stringify(cardOf(await command(ana(), 'invoice INV-999999')))).toContain('No invoice matches “INV-999999”');
  });

  it('links the invoice PDF to the tab when arbot has a public URL', async () => {
    const linked = { ...ctx, publicUrl: 'https://arbot.example/' };
    const invoice = cardOf(await command(ana(), 'invoice INV-70009', linked));
    expect(openUrls(invoice)).toEqual(['https://arbot.example/tab/invoices/INV-70009']);
    expect(verbs(invoice)).not.toContain('invoice.pdf');
  });
});

describe('record card actions', () => {
  it('routes only record and invoice verbs here', () => {
    expect(['record.note', 'invoice.pdf', 'task.claim', 'task.refresh'].map(isRecordVerb)).toEqual([true, true, false, false]);
  });

  it('adds a note: the refreshed record shows it, with "Note added." on top; an empty note is refused', async () => {
    const r = await click(ana(), 'record.note', { sorId: 'C1', note: '  Promised to pay INV-70009 by Friday. ' });
    expect(r.refused).toBeUndefined();
    expect(top(r.card)).toBe('Note added.');
    expect(texts(r.card).some((t) => t.includes('Ana Lima: Promised to pay INV-70009 by Friday.'))).toBe(true);
    expect((await w.repos.customerRecords.get('C1')).notes.map((n) => n.text)).toEqual(['Promised to pay INV-70009 by Friday.']);
    const empty = await click(ana(), 'record.note', { sorId: 'C1', note: '   ' });
    expect(empty.refused).toEqual({ code: 'invalid_input', message: 'The note is empty.' });
    expect(top(empty.card)).toBe('The note is empty.');
    expect(texts(empty.card)[1]).toBe('Acme Industrial LLC');
  });

  it('statement: audited, and handed over as a link to the tab, or with where to get it', async () => {
    const linked = await click(ana(), 'record.statement', { sorId: 'C1' }, { ...ctx, publicUrl: 'https://arbot.example' });
    expect(linked.refused).toBeUndefined();
    expect(validateAdaptiveCard(linked.card as never)).toEqual([]);
    expect(openUrls(linked.card)).toEqual(['https://arbot.example/tab/customers/C1?statement=1']);
    expect(texts(linked.card)).toContain('statement-C1.pdf is ready, as of 2026-11-20.');
    const unlinked = await click(ana(), 'record.statement', { sorId: 'C1' });
    expect(openUrls(unlinked.card)).toEqual([]);
    expect(JSON.stringify(unlinked.card)).toContain('Teams cannot receive the file from arbot here');
    expect(await auditOf('C1', 'statement_generated')).toHaveLength(2);
    // Someone without a role is refused, and told so.
    const denied = await click(w.roleless, 'record.statement', { sorId: 'C1' });
    expect(denied.refused?.code).toBe('forbidden');
    expect(JSON.stringify(denied.card)).toContain(denied.refused?.message ?? '?');
  });

  it('sends the statement to a known contact through the outbox; a double click queues one message', async () => {
    const data = { sorId: 'C1', statementTo: 'jane@acme.example', requestId: 'req-click' };
    const [first, second] = await Promise.all([click(ana(), 'record.sendStatement', data), click(ana(), 'record.sendStatement', data)]);
    expect(first.refused).toBeUndefined();
    expect(second.refused).toBeUndefined();
    expect([top(first.card), top(second.card)].sort()).toEqual(['Statement already queued to jane@acme.example.', 'Statement queued to jane@acme.example.']);
    const items = await outboxItems();
    expect(items).toHaveLength(1);
    expect(items[0]?.message).toMatchObject({ to: [{ address: 'jane@acme.example' }], disclosure: { customerId: 'C1', scope: 'account' } });
    // The answer's card carries a new request id: a deliberate second send goes out.
    expect(dataOf(first.card, 'record.sendStatement')?.requestId).not.toBe('req-click');
  });

  it('refuses to send to an address that is not a known contact (the send guard), with nothing in the outbox', async () => {
    const r = await click(ana(), 'record.sendStatement', { sorId: 'C1', statementTo: 'attacker@evil.example', requestId: 'req-x' });
    expect(r.refused?.code).toBe('send_blocked');
    expect(top(r.card)).toMatch(/^Not sent: /);
    expect(texts(r.card)[1]).toBe('Acme Industrial LLC');
    expect(await outboxItems()).toEqual([]);
    expect((await auditOf('C1', 'send_blocked')).at(-1)?.after).toMatchObject({ useCase: 'send_statement', recipients: ['attacker@evil.example'] });
    const none = await click(ana(), 'record.sendStatement', { sorId: 'C1', requestId: 'req-y' });
    expect(none.refused).toEqual({ code: 'invalid_input', message: 'Choose at least one contact to send to.' });
  });

  it('sends invoice copies (the multi-select inputs) and a copy from the invoice record', async () => {
    const r = await click(ana(), 'record.sendInvoices', { sorId: 'C1', invoicesTo: 'jane@acme.example', invoiceNumbers: 'INV-70009,INV-70008', requestId: 'req-inv' });
    expect(r.refused).toBeUndefined();
    expect(top(r.card)).toBe('Queued: invoices INV-70009, INV-70008 to jane@acme.example.');
    const copy = await click(ana(), 'invoice.sendCopy', { number: 'INV-80001', sorId: 'C1', to: 'raul@acme.example', requestId: 'req-copy' });
    expect(copy.refused).toBeUndefined();
    expect(texts(copy.card).slice(0, 2)).toEqual(['Copy queued to raul@acme.example.', 'Invoice INV-80001']);
    const items = await outboxItems();
    expect(items.map((i) => i.message.attachInvoices).sort()).toEqual([['INV-70008', 'INV-70009'], ['INV-80001']]);
    // Another customer's invoice contact may not receive this one.
    const blocked = await click(ana(), 'invoice.sendCopy', { number: 'INV-70009', sorId: 'C1', to: 'elodie@societe.example', requestId: 'req-b' });
    expect(blocked.refused?.code).toBe('send_blocked');
    expect(top(blocked.card)).toMatch(/^Not sent: /);
    expect(await outboxItems()).toHaveLength(2);
  });

  it('re-syncs through the port and shows the summary', async () => {
    const r = await click(ana(), 'record.resync', { sorId: 'C2' });
    expect(r.refused).toBeUndefined();
    expect(resyncCalls).toEqual(['C2']);
    expect(top(r.card)).toBe('Re-synced from the system of record (invoices: 2 updated).');
  });

  it('shows the whole timeline, with the way back to the record', async () => {
    await click(ana(), 'record.note', { sorId: 'C1', note: 'Called Jane.' });
    const r = await click(ana(), 'record.timeline', { sorId: 'C1' });
    expect(r.refused).toBeUndefined();
    expect(validateAdaptiveCard(r.card as never)).toEqual([]);
    expect(top(r.card)).toBe('Timeline · Acme Industrial LLC');
    expect(JSON.stringify(r.card)).toContain('Note: Called Jane.');
    expect(dataOf(r.card, 'record.open')).toEqual({ sorId: 'C1' });
  });

  it('invoice PDF: made for the person, handed over through the tab', async () => {
    const r = await click(ana(), 'invoice.pdf', { number: 'INV-70003', sorId: 'C1' });
    expect(r.refused).toBeUndefined();
    expect(top(r.card)).toContain('INV-70003.pdf is ready, but Teams cannot receive it from arbot here');
    const missing = await click(ana(), 'invoice.pdf', { number: 'INV-404', sorId: 'C1' });
    expect(missing.refused?.code).toBe('not_found');
  });

  it('archive is for managers: the analyst is refused (shown and audited), the manager archives', async () => {
    const denied = await click(ana(), 'record.archive', { sorId: 'C6' });
    expect(denied.refused?.code).toBe('forbidden');
    expect(top(denied.card)).toBe(denied.refused?.message);
    expect((await auditOf('C6', 'denied')).at(-1)).toMatchObject({ actor: { id: ana().id }, after: { useCase: 'archive_customer', code: 'forbidden' } });
    const done = await click(maria(), 'record.archive', { sorId: 'C6' });
    expect(done.refused).toBeUndefined();
    expect(top(done.card)).toBe('Archived in arbot: the customer stays findable, marked archived.');
    expect(texts(done.card).some((t) => t.includes('archived in arbot'))).toBe(true);
    expect(verbs(done.card)).not.toContain('record.archive');
  });

  it('merge: the analyst is refused; the manager previews, mistypes, confirms, and a second merge is refused', async () => {
    const analyst = await click(ana(), 'record.mergePreview', { target: 'C1', mergeSource: '100-9999' });
    expect(analyst.refused?.code).toBe('forbidden');
    expect(texts(analyst.card)[1]).toBe('Acme Industrial LLC');
    expect((await auditOf('C5', 'denied')).map((e) => (e.after as { useCase: string }).useCase)).toEqual(['merge_preview']);

    const unknown = await click(maria(), 'record.mergePreview', { target: 'C1', mergeSource: 'nobody-123' });
    expect(unknown.refused).toEqual({ code: 'invalid_input', message: 'No customer has the SoR id or account number "nobody-123".' });

    const preview = await click(maria(), 'record.mergePreview', { target: 'C1', mergeSource: '100-9999' });
    expect(preview.refused).toBeUndefined();
    expect(validateAdaptiveCard(preview.card as never)).toEqual([]);
    expect(JSON.stringify(preview.card)).toContain('Type 100-9999 to confirm');
    const confirm = dataOf(preview.card, 'record.mergeConfirm') as { source: string; target: string; token: string };
    expect(confirm).toMatchObject({ source: 'C5', target: 'C1' });

    const mistyped = await click(maria(), 'record.mergeConfirm', { ...confirm, typed: '100-2231' });
    expect(mistyped.refused?.code).toBe('invalid_input');
    expect(top(mistyped.card)).toContain('Type the account number of ACME Industrial (100-9999)');
    expect(verbs(mistyped.card)).toContain('record.mergeConfirm');
    expect((await w.repos.customerRecords.get('C5')).mergedInto).toBeUndefined();

    const merged = await click(maria(), 'record.mergeConfirm', { ...confirm, typed: '100-9999' });
    expect(merged.refused).toBeUndefined();
    expect(top(merged.card)).toMatch(/^Merged ACME Industrial \(C5\) into this customer: /);
    expect(texts(merged.card)[1]).toBe('Acme Industrial LLC');
    expect((await w.repos.customerRecords.get('C5')).mergedInto?.sorId).toBe('C1');

    const again = await click(maria(), 'record.mergeConfirm', { ...confirm, typed: '100-9999' });
    expect(again.refused?.code).toBe('invalid_state');
    expect(top(again.card)).toContain('was already merged into C1');
    expect(await auditOf('C1', 'customers_merged')).toHaveLength(1);
  });

  it('refuses an unknown verb and a card that names no customer', async () => {
    expect(await click(ana(), 'record.frobnicate', { sorId: 'C1' })).toMatchObject({ refused: { code: 'invalid_input', message: 'Unknown action "record.frobnicate".' } });
    expect(await click(ana(), 'record.note', { note: 'x' })).toMatchObject({ refused: { code: 'invalid_input', message: 'This card does not name a customer.' } });
    expect(await click(ana(), 'invoice.pdf', {})).toMatchObject({ refused: { code: 'invalid_input', message: 'This card does not name an invoice.' } });
  });
});
