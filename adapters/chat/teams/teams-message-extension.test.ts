// The message extension over HTTP, as Teams calls it: `composeExtension/query` invokes POSTed
// to /api/messages of the Teams platform (unauthenticated local mode, as with the Agents
// Playground), answered in the HTTP response with the composeExtension body. The desk is real
// (embedded store, SoR imported, search index built on first use).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFixture } from '../../../app/config/config.fixture.js';
import { createHttpApp } from '../../../app/http/server.js';
import { listen, type HttpServerHandle } from '../../../app/http/listen.js';
import { createReviewDesk, type ReviewDesk } from '../../../app/review-desk.js';
import { RECORD_SEARCH_HINT } from '../../../bot/queries/record-search.js';
import type { User } from '../../../core/domain/user.js';
import { openStorage, type StorageHandle } from '../../../storage/index.js';
import { createRepositories } from '../../../storage/repositories/index.js';
import { importSnapshot } from '../../../storage/sor/import-snapshot.js';
import { sorSnapshotFixture } from '../../../test/fixtures/sor-snapshot.js';
import { validateAdaptiveCard } from '../../../test/support/adaptivecards-node.js';
import { silent } from '../../../test/support/bot-world.js';
import { readQueryValue, SEARCH_COMMAND_ID } from './teams-message-extension.js';
import { teamsPlatform } from './teams.platform.js';

let dir: string;
let storage: StorageHandle;
let desk: ReviewDesk;
let http: HttpServerHandle;
let analyst: User;
let invokes = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-teams-me-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'teams_me', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  const config = configFixture({ teams: { allowUnauthenticated: true } });
  const repos = createRepositories(storage.db, 't');
  desk = await createReviewDesk({ config, db: storage.db, repos, logger: silent, cwd: dir });
  const now = new Date();
  await importSnapshot(repos, sorSnapshotFixture(), now);
  analyst = await repos.users.create({ displayName: 'Ana Lima', email: 'ana@northwind.example', identities: { teamsAadObjectId: 'aad-ana' }, roles: ['Analyst'] }, now);
  const platform = await teamsPlatform({ config, desk, logger: silent });
  if (platform === null) throw new Error('Teams should be configured (allowUnauthenticated)');
  http = await listen(createHttpApp({ db: storage.db, storage: storage.kind, version: 'test', logger: silent, mounts: [(app) => platform.mount(app)] }), '127.0.0.1', 0);
});
afterAll(async () => {
  await http?.close();
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

interface Attachment {
  contentType: string;
  content: unknown;
  preview: { contentType: string; content: { title: string; subtitle?: string; text?: string } };
}
interface Answer {
  status: number;
  body: { composeExtension?: { type: string; attachmentLayout?: string; attachments?: Attachment[]; text?: string } };
}

/** POSTs an invoke activity as Teams does (no token: unauthenticated local mode); the HTTP status and JSON body. */
async function invoke(name: string, value: unknown, aadObjectId = analyst.identities.teamsAadObjectId ?? ''): Promise<Answer> {
  invokes += 1;
  const res = await fetch(`${http.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({
      type: 'invoke',
      name,
      id: `invoke-${invokes}`,
      channelId: 'msteams',
      // Nothing is posted back: the answer is the HTTP response.
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: `29:${aadObjectId}`, aadObjectId, name: 'Someone' },
      recipient: { id: '28:bot', name: 'arbot' },
      conversation: { id: 'a:personal-chat', conversationType: 'personal' },
      channelData: { tenant: { id: 'tenant' }, source: { name: 'compose' } },
      value,
    }),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Answer['body']) };
}

const search = (query: string, aadObjectId?: string, queryOptions = { skip: 0, count: 25 }) =>
  invoke('composeExtension/query', { commandId: SEARCH_COMMAND_ID, parameters: [{ name: 'query', value: query }], queryOptions }, aadObjectId);

describe('the Teams message extension (composeExtension/query over /api/messages)', () => {
  it('finds the customer from a misspelled name: a list of full cards with thumbnail previews', async () => {
    const r = await search('acme industrail');
    expect(r.status).toBe(200);
    expect(r.body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const [first, ...rest] = r.body.composeExtension?.attachments ?? [];
    expect(rest).toEqual([]);
    expect(first?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(first?.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(first?.preview.content).toMatchObject({ title: 'Acme Industrial LLC', subtitle: expect.stringMatching(/^Account 100-2231 · USD.13,350\.00 open$/) });
    expect(validateAdaptiveCard(first?.content)).toEqual([]);
    expect(JSON.stringify(first?.content)).toContain('jane@acme.example');
  });

  it('finds the invoice from its number, before its customer', async () => {
    const r = await search('INV-204518');
    expect(r.status).toBe(200);
    const previews = (r.body.composeExtension?.attachments ?? []).map((a) => a.preview.content.title);
    expect(previews).toEqual(['Invoice INV-204518', 'Acme Industrial LLC']);
    expect(r.body.composeExtension?.attachments?.[0]?.preview.content.subtitle).toMatch(/^USD.12,450\.00 · open, \d+ days past due$/);
    expect(validateAdaptiveCard(r.body.composeExtension?.attachments?.[0]?.content)).toEqual([]);
  });

  it('answers someone arbot does not know with the refusal, as a message', async () => {
    const r = await search('acme', 'aad-stranger');
    expect(r).toEqual({ status: 200, body: { composeExtension: { type: 'message', text: 'You are not registered with arbot. Ask a manager to add you.' } } });
  });

  it('answers an empty query and the initial run with what to type (no open tasks to suggest)', async () => {
    expect(await search('')).toEqual({ status: 200, body: { composeExtension: { type: 'message', text: RECORD_SEARCH_HINT } } });
    const initial = await invoke('composeExtension/query', { commandId: SEARCH_COMMAND_ID, parameters: [{ name: 'initialRun', value: 'true' }], queryOptions: { skip: 0, count: 25 } });
    expect(initial).toEqual({ status: 200, body: { composeExtension: { type: 'message', text: RECORD_SEARCH_HINT } } });
  });

  it('says when nothing matches, and pages with queryOptions', async () => {
    const none = await search('zebra crossing');
    expect(none.body.composeExtension).toEqual({ type: 'message', text: `Nothing matches “zebra crossing”. ${RECORD_SEARCH_HINT}` });
    const all = await search('100-223');
    expect(all.body.composeExtension?.attachments).toHaveLength(3);
    const page = await search('100-223', undefined, { skip: 1, count: 1 });
    expect(page.body.composeExtension?.attachments?.map((a) => a.preview.content.title)).toEqual([all.body.composeExtension?.attachments?.[1]?.preview.content.title]);
  });

  it('answers an unknown command with a message, and leaves other invokes to the SDK', async () => {
    const r = await invoke('composeExtension/query', { commandId: 'somethingElse', parameters: [{ name: 'query', value: 'acme' }] });
    expect(r).toEqual({ status: 200, body: { composeExtension: { type: 'message', text: 'Unknown search command "somethingElse". Update the arbot app in Teams.' } } });
    expect((await invoke('composeExtension/fetchTask', { commandId: 'x' })).status).toBe(501);
  });
});

describe('readQueryValue', () => {
  it('reads the command, the typed text, initialRun and paging, whatever else is sent', () => {
    expect(readQueryValue({ commandId: 'searchRecords', parameters: [{ name: 'query', value: 'acme' }], queryOptions: { skip: 25, count: 25 } })).toEqual({ commandId: 'searchRecords', text: 'acme', initialRun: false, skip: 25, count: 25 });
    expect(readQueryValue({ commandId: 'searchRecords', parameters: [{ name: 'initialRun', value: 'true' }] })).toEqual({ commandId: 'searchRecords', text: '', initialRun: true, skip: 0, count: undefined });
    expect(readQueryValue({ parameters: [{ name: 'query', value: 42 }, null], queryOptions: { skip: -3, count: 'ten' } })).toEqual({ commandId: '', text: '', initialRun: false, skip: 0, count: undefined });
    expect(readQueryValue(undefined)).toEqual({ commandId: '', text: '', initialRun: false, skip: 0, count: undefined });
  });
});
