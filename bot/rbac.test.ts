// RBAC: every role × every use case, allowed and denied, checked on the server side; every
// denied attempt is in the audit log with who tried what.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../core/domain/user.js';
import { openStorage, type StorageHandle } from '../storage/index.js';
import { asTeams, botWorld, silent, type BotWorld } from '../test/support/bot-world.js';
import { setPolicy } from './admin/policies.js';
import { createTeam, setTeamChannels, setTeamMembers } from './admin/teams.js';
import { addUser, setAway, setUserRoles } from './admin/users.js';
import type { ChatIdentity } from './identity.js';
import { claimTask, reassignTask, unclaimTask } from './use-cases/assignment.js';
import { addNote, closeWithoutReply, reopenTask, reprocessTask } from './use-cases/closing.js';
import { changeIntents, fixExtractedData } from './use-cases/corrections.js';
import { approveAndSend, editDraft } from './use-cases/draft.js';
import type { UseCaseResult } from './use-case-result.js';

let dir: string;
let storage: StorageHandle;
let w: BotWorld;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-rbac-'));
  storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'unused', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
  w = await botWorld(storage.client, { reprocess: async (t) => ({ intents: t.intents, reasons: t.reasons, invoiceNumbers: [], draft: null }) });
});
afterAll(async () => {
  await storage.close();
  await rm(dir, { recursive: true, force: true });
});

type Role = 'unregistered' | 'no role' | 'Analyst' | 'Manager' | 'SuperAdmin';
const ROLES: Role[] = ['unregistered', 'no role', 'Analyst', 'Manager', 'SuperAdmin'];

function identityOf(role: Role): { identity: ChatIdentity; user: User | null } {
  switch (role) {
    case 'unregistered':
      return { identity: { platform: 'teams', aadObjectId: 'aad-nobody' }, user: null };
    case 'no role':
      return { identity: asTeams(w.roleless), user: w.roleless };
    case 'Analyst':
      return { identity: asTeams(w.analysts[2]), user: w.analysts[2] };
    case 'Manager':
      return { identity: asTeams(w.manager), user: w.manager };
    case 'SuperAdmin':
      return { identity: asTeams(w.admin), user: w.admin };
  }
}

let n = 0;
const unique = () => (n += 1);
const chat = (identity: ChatIdentity) => ({ kind: 'chat' as const, identity });

/** Each use case, run by `identity` on fresh state that would let an allowed person succeed. */
const USE_CASES: Record<string, { allowed: Role[]; run(identity: ChatIdentity, user: User | null): Promise<UseCaseResult<unknown>> }> = {
  claim: { allowed: ['Analyst', 'Manager', 'SuperAdmin'], run: async (id) => claimTask(w.deps, id, await w.newTask()) },
  unclaim: { allowed: ['Analyst', 'Manager', 'SuperAdmin'], run: async (id, u) => unclaimTask(w.deps, id, await w.newTask({ status: 'in_review', assignee: u?.id ?? 'someone' })) },
  reassign: { allowed: ['Analyst', 'Manager', 'SuperAdmin'], run: async (id) => reassignTask(w.deps, id, await w.newTask(), { userId: w.analysts[0].id }) },
  change_intents: { allowed: ['Analyst', 'Manager', 'SuperAdmin'], run: async (id) => changeIntents(w.deps, id, await w.newTask(), ['balance_statement']) },
  fix_data: { allowed: ['Analyst', 'Manager', 'SuperAdmin'], run: async (id) => fixExtractedData(w.deps, id, await w.newTask(), { invoiceNumbers: ['INV-204875'] }) },
  edit_draft: { allowed: ['Analyst', 'Manager', 'SuperAdmin'], run: async (id) => editDraft(w.deps, id, await w.newTask(), { text: 'Attached.' }) },
  approve: {
    allowed: ['Analyst', 'Manager', 'SuperAdmin'],
    run: async (id) => {
      const taskId = await w.newTask();
      await w.repos.drafts.save(taskId, { to: [{ address: 'jane@acme.example' }], cc: [], subject: 'Re: copy', text: 'Attached.', attachInvoices: ['INV-204518'] }, 'system', w.now());
      return approveAndSend(w.deps, id, taskId);
    },
  },
  close_no_reply: { allowed: ['Analyst', 'Manager', 'SuperAdmin'], run: async (id) => closeWithoutReply(w.deps, id, await w.newTask(), 'duplicate of another email') },
  reprocess: { allowed: ['Analyst', 'Manager', 'SuperAdmin'], run: async (id) => reprocessTask(w.deps, id, await w.newTask()) },
  add_note: { allowed: ['Analyst', 'Manager', 'SuperAdmin'], run: async (id) => addNote(w.deps, id, await w.newTask(), 'checked the PO') },
  reopen: {
    allowed: ['Manager', 'SuperAdmin'],
    run: async (id) => {
      const taskId = await w.newTask();
      const t = await w.repos.tasks.get(taskId);
      await w.repos.tasks.transition(taskId, t!.version, { status: 'closed_no_reply', closedAt: w.now(), closeReason: 'spam' }, w.now());
      return reopenTask(w.deps, id, taskId);
    },
  },
  add_user: { allowed: ['Manager', 'SuperAdmin'], run: (id) => addUser(w.deps, chat(id), { displayName: `New ${unique()}`, teamsAadObjectId: `aad-new-${n}`, roles: ['Analyst'] }) },
  set_roles: {
    allowed: ['Manager', 'SuperAdmin'],
    run: async (id) => {
      const u = await w.repos.users.create({ displayName: `Promoted ${unique()}`, identities: { slackUserId: `UPROMO${n}` }, roles: ['Analyst'] }, w.now());
      return setUserRoles(w.deps, chat(id), u.id, ['Manager']);
    },
  },
  grant_superadmin: {
    allowed: ['SuperAdmin'],
    run: async (id) => {
      const u = await w.repos.users.create({ displayName: `Crowned ${unique()}`, identities: { slackUserId: `UCROWN${n}` }, roles: ['Manager'] }, w.now());
      return setUserRoles(w.deps, chat(id), u.id, ['SuperAdmin']);
    },
  },
  set_away_of_someone_else: { allowed: ['Manager', 'SuperAdmin'], run: (id) => setAway(w.deps, chat(id), w.analysts[1].id, false) },
  create_team: { allowed: ['Manager', 'SuperAdmin'], run: (id) => createTeam(w.deps, chat(id), { name: `Team ${unique()}` }) },
  set_team_members: { allowed: ['Manager', 'SuperAdmin'], run: (id) => setTeamMembers(w.deps, chat(id), w.team.id, w.analysts.map((a) => a.id)) },
  set_team_channels: { allowed: ['Manager', 'SuperAdmin'], run: (id) => setTeamChannels(w.deps, chat(id), w.team.id, { slack: { channelId: 'CMANAGERS' } }, { escalation: true }) },
  set_distribution_policy: { allowed: ['Manager', 'SuperAdmin'], run: (id) => setPolicy(w.deps, chat(id), 'distribution', { rules: [] }) },
  set_sla_policy: {
    allowed: ['Manager', 'SuperAdmin'],
    run: (id) =>
      setPolicy(w.deps, chat(id), 'sla', { targetMinutesByIntent: { dispute: 240 }, defaultTargetMinutes: 1440, highPriorityTargetMinutes: 120, highPriorityIntents: ['dispute'], highPriorityAmount: 5000, remindBeforeMinutes: 30 }),
  },
};

describe('RBAC: each role × each use case', () => {
  for (const [useCase, spec] of Object.entries(USE_CASES)) {
    for (const role of ROLES) {
      const allowed = spec.allowed.includes(role);
      it(`${useCase} by ${role}: ${allowed ? 'allowed' : 'denied and audited'}`, async () => {
        const { identity, user } = identityOf(role);
        const before = (await w.repos.audit.last())?.seq ?? 0;
        const result = await spec.run(identity, user);
        if (allowed) {
          expect(result.ok ? 'ok' : result.error).toBe('ok');
          return;
        }
        expect(result.ok).toBe(false);
        expect(result.ok ? '' : result.error.code).toBe(role === 'unregistered' ? 'unknown_user' : 'forbidden');
        const denied = (await w.repos.audit.list({ fromSeq: before + 1 })).filter((e) => e.action === 'denied');
        expect(denied).toHaveLength(1);
        expect(denied[0]?.actor.id).toBe(user?.id ?? 'teams:aad-nobody');
      });
    }
  }
});
