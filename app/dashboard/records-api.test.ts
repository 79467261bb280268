// The records API over HTTP on the records SoR fixture: sign-in, roles (refusals audited),
// reading records, their PDFs, notes, sending through the send guard and the outbox (once per
// request id), the merge confirmed twice, and the desk the dashboard builds for itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORDS_ANALYST_TOKEN, RECORDS_MANAGER_TOKEN, startRecordsServer, type RecordsServer } from '../../test/fixtures/records-server.js';

let server: RecordsServer;

beforeAll(async () => {
  server = await startRecordsServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const BASE = '/api/dashboard/records';

async function get(path: string, token?: string): Promise<Response> {
  return fetch(`${server.url}${BASE}${path}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
}

async function post(path: string, token: string | undefined, body: unknown = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-arbot-request': '1' };
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  return fetch(`${server.url}${BASE}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

const pending = () => server.storage.repos.outbox.listByStatus('pending');

describe('sign-in and roles', () => {
  it('answers 401 without a token or with an unknown one, for reads and actions', async () => {
    expect((await get('/customers/C1')).status).toBe(401);
    expect((await get('/search?q=acme')).status).toBe(401);
    expect((await get('/customers/C1', 'not-a-configured-token-at-all-123')).status).toBe(401);
    expect((await post('/customers/C1/notes', undefined, { text: 'hello' })).status).toBe(401);
    expect((await server.storage.repos.customerRecords.get('C1')).notes).toHaveLength(0);
  });

  it('refuses an analyst the archive and the merge (403) and audits both refusals', async () => {
    const archive = await post('/customers/C1/archive', RECORDS_ANALYST_TOKEN);
    expect(archive.status).toBe(403);
    expect(await json(archive)).toMatchObject({ error: 'forbidden' });
    expect((await post('/customers/C1/merge-preview', RECORDS_ANALYST_TOKEN, { sourceSorId: 'C5' })).status).toBe(403);
    const denied = (await server.storage.repos.audit.list()).filter((e) => e.action === 'denied' && e.actor.id === server.analyst.id);
    expect(denied.map((e) => (e.after as { useCase: string }).useCase)).toEqual(expect.arrayContaining(['archive_customer', 'merge_preview']));
    expect((await server.storage.repos.customerRecords.get('C1')).archived).toBeUndefined();
  });
});

describe('reading', () => {
  it('shows an analyst the customer record with its aging, contacts and what they may do', async () => {
    const res = await get('/customers/C1', RECORDS_ANALYST_TOKEN);
    expect(res.status).toBe(200);
    const body = await json<{ displayName: string; aging: unknown[]; contacts: Array<{ email: string; role?: string }>; openInvoiceCount: number; can: unknown }>(res);
    expect(body.displayName).toBe('Acme Industrial LLC');
    expect(body.aging).toEqual([
      { currency: 'EUR', current: 0, days1to30: 1234.56, days31to60: 0, days61to90: 0, days90plus: 0, total: 1234.56 },
      { currency: 'USD', current: 300, days1to30: 700, days31to60: 1100, days61to90: 1500, days90plus: 900, total: 4500 },
    ]);
    expect(body.contacts.map((c) => [c.email, c.role])).toEqual([['jane@acme.example', 'AP'], ['raul@acme.example', 'Controller']]);
    expect(body.openInvoiceCount).toBe(10);
    expect(body.can).toEqual({ work: true, manage: false });
    expect((await json(await get('/customers/C1', RECORDS_MANAGER_TOKEN))).can).toEqual({ work: true, manage: true });
  });

  it('answers 404 for an unknown customer or invoice, and 400 for a bad timeline limit or an empty search', async () => {
    const missing = await get('/customers/NOPE', RECORDS_ANALYST_TOKEN);
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ error: 'not_found', message: 'There is no customer NOPE.' });
    expect((await get('/customers/NOPE/statement.pdf', RECORDS_ANALYST_TOKEN)).status).toBe(404);
    expect((await get('/invoices/INV-0', RECORDS_ANALYST_TOKEN)).status).toBe(404);
    expect((await post('/customers/NOPE/notes', RECORDS_ANALYST_TOKEN, { text: 'x' })).status).toBe(404);
    expect((await get('/customers/C1/timeline?limit=0', RECORDS_ANALYST_TOKEN)).status).toBe(400);
    expect((await get('/search?q=%20', RECORDS_ANALYST_TOKEN)).status).toBe(400);
  });

  it('finds a customer by a misspelled name and an invoice by its number', async () => {
    const byName = await json<{ customers: Array<{ sorId: string; matchedBy: string }> }>(await get(`/search?q=${encodeURIComponent('societe generalle')}`, RECORDS_ANALYST_TOKEN));
    expect(byName.customers[0]).toMatchObject({ sorId: 'C2', matchedBy: 'name' });
    // "Acme Industrial LLC" and its duplicate "ACME Industrial" fit a typo equally: both are listed.
    const twins = await json<{ customers: Array<{ sorId: string }> }>(await get(`/search?q=${encodeURIComponent('acme industrail')}`, RECORDS_ANALYST_TOKEN));
    expect(twins.customers.map((c) => c.sorId).slice(0, 2).sort()).toEqual(['C1', 'C5']);
    const byInvoice = await json<{ invoices: Array<{ number: string; customerName: string; balance: unknown }> }>(await get('/search?q=INV-70003', RECORDS_ANALYST_TOKEN));
    expect(byInvoice.invoices[0]).toEqual(expect.objectContaining({ number: 'INV-70003', customerName: 'Acme Industrial LLC', balance: { amount: 300, currency: 'USD' } }));
  });

  it('shows the invoice record and streams its PDF and the statement PDF inline', async () => {
    const invoice = await json<{ number: string; agingBucket: string; daysPastDue: number }>(await get('/invoices/INV-70005', RECORDS_ANALYST_TOKEN));
    expect(invoice).toMatchObject({ number: 'INV-70005', agingBucket: '31-60', daysPastDue: 31 });
    for (const [path, name] of [['/customers/C1/statement.pdf', 'statement-100-2231-2026-11-20.pdf'], ['/invoices/INV-70005/pdf', undefined]] as const) {
      const res = await get(path, RECORDS_ANALYST_TOKEN);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe('application/pdf');
      expect(res.headers.get('content-disposition'), path).toMatch(/^inline; filename="[^"]+\.pdf"$/);
      if (name) expect(res.headers.get('content-disposition')).toBe(`inline; filename="${name}"`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.subarray(0, 5).toString('latin1'), path).toBe('%PDF-');
    }
    const generated = (await server.storage.repos.audit.listBySubject('customer', 'C1')).filter((e) => e.action === 'statement_generated');
    expect(generated.map((e) => e.actor.id)).toEqual([server.analyst.id]);
  });
});

describe('actions', () => {
  it('adds a note that shows in the timeline, and refuses an empty one with the field named', async () => {
    const added = await post('/customers/C1/notes', RECORDS_ANALYST_TOKEN, { text: 'Called Jane: paying Friday.' });
    expect(added.status).toBe(201);
    expect(await json(added)).toMatchObject({ text: 'Called Jane: paying Friday.', by: server.analyst.id });
    const timeline = await json<Array<{ kind: string; text: string }>>(await get('/customers/C1/timeline?limit=5', RECORDS_ANALYST_TOKEN));
    expect(timeline).toContainEqual(expect.objectContaining({ kind: 'note', text: 'Note: Called Jane: paying Friday.' }));
    const empty = await post('/customers/C1/notes', RECORDS_ANALYST_TOKEN, { text: '   ' });
    expect(empty.status).toBe(400);
    const missing = await post('/customers/C1/notes', RECORDS_ANALYST_TOKEN, {});
    expect(missing.status).toBe(400);
    expect(await json(missing)).toMatchObject({ error: 'invalid_input', details: [expect.stringMatching(/^text: /)] });
  });

  it('refuses to send the statement to a stranger (422, the guard\'s reason) and queues nothing', async () => {
    const res = await post('/customers/C1/send-statement', RECORDS_ANALYST_TOKEN, { to: ['mallory@evil.example'], requestId: 'click-1' });
    expect(res.status).toBe(422);
    const body = await json<{ error: string; message: string; details: string[] }>(res);
    expect(body.error).toBe('send_blocked');
    expect(body.details.join(' ')).toContain('mallory@evil.example');
    expect(await pending()).toHaveLength(0);
  });

  it('queues the statement to a known contact once for the same request id', async () => {
    const first = await post('/customers/C1/send-statement', RECORDS_ANALYST_TOKEN, { to: ['jane@acme.example'], cc: ['raul@acme.example'], requestId: 'click-2' });
    expect(first.status).toBe(200);
    const a = await json<{ outboxItemId: string; queued: boolean }>(first);
    expect(a.queued).toBe(true);
    const again = await json<{ outboxItemId: string; queued: boolean }>(await post('/customers/C1/send-statement', RECORDS_ANALYST_TOKEN, { to: ['jane@acme.example'], cc: ['raul@acme.example'], requestId: 'click-2' }));
    expect(again).toEqual({ outboxItemId: a.outboxItemId, queued: false });
    const items = await pending();
    expect(items).toHaveLength(1);
    expect(items[0]?.message.to).toEqual([{ address: 'jane@acme.example' }]);
    expect(items[0]?.message.attachments?.[0]?.filename).toBe('statement-100-2231-2026-11-20.pdf');
  });

  it('sends invoice copies to an invoice contact and validates the body', async () => {
    const res = await post('/customers/C1/send-invoices', RECORDS_ANALYST_TOKEN, { invoiceNumbers: ['INV-70003'], to: ['jane@acme.example'], requestId: 'click-3' });
    expect(res.status).toBe(200);
    expect((await pending()).map((i) => i.message.subject)).toContain('Invoice INV-70003');
    const bad = await post('/customers/C1/send-invoices', RECORDS_ANALYST_TOKEN, { invoiceNumbers: [], to: 'jane@acme.example' });
    expect(bad.status).toBe(400);
    expect((await json<{ details: string[] }>(bad)).details).toEqual(expect.arrayContaining([expect.stringMatching(/^invoiceNumbers: /), expect.stringMatching(/^to: /)]));
  });

  it('reports a re-sync that cannot run (no SoR connected) as a 409 with the reason', async () => {
    const res = await post('/customers/C1/resync', RECORDS_ANALYST_TOKEN);
    expect(res.status).toBe(409);
    expect((await json<{ message: string }>(res)).message).toContain('No system of record is connected');
  });

  it('merges after a preview and the typed account number, then refuses the same merge again', async () => {
    const preview = await post('/customers/C1/merge-preview', RECORDS_MANAGER_TOKEN, { sourceSorId: 'C5' });
    expect(preview.status).toBe(200);
    const p = await json<{ moves: { contactsCopied: string[] }; confirmation: { token: string; typeToConfirm: string } }>(preview);
    expect(p.moves.contactsCopied).toEqual(['dee@acme-old.example']);
    expect(p.confirmation.typeToConfirm).toBe('100-9999');
    const wrongTyped = await post('/customers/C1/merge', RECORDS_MANAGER_TOKEN, { sourceSorId: 'C5', token: p.confirmation.token, typed: '100-2231' });
    expect(wrongTyped.status).toBe(400);
    const staleToken = await post('/customers/C1/merge', RECORDS_MANAGER_TOKEN, { sourceSorId: 'C5', token: 'not-the-token', typed: '100-9999' });
    expect(staleToken.status).toBe(409);
    const merged = await post('/customers/C1/merge', RECORDS_MANAGER_TOKEN, { sourceSorId: 'C5', token: p.confirmation.token, typed: '100 9999' });
    expect(merged.status).toBe(200);
    expect(await json(merged)).toMatchObject({ source: 'C5', target: 'C1', moved: { contactsCopied: 1 } });
    const again = await post('/customers/C1/merge', RECORDS_MANAGER_TOKEN, { sourceSorId: 'C5', token: p.confirmation.token, typed: '100-9999' });
    expect(again.status).toBe(409);
    expect((await json<{ message: string }>(again)).message).toContain('already merged');
    expect((await json<{ mergedFrom: unknown[] }>(await get('/customers/C1', RECORDS_MANAGER_TOKEN))).mergedFrom).toEqual([{ sorId: 'C5', name: 'ACME Industrial' }]);
  });

  it('lets a manager archive a customer once', async () => {
    expect((await post('/customers/C6/archive', RECORDS_MANAGER_TOKEN)).status).toBe(200);
    expect((await post('/customers/C6/archive', RECORDS_MANAGER_TOKEN)).status).toBe(409);
    expect((await json(await get('/customers/C6', RECORDS_ANALYST_TOKEN))).archived).toBe(true);
  });
});

describe('without a running desk', () => {
  it('builds its own review desk on the first records request', async () => {
    const own = await startRecordsServer({ ownDesk: true });
    try {
      const record = await fetch(`${own.url}${BASE}/customers/C4`, { headers: { authorization: `Bearer ${RECORDS_ANALYST_TOKEN}` } });
      expect(record.status).toBe(200);
      expect(await json(record)).toMatchObject({ displayName: 'Müller & Söhne KG', accountNumber: 'ACC-0000042' });
      const pdf = await fetch(`${own.url}${BASE}/customers/C4/statement.pdf`, { headers: { authorization: `Bearer ${RECORDS_ANALYST_TOKEN}` } });
      expect(pdf.status).toBe(200);
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await own.close();
    }
  }, 60_000);
});
