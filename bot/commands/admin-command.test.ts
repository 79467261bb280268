// Chat admin commands: parsed the same on every platform, checked by role, audited.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { asTeams, botWorld, silent, type BotWorld } from '../../test/support/bot-world.js';
import { runAdminCommand } from './admin-command.js';

let dir: string;
let storage: StorageHandle;
let w: BotWorld;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-admin-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  w = await botWorld(storage.client);
});

const say = (who: Parameters<typeof asTeams>[0], text: string) => runAdminCommand(w.deps, asTeams(who), text);

describe('chat admin commands', () => {
  it('a manager adds a user, sets roles and builds a team; the new user can ask who they are', async () => {
    expect(await say(w.manager, 'user add Dora Diaz teams:aad-dora as Analyst')).toEqual({ ok: true, value: 'Added Dora Diaz as Analyst.' });
    expect(await runAdminCommand(w.deps, { platform: 'teams', aadObjectId: 'aad-dora' }, 'whoami')).toEqual({ ok: true, value: 'You are Dora Diaz: Analyst.' });
    expect(await say(w.manager, 'role aad-dora Analyst,Manager')).toEqual({ ok: true, value: 'Dora Diaz now has Analyst, Manager.' });
    expect(await say(w.manager, 'team add Disputes EMEA')).toEqual({ ok: true, value: 'Team Disputes EMEA created.' });
    expect(await say(w.manager, `team members Collections ${w.analysts[2].id} aad-dora`)).toMatchObject({ ok: true });
    expect((await w.repos.teams.findByName('Collections'))?.members).toHaveLength(2);
    const log = (await w.repos.audit.list()).map((e) => e.action);
    expect(log).toEqual(expect.arrayContaining(['user_added', 'roles_changed', 'team_created', 'team_members_changed']));
  });

  it('an analyst may mark only themselves away; only a SuperAdmin crowns a SuperAdmin; the last SuperAdmin stays', async () => {
    expect(await say(w.analysts[0], 'away on')).toEqual({ ok: true, value: 'Ana Lima is away: no new tasks.' });
    expect(await say(w.analysts[0], `away ${w.analysts[1].id} on`)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await say(w.manager, `role ${w.analysts[1].id} SuperAdmin`)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await say(w.admin, `role ${w.admin.id} Manager`)).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('last SuperAdmin') } });
    expect(await say(w.analysts[0], 'team add Mine')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('unknown people and unknown commands get a clear answer', async () => {
    expect(await runAdminCommand(w.deps, { platform: 'slack', userId: 'UNOBODY' }, 'whoami')).toMatchObject({ ok: false, error: { code: 'unknown_user' } });
    expect(await say(w.manager, 'frobnicate')).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Unknown command') } });
    expect(await say(w.manager, 'role just-one-word')).toMatchObject({ ok: false, error: { message: 'Usage: role <user> <Analyst,Manager|none>' } });
    expect(await say(w.manager, 'role nobody Analyst')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
