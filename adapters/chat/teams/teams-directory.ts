// What arbot has learnt about Teams from the activities it received, kept in the settings
// collection so proactive posts work after a restart: the Bot Connector service URL, the
// tenant, the bot's own account, each channel's team, and each person's Teams user id (the
// "29:…" id the connector wants) by their Entra object id (what arbot's users carry).
// Teams gives none of this up front: it arrives with the first activity of a team or person
// (the app being installed, a message, a click), so the desk can only post where the bot has
// been seen. Writes happen only when something changed.
import type { SettingRepo } from '../../../storage/repositories/setting.repo.js';

/** Settings keys (one document each; channel and user keys carry the id after the colon). */
export const TEAMS_SETTING_KEYS = {
  serviceUrl: 'teams.serviceUrl',
  tenantId: 'teams.tenantId',
  bot: 'teams.bot',
  channel: (channelId: string) => `teams.channel:${channelId}`,
  user: (aadObjectId: string) => `teams.user:${aadObjectId.toLowerCase()}`,
} as const;

/** A channel the bot has seen, and the team it belongs to. */
export interface TeamsChannelRef {
  channelId: string;
  teamId?: string;
  serviceUrl: string;
  tenantId?: string;
}

/** A person the bot has seen (or found in a team's roster). */
export interface TeamsUserRef {
  aadObjectId: string;
  /** The Teams user id ("29:…", the user's MRI). */
  id: string;
  name?: string;
  serviceUrl?: string;
}

export interface TeamsAccount {
  id: string;
  name?: string;
}

/** The parts of an incoming activity the directory reads (the SDK's Activity has them all). */
export interface SeenActivity {
  serviceUrl?: string;
  channelId?: string;
  from?: { id?: string; name?: string; aadObjectId?: string };
  recipient?: { id?: string; name?: string };
  conversation?: { id?: string; tenantId?: string; conversationType?: string };
  channelData?: unknown;
}

export class TeamsDirectory {
  private readonly cache = new Map<string, unknown>();

  constructor(
    private readonly settings: Pick<SettingRepo, 'get' | 'set' | 'list'>,
    private readonly clock: () => Date,
  ) {}

  /** Records what an incoming activity tells about where and who the bot is. */
  async remember(activity: SeenActivity): Promise<void> {
    const serviceUrl = activity.serviceUrl?.trim();
    if (!serviceUrl || (activity.channelId !== undefined && activity.channelId !== 'msteams')) return;
    const channelData = teamsChannelData(activity.channelData);
    const tenantId = channelData.tenantId ?? activity.conversation?.tenantId;
    await this.put(TEAMS_SETTING_KEYS.serviceUrl, serviceUrl);
    if (tenantId) await this.put(TEAMS_SETTING_KEYS.tenantId, tenantId);
    if (activity.recipient?.id) await this.put(TEAMS_SETTING_KEYS.bot, account(activity.recipient.id, activity.recipient.name));
    if (channelData.channelId) {
      const channel: TeamsChannelRef = { channelId: channelData.channelId, serviceUrl, ...(channelData.teamId ? { teamId: channelData.teamId } : {}), ...(tenantId ? { tenantId } : {}) };
      await this.put(TEAMS_SETTING_KEYS.channel(channel.channelId), channel);
      // The General channel's id is the team's id: a team event names only the team.
    } else if (channelData.teamId) {
      await this.put(TEAMS_SETTING_KEYS.channel(channelData.teamId), { channelId: channelData.teamId, teamId: channelData.teamId, serviceUrl, ...(tenantId ? { tenantId } : {}) });
    }
    const from = activity.from;
    if (from?.id && from.aadObjectId) await this.rememberUser({ aadObjectId: from.aadObjectId, id: from.id, serviceUrl, ...(from.name ? { name: from.name } : {}) });
  }

  /** Records a person found in a roster or an activity. */
  async rememberUser(user: TeamsUserRef): Promise<void> {
    await this.put(TEAMS_SETTING_KEYS.user(user.aadObjectId), user);
  }

  /** The Bot Connector URL Teams last called from, if the bot has heard from Teams at all. */
  async serviceUrl(): Promise<string | undefined> {
    const v = await this.read(TEAMS_SETTING_KEYS.serviceUrl);
    return typeof v === 'string' && v !== '' ? v : undefined;
  }

  async tenantId(): Promise<string | undefined> {
    const v = await this.read(TEAMS_SETTING_KEYS.tenantId);
    return typeof v === 'string' && v !== '' ? v : undefined;
  }

  async bot(): Promise<TeamsAccount | undefined> {
    const v = await this.read(TEAMS_SETTING_KEYS.bot);
    return isRecord(v) && typeof v.id === 'string' ? account(v.id, typeof v.name === 'string' ? v.name : undefined) : undefined;
  }

  /** A channel by its id (a thread's conversation id "19:…;messageid=…" names its channel too). */
  async channel(conversationId: string): Promise<TeamsChannelRef | undefined> {
    const channelId = channelOf(conversationId);
    const v = await this.read(TEAMS_SETTING_KEYS.channel(channelId));
    if (!isRecord(v) || typeof v.serviceUrl !== 'string') return undefined;
    return {
      channelId,
      serviceUrl: v.serviceUrl,
      ...(typeof v.teamId === 'string' ? { teamId: v.teamId } : {}),
      ...(typeof v.tenantId === 'string' ? { tenantId: v.tenantId } : {}),
    };
  }

  /** Every channel the bot has seen (to look for a person in their teams' rosters). */
  async channels(): Promise<TeamsChannelRef[]> {
    const prefix = TEAMS_SETTING_KEYS.channel('');
    const all = await this.settings.list();
    const out: TeamsChannelRef[] = [];
    for (const s of all) {
      if (!s.key.startsWith(prefix)) continue;
      const channel = await this.channel(s.key.slice(prefix.length));
      if (channel) out.push(channel);
    }
    return out;
  }

  /** A person by Entra object id. */
  async user(aadObjectId: string): Promise<TeamsUserRef | undefined> {
    const v = await this.read(TEAMS_SETTING_KEYS.user(aadObjectId));
    if (!isRecord(v) || typeof v.id !== 'string') return undefined;
    return {
      aadObjectId,
      id: v.id,
      ...(typeof v.name === 'string' ? { name: v.name } : {}),
      ...(typeof v.serviceUrl === 'string' ? { serviceUrl: v.serviceUrl } : {}),
    };
  }

  private async read(key: string): Promise<unknown> {
    if (this.cache.has(key)) return this.cache.get(key);
    const stored = await this.settings.get(key);
    // Only what is known is cached: another process (or directory) may learn the rest.
    if (stored !== null) this.cache.set(key, stored.value);
    return stored?.value;
  }

  private async put(key: string, value: unknown): Promise<void> {
    const current = await this.read(key);
    if (JSON.stringify(current) === JSON.stringify(value)) return;
    this.cache.set(key, value);
    await this.settings.set(key, value, this.clock(), 'teams');
  }
}

/** The channel part of a conversation id ("19:abc@thread.tacv2;messageid=123" → "19:abc@thread.tacv2"). */
export function channelOf(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

/** The Teams fields of an activity's channelData. Pure. */
export function teamsChannelData(channelData: unknown): { teamId?: string; channelId?: string; tenantId?: string } {
  if (!isRecord(channelData)) return {};
  const team = isRecord(channelData.team) ? channelData.team : undefined;
  const channel = isRecord(channelData.channel) ? channelData.channel : undefined;
  const tenant = isRecord(channelData.tenant) ? channelData.tenant : undefined;
  return {
    ...(typeof team?.id === 'string' ? { teamId: team.id } : {}),
    ...(typeof channel?.id === 'string' ? { channelId: channel.id } : {}),
    ...(typeof tenant?.id === 'string' ? { tenantId: tenant.id } : {}),
  };
}

function account(id: string, name: string | undefined): TeamsAccount {
  return name ? { id, name } : { id };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
