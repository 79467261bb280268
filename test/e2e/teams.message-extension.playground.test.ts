// The Teams message extension end to end against the Microsoft 365 Agents Playground: arbot's
// HTTP app runs in-process with the Teams platform mounted (embedded store, SoR imported,
// ARBOT_TEAMS_ALLOW_UNAUTHENTICATED), the Playground is spawned offline, and this test searches
// as its current user through the Playground's client API (POST /_conversation/v1/invoke with
// `composeExtension/query`, what its compose-box search sends). The Playground builds the
// invoke activity (its user, conversation, service URL), posts it to arbot and hands back the
// composeExtension part of arbot's invoke response.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COMMAND_ID } from '../../adapters/chat/teams/teams-message-extension.js';
import { teamsPlatform } from '../../adapters/chat/teams/teams.platform.js';
import { configFixture } from '../../app/config/config.fixture.js';
import { createHttpApp } from '../../app/http/server.js';
import { listen, type HttpServerHandle } from '../../app/http/listen.js';
import { createReviewDesk } from '../../app/review-desk.js';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { createRepositories } from '../../storage/repositories/index.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { sorSnapshotFixture } from '../fixtures/sor-snapshot.js';
import { AgentsPlayground } from '../support/agents-playground.js';
import { silent } from '../support/bot-world.js';
import { validateAdaptiveCard } from '../support/adaptivecards-node.js';

let dir: string;
let storage: StorageHandle;
let http: HttpServerHandle;
let playground: AgentsPlayground;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-teams-me-e2e-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot_teams_me_e2e', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  const config = configFixture({ tenant: { id: 't' }, teams: { allowUnauthenticated: true } });
  const repos = createRepositories(storage.db, 't');
  const desk = await createReviewDesk({ config, db: storage.db, repos, logger: silent, cwd: dir });
  const platform = await teamsPlatform({ config, desk, logger: silent });
  if (platform === null) throw new Error('Teams should be configured (allowUnauthenticated)');
  http = await listen(createHttpApp({ db: storage.db, storage: storage.kind, version: 'test', logger: silent, mounts: [(app) => platform.mount(app)] }), '127.0.0.1', 0);
  playground = await AgentsPlayground.start({ botEndpoint: `${http.url}/api/messages` });
  const now = new Date();
  await importSnapshot(repos, sorSnapshotFixture(), now);
  const alex = playground.config.currentUser;
  await repos.users.create({ displayName: alex.name, email: 'alex@northwind.example', identities: { teamsAadObjectId: alex.aadObjectId }, roles: ['Manager'] }, now);
}, 60_000);

afterAll(async () => {
  // The Playground first: it holds keep-alive connections to arbot's server.
  await playground?.stop();
  await http?.close();
  await storage?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface PlaygroundInvokeAnswer {
  composeExtension?: { type: string; attachmentLayout?: string; text?: string; attachments?: { contentType: string; content: unknown; preview: { content: { title: string } } }[] };
}

/** The current user searches in their chat with the bot, as the Playground's compose box does. */
async function search(query: string): Promise<{ status: number; body: PlaygroundInvokeAnswer }> {
  const res = await fetch(`${playground.url}/_conversation/v1/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'composeExtension/query',
      from: { id: playground.config.currentUser.id },
      conversation: { id: playground.config.personalChat.id },
      value: { commandId: SEARCH_COMMAND_ID, parameters: [{ name: 'query', value: query }], queryOptions: { skip: 0, count: 25 } },
    }),
  });
  return { status: res.status, body: (await res.json()) as PlaygroundInvokeAnswer };
}

describe('Teams message extension in the Agents Playground', () => {
  it('returns the invoice and its customer as cards with previews for an invoice number, and a hint for a miss', async () => {
    const hit = await search('inv 204518');
    expect(hit.status).toBe(200);
    expect(hit.body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
    const attachments = hit.body.composeExtension?.attachments ?? [];
    expect(attachments.map((a) => a.preview.content.title)).toEqual(['Invoice INV-204518', 'Acme Industrial LLC']);
    for (const a of attachments) expect(validateAdaptiveCard(a.content)).toEqual([]);
    const miss = await search('zebra crossing');
    expect(miss.body.composeExtension).toMatchObject({ type: 'message', text: expect.stringMatching(/^Nothing matches “zebra crossing”\./) });
  });
});
