// The Teams platform factory: not configured → null; with an app id every request must carry a
// Bot Framework token (the SDK's JWT middleware), and only ARBOT_TEAMS_ALLOW_UNAUTHENTICATED
// lets a request without one through.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFixture } from '../../../app/config/config.fixture.js';
import type { ArbotConfig } from '../../../app/config/schema.js';
import { createHttpApp } from '../../../app/http/server.js';
import { listen } from '../../../app/http/listen.js';
import { createReviewDesk, type ReviewDesk } from '../../../app/review-desk.js';
import { openStorage, type StorageHandle } from '../../../storage/index.js';
import { createRepositories } from '../../../storage/repositories/index.js';
import { silent } from '../../../test/support/bot-world.js';
import { teamsConfigured, teamsPlatform } from './teams.platform.js';

let dir: string;
let storage: StorageHandle;
let desk: ReviewDesk;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-teams-platform-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'teams_platform', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  desk = await createReviewDesk({ config: configFixture(), db: storage.db, repos: createRepositories(storage.db, 't'), logger: silent, cwd: dir });
});
afterAll(async () => {
  await storage?.close();
  await rm(dir, { recursive: true, force: true });
});

/** POSTs a message activity without any Authorization header; the status arbot answers. */
async function postWithoutToken(config: ArbotConfig): Promise<number> {
  const platform = await teamsPlatform({ config, desk, logger: silent });
  if (platform === null) throw new Error('expected Teams to be configured');
  const http = await listen(createHttpApp({ db: storage.db, storage: storage.kind, version: 'test', logger: silent, mounts: [(app) => platform.mount(app)] }), '127.0.0.1', 0);
  try {
    const res = await fetch(`${http.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', connection: 'close' },
      // A typing activity: the bot has nothing to answer, so no connector call is made.
      body: JSON.stringify({ type: 'typing', id: '1', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', from: { id: '29:x' }, recipient: { id: '28:bot' }, conversation: { id: 'c1' } }),
    });
    await res.arrayBuffer();
    return res.status;
  } finally {
    await http.close();
  }
}

describe('the Teams platform', () => {
  it('is not started without an app id or the local-development switch', async () => {
    expect(teamsConfigured(configFixture())).toBe(false);
    expect(await teamsPlatform({ config: configFixture(), desk, logger: silent })).toBeNull();
  });

  it('refuses a request without a Bot Framework token when an app id is set', async () => {
    const status = await postWithoutToken(configFixture({ teams: { appId: '11111111-2222-3333-4444-555555555555', appPassword: 'secret', tenantId: 'tenant' } }));
    expect(status).toBe(401);
  });

  it('lets it through only with ARBOT_TEAMS_ALLOW_UNAUTHENTICATED', async () => {
    expect(await postWithoutToken(configFixture({ teams: { allowUnauthenticated: true } }))).toBe(200);
  });
});
