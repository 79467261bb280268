// Customer and invoice records in Slack, end to end over HTTP: arbot's HTTP app runs in-process
// with the Slack platform mounted (embedded store, the SoR read from a sor.json by the file
// connector so Re-sync is the real per-customer sync), and the Slack Web API is the local stub
// (test/support/slack-api-stub.ts) behind a small front that adds what the stub lacks: the
// external file upload (files.getUploadURLExternal, the upload URL, files.completeUploadExternal).
// Requests are signed the way Slack signs them, like test/e2e/slack.http.test.ts.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackPlatform } from '../../adapters/chat/slack/slack.platform.js';
import { loadSorJson } from '../../adapters/sor/file/sor-json.js';
import { configFixture } from '../../app/config/config.fixture.js';
import { createHttpApp } from '../../app/http/server.js';
import { listen, type HttpServerHandle } from '../../app/http/listen.js';
import { createReviewDesk, type ReviewDesk } from '../../app/review-desk.js';
import type { User } from '../../core/domain/user.js';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { silent } from '../support/bot-world.js';
import { SlackApiStub } from '../support/slack-api-stub.js';
import { postSignedToSlack, slashCommandBody, type SlackSent as Sent } from '../support/slack-request.js';

const SIGNING_SECRET = 'e2e-records-signing-secret-0123456789';
const TOKEN = 'xoxb-e2e-records';
const CHANNEL = 'C0RECORDS';
const TEAM_ID = 'T0NORTH';

const SOR_JSON = {
  asOf: '2026-11-20',
  company: { name: 'Northwind Supply Co.', arMailbox: 'ar@northwind.example' },
  customers: [
    { id: 'C1', accountNumber: '100-2231', name: 'Acme Industrial LLC', currency: 'USD', domains: ['acme.example'], contacts: [{ name: 'Jane Roe', email: 'jane@acme.example', role: 'AP' }], billingOwner: 'sam@northwind.example', status: 'active' },
    { id: 'C2', accountNumber: '100-2232', name: 'Beta Corp', currency: 'USD', domains: ['beta.example'], contacts: [{ name: 'Bob Beta', email: 'bob@beta.example', role: 'AP' }], status: 'active' },
    { id: 'C5', accountNumber: '100-9999', name: 'ACME Industrial', currency: 'USD', domains: [], contacts: [{ name: 'Raul', email: 'raul@acme.example', role: 'AP' }], status: 'active' },
  ],
  invoices: [
    { id: 'I1', number: 'INV-204518', customerId: 'C1', poNumber: 'PO-88213', issueDate: '2026-09-14', dueDate: '2026-10-14', currency: 'USD', amount: 12450, balance: 12450, status: 'open', contactEmails: ['jane@acme.example'] },
    { id: 'I3', number: 'INV-300001', customerId: 'C2', poNumber: null, issueDate: '2026-10-01', dueDate: '2026-10-31', currency: 'USD', amount: 50, balance: 50, status: 'open', contactEmails: [] },
    { id: 'I5', number: 'INV-500001', customerId: 'C5', poNumber: null, issueDate: '2026-10-01', dueDate: '2026-10-31', currency: 'USD', amount: 75, balance: 75, status: 'open', contactEmails: [] },
  ],
  payments: [],
  creditMemos: [],
};

let dir: string;
let storage: StorageHandle;
let stub: SlackApiStub;
let files: FilesFront;
let http: HttpServerHandle;
let desk: ReviewDesk;
let ana: User;
let maria: User;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-slack-records-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot_slack_records', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  stub = await new SlackApiStub({ tokens: [TOKEN], channels: [CHANNEL] }).start();
  files = await new FilesFront(stub).start();
  const sorFile = join(dir, 'sor.json');
  await writeFile(sorFile, JSON.stringify(SOR_JSON));
  const config = configFixture({
    tenant: { id: 't' },
    company: { name: 'Northwind Supply Co.', arMailbox: 'ar@northwind.example' },
    server: { publicUrl: 'https://arbot.northwind.example' },
    slack: { botToken: TOKEN, signingSecret: SIGNING_SECRET, apiUrl: files.apiUrl },
    sor: { connector: 'file', path: sorFile },
  });
  const { createRepositories } = await import('../../storage/repositories/index.js');
  const repos = createRepositories(storage.db, 't');
  const now = new Date();
  await importSnapshot(repos, await loadSorJson(sorFile), now);
  ana = await repos.users.create({ displayName: 'Ana Lima', email: 'ana@northwind.example', identities: { slackUserId: 'U0ANA' }, roles: ['Analyst'] }, now);
  maria = await repos.users.create({ displayName: 'Maria Manager', email: 'maria@northwind.example', identities: { slackUserId: 'U0MARIA' }, roles: ['Manager'] }, now);
  await repos.teams.create({ name: 'Collections', members: [ana.id], channels: { slack: { channelId: CHANNEL } }, managers: [maria.id] }, now);
  desk = await createReviewDesk({ config, db: storage.db, repos, logger: silent, cwd: dir });
  const platform = await slackPlatform({ config, desk, logger: silent });
  if (platform === null) throw new Error('Slack should be configured');
  desk.channels.register(platform.channel);
  http = await listen(createHttpApp({ db: storage.db, storage: storage.kind, version: 'test', logger: silent, mounts: [(app) => platform.mount(app)] }), '127.0.0.1', 0);
}, 60_000);

afterAll(async () => {
  await http?.close();
  await files?.stop();
  await stub?.stop();
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The part of Slack's Web API the stub lacks: the external file upload

interface Upload {
  fileId: string;
  filename: string;
  length: number;
  bytes?: Buffer;
}

/** TEST DOUBLE in front of SlackApiStub: answers the file upload methods and forwards the rest. */
class FilesFront {
  readonly uploads = new Map<string, Upload>();
  readonly completed: Record<string, string>[] = [];
  private readonly failures: string[] = [];
  private server: Server | undefined;
  private base = '';
  private seq = 0;

  constructor(private readonly stub: SlackApiStub) {}

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      this.handle(req)
        .then(({ status, type, body }) => {
          res.writeHead(status, { 'content-type': type });
          res.end(body);
        })
        .catch((err: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(err));
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** The next files.completeUploadExternal answers with this Slack error. */
  failNextCompletion(error: string): void {
    this.failures.push(error);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; type: string; body: string }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const path = req.url ?? '/';
    const json = (body: Record<string, unknown>) => ({ status: 200, type: 'application/json', body: JSON.stringify(body) });
    if (path.startsWith('/upload/')) {
      const upload = this.uploads.get(path.slice('/upload/'.length));
      if (!upload) return { status: 404, type: 'text/plain', body: 'no such upload' };
      upload.bytes = raw;
      return { status: 200, type: 'text/plain', body: `OK - ${raw.length}` };
    }
    const method = path.replace(/^\/api\//, '');
    if (method === 'files.getUploadURLExternal' || method === 'files.completeUploadExternal') {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return json({ ok: false, error: 'invalid_auth' });
      const args = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
      if (method === 'files.getUploadURLExternal') {
        const fileId = `F0${(this.seq += 1)}`;
        this.uploads.set(fileId, { fileId, filename: args.filename ?? '', length: Number(args.length) });
        return json({ ok: true, file_id: fileId, upload_url: `${this.base}/upload/${fileId}` });
      }
      this.completed.push(args);
      const failure = this.failures.shift();
      if (failure) return json({ ok: false, error: failure });
      const listed = JSON.parse(args.files ?? '[]') as { id: string }[];
      if (listed.some((f) => this.uploads.get(f.id)?.bytes === undefined)) return json({ ok: false, error: 'file_not_found' });
      return json({ ok: true, files: listed.map((f) => ({ id: f.id, name: this.uploads.get(f.id)?.filename })) });
    }
    const forwarded = await fetch(`${this.stub.apiUrl}${method}`, {
      method: 'POST',
      headers: { ...(req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {}), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) },
      body: raw,
    });
    return { status: forwarded.status, type: forwarded.headers.get('content-type') ?? 'application/json', body: await forwarded.text() };
  }
}

// ---------------------------------------------------------------------------------------------
// Requests as Slack sends them

const send = (body: string, contentType: string): Promise<Sent> => postSignedToSlack(`${http.url}/slack/events`, SIGNING_SECRET, body, contentType);

const interaction = (payload: Record<string, unknown>) => send(`payload=${encodeURIComponent(JSON.stringify(payload))}`, 'application/x-www-form-urlencoded');

/** A message as the person sees it: blocks, and the response_url its buttons' clicks carry. */
interface Shown {
  path: string;
  text: string;
  blocks: unknown[];
  replaceOriginal?: boolean;
}

let ids = 0;
const nextId = (what: string) => `${what}-${(ids += 1)}`;

/** `/ar <text>` by `user`; resolves with the ephemeral answer. */
async function ar(user: User, text: string): Promise<Shown> {
  const id = nextId('cmd');
  const body = slashCommandBody({ teamId: TEAM_ID, channelId: CHANNEL, channelName: 'records', userId: user.identities.slackUserId ?? 'U0NOBODY', text, responseUrl: stub.responseUrl(id), triggerId: `${Date.now()}.1.${id}` });
  expect((await send(body, 'application/x-www-form-urlencoded')).status).toBe(200);
  const reply = await nextResponse(`/respond/${id}`, `the answer to /ar ${text}`);
  expect(reply.body.response_type).toBe('ephemeral');
  return shown(reply.path, reply.body);
}

function shown(path: string, body: Record<string, unknown>): Shown {
  return { path, text: String(body.text), blocks: (body.blocks as unknown[] | undefined) ?? [], ...(body.replace_original === true ? { replaceOriginal: true } : {}) };
}

/** The next response POSTed to `path` after those already read. */
const read = new Map<string, number>();
async function nextResponse(path: string, what: string, timeoutMs = 8000): Promise<{ path: string; body: Record<string, unknown> }> {
  const seen = read.get(path) ?? 0;
  const found = await stub.waitFor(() => stub.responses.filter((r) => r.path === path)[seen], timeoutMs, what);
  read.set(path, seen + 1);
  return found;
}

interface Button {
  action_id: string;
  value?: string;
  url?: string;
}

function buttonsOf(blocks: unknown[]): Button[] {
  const list = blocks as { type: string; elements?: Button[]; accessory?: Button & { type: string } }[];
  return [...list.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])), ...list.flatMap((b) => (b.accessory?.type === 'button' ? [b.accessory] : []))];
}

/** Clicks `actionId` (the one whose value is `value`, when given) on an ephemeral message; returns the click's response path. */
async function click(user: User, message: Shown, actionId: string, value?: string): Promise<{ responsePath: string; triggerId: string }> {
  const button = buttonsOf(message.blocks).find((b) => b.action_id === actionId && (value === undefined || b.value === value));
  if (!button) throw new Error(`no ${actionId} button (has ${buttonsOf(message.blocks).map((b) => b.action_id).join(', ')})`);
  return clickValue(user, actionId, button.value ?? '');
}

/** A click as Slack sends it from an ephemeral message, also for buttons the person was not shown (a forged or stale payload). */
async function clickValue(user: User, actionId: string, value: string): Promise<{ responsePath: string; triggerId: string }> {
  const id = nextId('action');
  const triggerId = `${Date.now()}.1.trigger-${id}`;
  const slackId = user.identities.slackUserId ?? 'U0NOBODY';
  const r = await interaction({
    type: 'block_actions',
    user: { id: slackId, username: 'x', name: 'x', team_id: TEAM_ID },
    api_app_id: 'A0ARBOT',
    token: 'legacy',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: CHANNEL, is_ephemeral: true },
    trigger_id: triggerId,
    team: { id: TEAM_ID, domain: 'northwind' },
    channel: { id: CHANNEL, name: 'records' },
    response_url: stub.responseUrl(id),
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, text: { type: 'plain_text', text: 'x' }, action_ts: String(Date.now() / 1000) }],
  });
  expect(r.status).toBe(200);
  return { responsePath: `/respond/${id}`, triggerId };
}

/** The view arbot opened (views.open) or pushed (views.push) with this trigger. */
async function viewFor(triggerId: string, method: 'views.open' | 'views.push' = 'views.open'): Promise<Record<string, unknown>> {
  const call = await stub.waitFor(() => stub.callsOf(method).find((c) => c.args.trigger_id === triggerId), 5000, method);
  return JSON.parse(String(call.args.view)) as Record<string, unknown>;
}

/** A view_submission of `view` with these values; `viewId` is the view's id (the same form submitted twice keeps it). */
function submit(user: User, view: Record<string, unknown>, values: Record<string, Record<string, unknown>>, viewId: string): Promise<Sent> {
  return interaction({
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'northwind' },
    user: { id: user.identities.slackUserId, username: 'x', name: 'x', team_id: TEAM_ID },
    api_app_id: 'A0ARBOT',
    token: 'legacy',
    trigger_id: `${Date.now()}.1.submit-${nextId('submit')}`,
    view: { ...view, id: viewId, team_id: TEAM_ID, state: { values }, hash: '1.abc', root_view_id: viewId, app_id: 'A0ARBOT', bot_id: 'B0BOT' },
    response_urls: [],
  });
}

const selected = (...emails: string[]) => ({ type: 'multi_static_select', selected_options: emails.map((value) => ({ value, text: { type: 'plain_text', text: value } })) });
const typed = (value: string) => ({ type: 'plain_text_input', value });
const recordItems = async (sorId: string) => (await desk.repos.outbox.listByStatus('pending')).filter((i) => i.idempotencyKey.startsWith(`record:send_statement:${sorId}:`));

// ---------------------------------------------------------------------------------------------

describe('records in Slack', () => {
  it('/ar customer with one clear match answers with the record and its buttons (manager buttons for managers only)', async () => {
    const record = await ar(ana, 'customer 100-2232');
    expect(JSON.stringify(record.blocks)).toContain('Beta Corp');
    const actions = buttonsOf(record.blocks).map((b) => b.action_id);
    expect(actions).toEqual(expect.arrayContaining(['record.statement', 'record.sendStatement', 'record.note', 'record.resync', 'record.timeline']));
    expect(actions).not.toContain('record.archive');
    expect(buttonsOf(record.blocks).find((b) => b.action_id === 'record.link')?.url).toBe('https://arbot.northwind.example/tab/customers/C2');
    expect(buttonsOf((await ar(maria, 'customer 100-2232')).blocks).map((b) => b.action_id)).toEqual(expect.arrayContaining(['record.archive', 'record.mergePreview']));
    expect((await ar(ana, 'help')).text).toContain('/ar customer');
  });

  it('/ar customer with several matches lists them, and Open answers with that record', async () => {
    const list = await ar(ana, 'customer acme');
    const opens = buttonsOf(list.blocks).filter((b) => b.action_id === 'record.open');
    expect(opens.map((b) => b.value).sort()).toEqual(['C1', 'C5']);
    const { responsePath } = await click(ana, list, 'record.open', 'C5');
    const record = shown(responsePath, (await nextResponse(responsePath, 'the record')).body);
    expect(record.blocks[0]).toMatchObject({ type: 'header', text: { text: 'ACME Industrial' } });
    expect(buttonsOf(record.blocks).find((b) => b.action_id === 'record.note')?.value).toBe('C5');
  });

  it('/ar invoice answers with the invoice record', async () => {
    const record = await ar(ana, 'invoice inv 204518');
    expect(record.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Invoice INV-204518' } });
    expect(buttonsOf(record.blocks).map((b) => b.action_id)).toEqual(expect.arrayContaining(['invoice.sendCopy', 'invoice.pdf']));

    const uploadsBefore = files.completed.length;
    await click(ana, record, 'invoice.pdf');
    const done = await stub.waitFor(() => files.completed[uploadsBefore], 8000, 'the invoice upload');
    expect(done.channel_id).toBe(CHANNEL);
    const upload = files.uploads.get((JSON.parse(String(done.files)) as { id: string }[])[0]?.id ?? '');
    expect(upload?.bytes?.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const { triggerId } = await click(ana, record, 'invoice.sendCopy');
    const view = await viewFor(triggerId);
    expect(view).toMatchObject({ callback_id: 'record.send.submit' });
    expect((await submit(ana, view, { to: { to: selected('jane@acme.example') } }, 'V0COPY')).body).toBe('');
    const queued = (await desk.repos.outbox.listByStatus('pending')).filter((i) => i.idempotencyKey.startsWith('record:send_invoices:C1:'));
    expect(queued.map((i) => i.message.attachInvoices)).toEqual([['INV-204518']]);
  });

  it('Add note: a modal; an empty note is refused on the form; a note is saved and the record refreshed', async () => {
    const record = await ar(ana, 'customer 100-2232');
    const { responsePath, triggerId } = await click(ana, record, 'record.note');
    const view = await viewFor(triggerId);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'record.note.submit' });
    const empty = await submit(ana, view, { note: { note: typed('   ') } }, 'V0NOTE');
    expect(JSON.parse(empty.body)).toEqual({ response_action: 'errors', errors: { note: 'The note is empty.' } });
    const ok = await submit(ana, view, { note: { note: typed('Promised to pay on Friday') } }, 'V0NOTE');
    expect(ok.body).toBe('');
    expect((await desk.repos.customerRecords.get('C2')).notes.map((n) => n.text)).toEqual(['Promised to pay on Friday']);
    const refreshed = await nextResponse(responsePath, 'the refreshed record');
    expect(refreshed.body.replace_original).toBe(true);
    expect(JSON.stringify(refreshed.body.blocks)).toContain('Promised to pay on Friday');
  });

  it('Statement PDF: uploaded to the conversation through the external upload; a failed upload is said to the clicker', async () => {
    const record = await ar(ana, 'customer 100-2231');
    const before = files.completed.length;
    await click(ana, record, 'record.statement');
    const done = await stub.waitFor(() => files.completed[before], 8000, 'files.completeUploadExternal');
    expect(done.channel_id).toBe(CHANNEL);
    const [listed] = JSON.parse(String(done.files)) as { id: string }[];
    const upload = files.uploads.get(listed?.id ?? '');
    expect(upload?.filename).toMatch(/^statement-100-2231-.*\.pdf$/);
    expect(upload?.bytes?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(upload?.bytes?.length).toBe(upload?.length);

    files.failNextCompletion('not_in_channel');
    const { responsePath } = await click(ana, record, 'record.statement');
    const said = await nextResponse(responsePath, 'the failure');
    expect(String(said.body.text)).toMatch(/could not be posted here \(not_in_channel\)\. Invite arbot/);
  });

  it('Send statement: a stranger is refused on the form and nothing is queued; a known contact is queued once, even when submitted twice', async () => {
    const record = await ar(ana, 'customer 100-2231');
    const { responsePath, triggerId } = await click(ana, record, 'record.sendStatement');
    const view = await viewFor(triggerId);
    expect(view).toMatchObject({ callback_id: 'record.send.submit' });
    expect(JSON.stringify(view.blocks)).toContain('jane@acme.example');

    const stranger = await submit(ana, view, { to: { to: selected('mallory@evil.example') } }, 'V0SEND');
    expect(JSON.parse(stranger.body)).toMatchObject({ response_action: 'errors', errors: { to: expect.stringContaining('Not sent') } });
    expect(await recordItems('C1')).toEqual([]);

    const [first, second] = await Promise.all([submit(ana, view, { to: { to: selected('jane@acme.example') } }, 'V0SEND2'), submit(ana, view, { to: { to: selected('jane@acme.example') } }, 'V0SEND2')]);
    expect([first.body, second.body]).toEqual(['', '']);
    const items = await recordItems('C1');
    expect(items).toHaveLength(1);
    expect(items[0]?.message.to).toEqual([{ address: 'jane@acme.example' }]);
    expect(items[0]?.message.attachments?.[0]?.filename).toMatch(/^statement-/);
    const answers = [await nextResponse(responsePath, 'the first answer'), await nextResponse(responsePath, 'the second answer')].map((r) => String(r.body.text));
    expect(answers.filter((t) => t.includes('is queued for jane@acme.example'))).toHaveLength(1);
    expect(answers.filter((t) => t.includes('already queued'))).toHaveLength(1);
  });

  it('an Analyst is refused archive and merge, ephemerally, and nothing changes', async () => {
    const archive = await clickValue(ana, 'record.archive', 'C1');
    expect(String((await nextResponse(archive.responsePath, 'the archive refusal')).body.text)).toContain('Your role does not allow this (archive_customer)');
    expect((await desk.repos.customerRecords.get('C1')).archived).toBeUndefined();

    const merge = await clickValue(ana, 'record.mergePreview', 'C1');
    const view = await viewFor(merge.triggerId);
    const submitted = await submit(ana, view, { source: { source: typed('100-9999') } }, 'V0ANAMERGE');
    expect(submitted.body).toBe('');
    expect(String((await nextResponse(merge.responsePath, 'the merge refusal')).body.text)).toContain('Your role does not allow this (merge_preview)');
    expect((await desk.repos.customerRecords.get('C5')).mergedInto).toBeUndefined();
  });

  it('a Manager merges a duplicate: preview, the account number typed again, done; a second merge is refused', async () => {
    const record = await ar(maria, 'customer 100-2231');
    const { responsePath, triggerId } = await click(maria, record, 'record.mergePreview');
    const sourceForm = await viewFor(triggerId);
    expect(sourceForm).toMatchObject({ callback_id: 'record.mergeSource.submit' });
    const unknown = await submit(maria, sourceForm, { source: { source: typed('999-0000') } }, 'V0MERGE');
    expect(JSON.parse(unknown.body)).toMatchObject({ response_action: 'errors', errors: { source: expect.stringContaining('999-0000') } });

    const previewed = JSON.parse((await submit(maria, sourceForm, { source: { source: typed('100-9999') } }, 'V0MERGE')).body) as { response_action: string; view: Record<string, unknown> };
    expect(previewed.response_action).toBe('update');
    expect(JSON.stringify(previewed.view.blocks)).toContain('type 100-9999 next');
    const confirmButton = buttonsOf(previewed.view.blocks as unknown[]).find((b) => b.action_id === 'record.mergeConfirm');
    expect(confirmButton).toBeDefined();

    // The preview's button, clicked inside the modal.
    const pushTrigger = `${Date.now()}.1.trigger-merge-confirm`;
    const r = await interaction({
      type: 'block_actions',
      user: { id: 'U0MARIA', username: 'x', name: 'x', team_id: TEAM_ID },
      api_app_id: 'A0ARBOT',
      token: 'legacy',
      container: { type: 'view', view_id: 'V0MERGE' },
      trigger_id: pushTrigger,
      team: { id: TEAM_ID, domain: 'northwind' },
      view: { ...previewed.view, id: 'V0MERGE', team_id: TEAM_ID, state: { values: {} }, hash: '2.abc', root_view_id: 'V0MERGE', app_id: 'A0ARBOT', bot_id: 'B0BOT' },
      actions: [{ type: 'button', action_id: 'record.mergeConfirm', block_id: 'b', value: confirmButton?.value, text: { type: 'plain_text', text: 'x' }, action_ts: String(Date.now() / 1000) }],
    });
    expect(r.status).toBe(200);
    const confirmForm = await viewFor(pushTrigger, 'views.push');
    expect(confirmForm).toMatchObject({ callback_id: 'record.mergeConfirm.submit' });

    const wrong = await submit(maria, confirmForm, { typed: { typed: typed('100-0000') } }, 'V0CONFIRM');
    expect(JSON.parse(wrong.body)).toMatchObject({ response_action: 'errors', errors: { typed: expect.stringContaining('Type the account number') } });
    expect((await desk.repos.customerRecords.get('C5')).mergedInto).toBeUndefined();

    const done = await submit(maria, confirmForm, { typed: { typed: typed('100-9999') } }, 'V0CONFIRM');
    expect(JSON.parse(done.body)).toEqual({ response_action: 'clear' });
    expect((await desk.repos.customerRecords.get('C5')).mergedInto?.sorId).toBe('C1');
    expect(String((await nextResponse(responsePath, 'the merge answer')).body.text)).toContain('Merged ACME Industrial into this customer');
    const refreshed = await nextResponse(responsePath, 'the refreshed record');
    expect(refreshed.body.replace_original).toBe(true);

    const again = await submit(maria, sourceForm, { source: { source: typed('100-9999') } }, 'V0MERGE2');
    expect(JSON.parse(again.body)).toMatchObject({ response_action: 'errors', errors: { source: expect.stringContaining('already merged') } });
  });

  it('Re-sync reads the customer from the SoR again and answers with the summary', async () => {
    const record = await ar(ana, 'customer 100-2232');
    const { responsePath } = await click(ana, record, 'record.resync');
    const said = String((await nextResponse(responsePath, 'the re-sync summary', 20_000)).body.text);
    expect(said).toMatch(/^Re-synced from the system of record\. (Up to date: nothing changed|\d+ record\(s\) changed)\./);
    const audit = await desk.repos.audit.listBySubject('customer', 'C2');
    expect(audit.filter((e) => e.action === 'customer_resynced').map((e) => (e.after as { outcome?: string }).outcome)).toEqual(['done']);
  }, 30_000);

  it('Timeline lists the customer history to the clicker', async () => {
    const record = await ar(ana, 'customer 100-2232');
    const { responsePath } = await click(ana, record, 'record.timeline');
    const said = await nextResponse(responsePath, 'the timeline');
    expect(said.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(said.body.blocks)).toContain('Note: Promised to pay on Friday');
  });
});
