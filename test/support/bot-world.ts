// A small review-desk world for use-case tests: embedded storage (a fresh database per
// world), an SoR, three analysts in one team, a manager, a SuperAdmin, a stranger with no
// roles, the team's Teams channel on an in-memory chat channel, and the real distributor,
// card publisher and outbox. Only chat is a test double (the Teams and Slack adapters come
// with their own issues).
import type { Db } from 'mongodb';
import pino from 'pino';
import type { DraftDeps } from '../../bot/use-cases/draft.js';
import { ChatChannels } from '../../bot/chat-channels.js';
import { TaskDistributor } from '../../bot/distribution/task-distributor.js';
import type { ChatIdentity } from '../../bot/identity.js';
import type { Reprocessor } from '../../bot/ports/reprocessor.js';
import { TaskCards } from '../../bot/task-cards.js';
import type { Team } from '../../core/domain/team.js';
import type { User } from '../../core/domain/user.js';
import { InMemorySor } from '../../core/pipeline/in-memory-sor.js';
import { migrate } from '../../storage/index.js';
import { createRepositories, type Repositories } from '../../storage/repositories/index.js';
import { emailFixture } from '../fixtures/email.js';
import { sorSnapshotFixture } from '../fixtures/sor-snapshot.js';
import { MemoryChatChannel } from './memory-chat-channel.js';

export const silent = pino({ level: 'silent' });

export interface BotWorld {
  db: Db;
  repos: Repositories;
  sor: InMemorySor;
  chat: MemoryChatChannel;
  channels: ChatChannels;
  cards: TaskCards;
  distributor: TaskDistributor;
  deps: DraftDeps & { distributor: TaskDistributor; reprocessor: Reprocessor };
  analysts: [User, User, User];
  manager: User;
  admin: User;
  /** Registered but holds no role. */
  roleless: User;
  team: Team;
  /** Moves the world's clock. */
  setNow(d: Date): void;
  now(): Date;
  /** A new email with a task about it (customer C1, invoice INV-204518 unless overridden). */
  newTask(over?: { status?: 'new' | 'assigned' | 'in_review'; assignee?: string; customerSorId?: string | null; intents?: string[] }): Promise<string>;
}

export const asTeams = (u: User): ChatIdentity => ({ platform: 'teams', aadObjectId: u.identities.teamsAadObjectId ?? '' });

let worlds = 0;

/** Builds a world on a fresh database of an open embedded store. */
export async function botWorld(client: { db(name: string): Db }, reprocessor?: Reprocessor): Promise<BotWorld> {
  worlds += 1;
  const db = client.db(`bot_world_${process.pid}_${worlds}`);
  await migrate(db, silent);
  const repos = createRepositories(db, 't');
  let now = new Date('2026-11-20T09:00:00Z');
  const clock = () => now;
  const sor = new InMemorySor(sorSnapshotFixture(), { ownAddresses: ['ar@northwind.example'] });
  const mk = (name: string, roles: User['roles'], i: number) =>
    repos.users.create({ displayName: name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@northwind.example`, identities: { teamsAadObjectId: `aad-${worlds}-${i}`, slackUserId: `U${worlds}X${i}` }, roles }, now);
  const analysts = [await mk('Ana Lima', ['Analyst'], 1), await mk('Ben Okafor', ['Analyst'], 2), await mk('Chen Wei', ['Analyst'], 3)] as [User, User, User];
  const manager = await mk('Maria Manager', ['Manager'], 4);
  const admin = await mk('Sam Admin', ['SuperAdmin'], 5);
  const roleless = await mk('Rolf Nobody', [], 6);
  const team = await repos.teams.create(
    { name: 'Collections', members: analysts.map((a) => a.id), channels: { teams: { teamId: 'team-1', channelId: '19:collections@thread.tacv2' } }, managers: [manager.id] },
    now,
  );
  const chat = new MemoryChatChannel({ platform: 'teams' });
  const channels = new ChatChannels([chat]);
  const cards = new TaskCards({ repos, sor, channels, clock, logger: silent });
  const distributor = new TaskDistributor({ repos, settings: { maxOpenTasksPerUser: 25 }, clock });
  let ids = 0;
  const deps: BotWorld['deps'] = {
    repos,
    publisher: cards,
    sor,
    clock,
    logger: silent,
    distributor,
    reprocessor: reprocessor ?? { reprocess: () => Promise.reject(new Error('no reprocessor in this test')) },
    documents: {
      invoiceAttachments: async (_customer, numbers) =>
        numbers.map((n) => ({ filename: `${n}.pdf`, contentType: 'application/pdf', content: new TextEncoder().encode(`%PDF-1.4 ${n}`), kind: 'invoice' as const, invoiceNumber: n })),
    },
    from: { name: 'Northwind AR', address: 'ar@northwind.example' },
    newMessageId: () => `reply-${worlds}-${(ids += 1)}@northwind.example`,
  };
  let emails = 0;
  return {
    db,
    repos,
    sor,
    chat,
    channels,
    cards,
    distributor,
    deps,
    analysts,
    manager,
    admin,
    roleless,
    team,
    setNow: (d) => {
      now = d;
    },
    now: clock,
    async newTask(over = {}) {
      emails += 1;
      const { email } = await repos.emails.insertIfNew(
        emailFixture({ messageId: `q-${worlds}-${emails}@acme.example`, from: { name: 'Jane Roe', address: 'jane@acme.example' }, subject: `Copy of INV-204518 please (${emails})` }),
        now,
      );
      const customer = over.customerSorId === null ? {} : { customerSorId: over.customerSorId ?? 'C1' };
      const task = await repos.tasks.create(
        {
          emailId: email.id,
          intents: over.intents ?? ['invoice_copy'],
          reasons: ['unknown_sender'],
          invoiceNumbers: ['INV-204518'],
          teamId: team.id,
          ...customer,
          ...(over.status ? { status: over.status } : {}),
          ...(over.assignee ? { assignee: over.assignee } : {}),
        },
        now,
      );
      return task.id;
    },
  };
}
