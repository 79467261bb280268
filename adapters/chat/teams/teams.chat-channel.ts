// The ChatChannel port on the Bot Connector REST API (through the SDK's ConnectorClient):
// a task card starts its own thread in the team's channel (createConversation with the
// channel), is replaced in place with updateActivity, and direct messages go to a 1:1
// conversation with the person. A card in a channel is shared, so it is posted without
// buttons (viewer null) but with `refresh.userIds` set to the team's members, whose clients
// then ask the bot for their own view (the `task.refresh` invoke, handled in teams-bot.ts).
// Every failure leaves as a ChatChannelError (teams-errors.ts).
import { Activity, type ConversationParameters } from '@microsoft/agents-activity';
import type { Logger } from 'pino';
import { ChatChannelError, platformUserId, type ChannelAddress, type ChatChannel, type ChatText, type ChatUserRef } from '../../../bot/ports/chat-channel.js';
import type { TaskCardView } from '../../../bot/task-view.js';
import type { TaskPost } from '../../../core/domain/task.js';
import { REFRESH_MAX_USERS, taskCard } from '../../../cards/teams/index.js';
import { cardMessage, textMessage, type MessageActivityData } from './teams-activities.js';
import { withCardState } from './teams-cards.js';
import { listMembers, type TeamsConnector, type TeamsMember } from './teams-connector.js';
import type { TeamsDirectory } from './teams-directory.js';
import { TEAMS, toTeamsChatError } from './teams-errors.js';

/** How long a team's roster is reused before it is listed again. */
const ROSTER_TTL_MS = 10 * 60_000;

export interface TeamsChatChannelOptions {
  connector: TeamsConnector;
  directory: TeamsDirectory;
  /** The dashboard page a card links to, when there is a public URL. */
  tabUrl?: string;
  logger: Logger;
  clock?: () => Date;
}

interface Place {
  serviceUrl: string;
  tenantId?: string;
  teamId?: string;
}

export class TeamsChatChannel implements ChatChannel {
  readonly platform = TEAMS;
  private readonly rosters = new Map<string, { at: number; members: TeamsMember[] }>();
  private readonly clock: () => Date;

  constructor(private readonly options: TeamsChatChannelOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  async postTask(to: ChannelAddress, view: TaskCardView): Promise<TaskPost> {
    this.checkPlatform(to.platform);
    const place = await this.channelPlace(to.conversationId);
    const client = await this.client(place.serviceUrl, 'postTask');
    const refreshUserIds = await this.refreshUserIds(place, to.conversationId, view);
    const activity = cardMessage(this.sharedCard(view, refreshUserIds), summaryOf(view));
    return this.startThread(client, to.conversationId, place, activity, 'postTask');
  }

  async updateTask(post: TaskPost, view: TaskCardView): Promise<void> {
    this.checkPlatform(post.platform);
    const place = await this.channelPlace(post.conversationId);
    const client = await this.client(place.serviceUrl, 'updateTask');
    const refreshUserIds = await this.refreshUserIds(place, post.conversationId, view);
    const activity = Activity.fromObject({ ...cardMessage(this.sharedCard(view, refreshUserIds), summaryOf(view)), id: post.messageId });
    await client.updateActivity(post.conversationId, post.messageId, activity).catch((e: unknown) => {
      throw toTeamsChatError('updateActivity', e);
    });
  }

  async notifyUser(user: ChatUserRef, message: ChatText): Promise<void> {
    const aad = platformUserId(user, TEAMS);
    if (aad === undefined) throw new ChatChannelError(TEAMS, 'invalid', `${user.displayName} (${user.userId}) has no Teams identity`);
    const known = await this.options.directory.user(aad);
    const serviceUrl = known?.serviceUrl ?? (await this.options.directory.serviceUrl());
    if (serviceUrl === undefined) throw notHeardFromTeams();
    const client = await this.client(serviceUrl, 'notifyUser');
    const teamsId = known?.id ?? (await this.findInRosters(aad));
    if (teamsId === undefined) {
      throw new ChatChannelError(TEAMS, 'not_found', `${user.displayName} has not been seen in Teams yet: they need the arbot app (in a team with it, or installed for themselves)`);
    }
    const tenantId = await this.options.directory.tenantId();
    // Teams opens (or finds) the 1:1 chat without a first activity; the message follows with
    // sendToConversation. The SDK's type insists on `activity`, the REST API does not.
    const params = {
      isGroup: false,
      members: [{ id: teamsId }],
      ...(tenantId ? { tenantId } : {}),
      channelData: tenantId ? { tenant: { id: tenantId } } : {},
    } as ConversationParameters;
    const conversation = await client
      .createConversation(params)
      .catch((e: unknown) => {
        throw toTeamsChatError('createConversation (1:1)', e);
      });
    if (!conversation.id) throw new ChatChannelError(TEAMS, 'unknown', 'Teams createConversation (1:1) answered without a conversation id');
    await client.sendToConversation(conversation.id, Activity.fromObject(textMessage(message, (u) => this.mentionId(u)))).catch((e: unknown) => {
      throw toTeamsChatError('sendToConversation', e);
    });
  }

  async postMessage(to: ChannelAddress, message: ChatText): Promise<TaskPost> {
    this.checkPlatform(to.platform);
    const place = await this.channelPlace(to.conversationId);
    const client = await this.client(place.serviceUrl, 'postMessage');
    const ids = await this.mentionIds(place, to.conversationId, message.mentions ?? []);
    return this.startThread(client, to.conversationId, place, textMessage(message, (u) => ids.get(u.userId)), 'postMessage');
  }

  /** The card everyone sees in the channel: no buttons, each listed member's client asks for their own. */
  private sharedCard(view: TaskCardView, refreshUserIds: string[]): object {
    return withCardState(taskCard(view, { viewer: null, refreshUserIds, ...(this.options.tabUrl ? { tabUrl: this.options.tabUrl } : {}) }), view);
  }

  /** A new thread in the channel, its first message being `activity`. */
  private async startThread(client: Awaited<ReturnType<TeamsConnector['client']>>, channelId: string, place: Place, activity: MessageActivityData, operation: string): Promise<TaskPost> {
    // The bot's own account is not sent: the connector knows it from the token.
    const result = await client
      .createConversation({
        isGroup: true,
        channelData: { channel: { id: channelId }, ...(place.tenantId ? { tenant: { id: place.tenantId } } : {}) },
        ...(place.tenantId ? { tenantId: place.tenantId } : {}),
        activity: Activity.fromObject(activity),
      })
      .catch((e: unknown) => {
        throw toTeamsChatError(`createConversation (${operation})`, e);
      });
    if (!result.activityId) throw new ChatChannelError(TEAMS, 'unknown', `Teams createConversation (${operation}) answered without a conversation or activity id`);
    // The post is kept under the channel's id (not the thread's "…;messageid=…"): the desk
    // matches posts to team channels by it, and the connector updates a thread's first
    // message through the channel's id as well.
    return { platform: TEAMS, conversationId: channelId, messageId: result.activityId };
  }

  /** Where a channel lives: its service URL (per channel, else the last one Teams used) and team. */
  private async channelPlace(conversationId: string): Promise<Place> {
    const channel = await this.options.directory.channel(conversationId);
    const serviceUrl = channel?.serviceUrl ?? (await this.options.directory.serviceUrl());
    if (serviceUrl === undefined) throw notHeardFromTeams();
    const tenantId = channel?.tenantId ?? (await this.options.directory.tenantId());
    return { serviceUrl, ...(tenantId ? { tenantId } : {}), ...(channel?.teamId ? { teamId: channel.teamId } : {}) };
  }

  private async client(serviceUrl: string, operation: string) {
    try {
      return await this.options.connector.client(serviceUrl);
    } catch (e) {
      throw toTeamsChatError(`${operation} (token)`, e);
    }
  }

  /**
   * The Teams user ids (MRIs, as Teams wants them in refresh.userIds) of the channel's team:
   * the assignee first, then the roster, at most 60. A roster that cannot be read leaves the
   * card without automatic refresh (people can still refresh it by hand), never unposted.
   */
  private async refreshUserIds(place: Place, conversationId: string, view: TaskCardView): Promise<string[]> {
    const roster = await this.roster(place, conversationId);
    const assigneeAad = view.assignee ? platformUserId(view.assignee, TEAMS) : undefined;
    const assignee = assigneeAad ? roster.find((m) => sameId(m.aadObjectId, assigneeAad))?.id : undefined;
    const ids = [...(assignee ? [assignee] : []), ...roster.map((m) => m.id)];
    return [...new Set(ids)].slice(0, REFRESH_MAX_USERS);
  }

  private async roster(place: Place, conversationId: string): Promise<TeamsMember[]> {
    // The team's roster; a standard channel's conversation id lists the same people when the team is not known.
    const key = place.teamId ?? conversationId.split(';')[0] ?? conversationId;
    const cached = this.rosters.get(key);
    const now = this.clock().getTime();
    if (cached && now - cached.at < ROSTER_TTL_MS) return cached.members;
    try {
      const client = await this.options.connector.client(place.serviceUrl);
      const members = await listMembers(client, key);
      this.rosters.set(key, { at: now, members });
      for (const m of members) {
        if (m.aadObjectId) await this.options.directory.rememberUser({ aadObjectId: m.aadObjectId, id: m.id, serviceUrl: place.serviceUrl, ...(m.name ? { name: m.name } : {}) });
      }
      return members;
    } catch (err) {
      this.options.logger.warn({ err: toTeamsChatError('pagedmembers', err), conversationId: key }, 'teams: the roster could not be read; cards go out without automatic refresh');
      return cached?.members ?? [];
    }
  }

  /** A person's Teams user id from the rosters of the teams the bot is in (first contact for a DM). */
  private async findInRosters(aadObjectId: string): Promise<string | undefined> {
    const seen = new Set<string>();
    for (const channel of await this.options.directory.channels()) {
      const key = channel.teamId ?? channel.channelId;
      if (seen.has(key)) continue;
      seen.add(key);
      const place: Place = { serviceUrl: channel.serviceUrl, ...(channel.teamId ? { teamId: channel.teamId } : {}) };
      const found = (await this.roster(place, channel.channelId)).find((m) => sameId(m.aadObjectId, aadObjectId));
      if (found) return found.id;
    }
    return undefined;
  }

  /** Mention ids for a channel message: the person's Teams id from the roster, else their Entra object id (Teams accepts both). */
  private async mentionIds(place: Place, conversationId: string, people: ChatUserRef[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const withIdentity = people.filter((p) => platformUserId(p, TEAMS) !== undefined);
    if (withIdentity.length === 0) return out;
    const roster = await this.roster(place, conversationId);
    for (const p of withIdentity) {
      const aad = platformUserId(p, TEAMS) as string;
      out.set(p.userId, roster.find((m) => sameId(m.aadObjectId, aad))?.id ?? aad);
    }
    return out;
  }

  private mentionId(user: ChatUserRef): string | undefined {
    return platformUserId(user, TEAMS);
  }

  private checkPlatform(platform: string): void {
    if (platform !== TEAMS) throw new ChatChannelError(TEAMS, 'invalid', `a ${platform} address was given to the Teams channel`);
  }
}

function notHeardFromTeams(): ChatChannelError {
  return new ChatChannelError(TEAMS, 'not_found', 'arbot has not heard from Teams yet: add the arbot app to the team (or message the bot) so it learns where to post');
}

function sameId(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The notification text of a task card. */
function summaryOf(view: TaskCardView): string {
  return `${view.statusLabel}: ${view.subject}`.slice(0, 200);
}
