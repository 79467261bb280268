// Runs the ChatChannel conformance suite against the Teams adapter (TeamsChatChannel over the
// SDK's ConnectorClient), with the Microsoft 365 Agents Playground as the Teams service.
//
// Why the Playground and not an HTTP stub: it is a real Bot Connector implementation (it
// creates channel threads and 1:1 chats, updates activities, lists rosters and refuses what
// Teams refuses: unknown conversations and activities, bad mention entities) and a real
// client, whose WebSocket stream is exactly what its web UI renders. The probe reads that
// stream (test/support/agents-playground.ts), so "shown" means shown to a person.
//
// Set-up, as in a real team: the directory is told about the team the way the bot learns it
// from the app being installed there (service URL, team, General channel, the installer);
// everything else (the roster, the person's Teams id for a direct message) the adapter finds
// through the connector. The probe's person is the Playground's current user (Alex Wilber),
// since the Playground only shows the current user's own chats. Card state is read from the
// card JSON: the task id and version from the refresh action's data, the status from the
// status line, mentions from msteams.entities; a text message's mentions from its entities,
// mapped from Teams ids to Entra object ids with the Playground's roster.
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { Setting } from '../../core/domain/setting.js';
import type { ChatUserRef } from '../../bot/ports/chat-channel.js';
import { TeamsCloudAdapter } from '../../adapters/chat/teams/teams-connector.js';
import { TeamsDirectory } from '../../adapters/chat/teams/teams-directory.js';
import { TeamsChatChannel } from '../../adapters/chat/teams/teams.chat-channel.js';
import { AgentsPlayground, type ShownMessage } from '../support/agents-playground.js';
import { shownTaskOf } from '../support/teams-card-reader.js';
import { chatChannelSuite } from './chat-channel.suite.js';

let playground: AgentsPlayground;

beforeAll(async () => {
  // No bot endpoint is needed: the adapter only calls the Playground's connector.
  playground = await AgentsPlayground.start({ botEndpoint: 'http://127.0.0.1:9/api/messages' });
}, 60_000);

afterAll(async () => {
  await playground?.stop();
});

/** An in-memory settings repository (the directory's storage). */
function memorySettings() {
  const values = new Map<string, Setting>();
  return {
    get: async (key: string) => values.get(key) ?? null,
    set: async (key: string, value: unknown, now: Date) => {
      const s: Setting = { tenantId: 't', key, value, updatedAt: now };
      values.set(key, s);
      return s;
    },
    list: async () => [...values.values()],
  };
}

chatChannelSuite('teams (Agents Playground)', async () => {
  const p = playground;
  const team = p.team;
  const general = team.channels.find((c) => c.id === team.id) ?? team.channels[0];
  if (!general) throw new Error('the Playground team has no channel');
  const installer = p.user('Megan');
  const directory = new TeamsDirectory(memorySettings(), () => new Date());
  // What the bot hears when the app is installed in the team.
  await directory.remember({
    serviceUrl: p.serviceUrl,
    channelId: 'msteams',
    from: { id: installer.id, aadObjectId: installer.aadObjectId, name: installer.name },
    recipient: { id: p.config.bot.id, name: p.config.bot.name },
    conversation: { id: general.id, tenantId: p.config.tenantId, conversationType: 'channel' },
    channelData: { team: { id: team.id }, channel: { id: general.id }, tenant: { id: p.config.tenantId } },
  });
  const channel = new TeamsChatChannel({ connector: new TeamsCloudAdapter({}), directory, logger: pino({ level: 'silent' }) });
  const me = p.config.currentUser;
  const aadOf = (id: string) => p.people.find((u) => u.id === id)?.aadObjectId ?? id;
  const asShown = (m: ShownMessage) => ({ text: m.text ?? cardText(m), mentionedUserIds: m.mentions.map((x) => aadOf(x.mentioned.id)) });
  return {
    channel,
    address: { platform: 'teams', conversationId: general.id },
    missingAddress: { platform: 'teams', conversationId: '19:does-not-exist@thread.tacv2' },
    user: { userId: 'user-alex', displayName: me.name, teamsAadObjectId: me.aadObjectId } satisfies ChatUserRef,
    userWithoutIdentity: { userId: 'user-bo', displayName: 'Bo Chen', slackUserId: 'U0BO' },
    probe: {
      shownTask: async (post) => {
        await p.settle();
        const m = p.shown(post.messageId);
        if (!m) return null;
        const state = shownTaskOf(m.attachments[0]?.content);
        if (!state) return null;
        return { taskId: state.taskId, version: state.version ?? -1, status: state.status, mentionedUserIds: state.mentionedIds.map(aadOf) };
      },
      directMessagesTo: async (user) => {
        await p.settle();
        if (user.teamsAadObjectId?.toLowerCase() !== me.aadObjectId.toLowerCase()) return [];
        return p
          .listed(p.config.personalChat.id)
          .filter((m) => m.fromId === p.config.bot.id)
          .map((m) => m.text ?? '');
      },
      messagesIn: async (address) => {
        await p.settle();
        return p.listed(address.conversationId).map(asShown);
      },
    },
    // The Playground is shared by the suite's tests; each test posts its own cards.
    teardown: async () => undefined,
  };
});

function cardText(m: ShownMessage): string {
  const card = m.attachments[0]?.content as { body?: { text?: unknown }[] } | undefined;
  return (card?.body ?? []).flatMap((e) => (typeof e.text === 'string' ? [e.text] : [])).join('\n');
}
