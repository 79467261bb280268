// TEST DOUBLE. A local stand-in for the Slack Web API (https://slack.com/api/<method>) and for
// response_url, on node:http. It answers the methods arbot calls the way Slack documents them
// (ok: true with ts, channel, view …; ok: false with Slack's error strings), checks the bot
// token, records every call, and keeps what each channel shows now, so tests and the
// ChatChannel conformance probe can read it back. Failures can be injected per method.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
}

export interface StubMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  /** Set on thread replies. */
  threadTs?: string;
  /** How often chat.update replaced it. */
  updates: number;
}

export interface StubEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks: unknown[];
  threadTs?: string;
}

/** One injected answer: Slack's error string (HTTP 200, ok: false) or a bare HTTP status. */
export type StubFailure = { error: string } | { status: number };

export interface SlackApiStubOptions {
  /** Bot tokens that authenticate; others get `invalid_auth` (default: one, "xoxb-test"). */
  tokens?: string[];
  /** Channels the bot may post in; others get `channel_not_found` (default: C-ALERTS). */
  channels?: string[];
}

export class SlackApiStub {
  readonly calls: StubCall[] = [];
  /** Every message by channel, in posting order (thread replies included, marked by threadTs). */
  readonly messages = new Map<string, StubMessage[]>();
  readonly ephemerals: StubEphemeral[] = [];
  /** Bodies POSTed to response_url addresses (`/respond/<id>`), in order. */
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  readonly tokens: Set<string>;
  readonly channels: Set<string>;
  /** OAuth codes the stub's oauth.v2.access exchanges, each for one workspace's bot token. */
  readonly oauthGrants = new Map<string, { clientId: string; clientSecret: string; teamId: string; teamName: string; botToken: string }>();
  /** Channels only one bot token (workspace) can see; others see channel_not_found. */
  private readonly channelOwners = new Map<string, string>();
  private readonly failures = new Map<string, StubFailure[]>();
  private readonly delays = new Map<string, number>();
  private server: Server | undefined;
  private seq = 0;
  private base = '';

  constructor(options: SlackApiStubOptions = {}) {
    this.tokens = new Set(options.tokens ?? ['xoxb-test']);
    this.channels = new Set(options.channels ?? ['C-ALERTS']);
  }

  /** Starts listening on a free port of 127.0.0.1. */
  async start(): Promise<this> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
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
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The Web API base URL to give the client (clientOptions.slackApiUrl). */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A response_url for one slash command or interaction. */
  responseUrl(id: string): string {
    return `${this.base}/respond/${id}`;
  }

  /** Makes `channel` a channel of the workspace whose bot token is `token` (it must also be in `channels`). */
  ownChannel(channel: string, token: string): void {
    this.channels.add(channel);
    this.channelOwners.set(channel, token);
  }

  /** The next calls of `method` fail this way, one failure per call. */
  failNext(method: string, ...failures: StubFailure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  /** Calls of `method` take `ms` before they are answered. */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  callsOf(method: string): StubCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Top-level messages of a channel (not thread replies), as shown now. */
  channelMessages(channel: string): StubMessage[] {
    return (this.messages.get(channel) ?? []).filter((m) => m.threadTs === undefined);
  }

  /** The replies in a message's thread. */
  threadReplies(channel: string, ts: string): StubMessage[] {
    return (this.messages.get(channel) ?? []).filter((m) => m.threadTs === ts);
  }

  message(channel: string, ts: string): StubMessage | undefined {
    return (this.messages.get(channel) ?? []).find((m) => m.ts === ts);
  }

  /** Waits until `check` returns something other than undefined/false (polling), or fails after `timeoutMs`. */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 5000, what = 'the expected Slack calls'): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.base);
    if (url.pathname.startsWith('/respond/')) {
      this.responses.push({ path: url.pathname, body: JSON.parse(raw === '' ? '{}' : raw) as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = parseArgs(raw, req.headers['content-type']);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : typeof args.token === 'string' ? args.token : undefined;
    this.calls.push({ method, args, token });
    const wait = this.delays.get(method);
    if (wait) await new Promise((r) => setTimeout(r, wait));
    const failure = this.failures.get(method)?.shift();
    if (failure && 'status' in failure) {
      res.writeHead(failure.status, { 'content-type': 'text/plain' });
      res.end('stub failure');
      return;
    }
    const answer = failure ? { ok: false, error: failure.error } : this.answer(method, args, token);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer));
  }

  private answer(method: string, a: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    const str = (key: string) => (typeof a[key] === 'string' ? (a[key] as string) : '');
    if (method === 'oauth.v2.access') return this.exchange(str('code'), str('client_id'), str('client_secret'));
    if (token === undefined) return { ok: false, error: 'not_authed' };
    if (!this.tokens.has(token)) return { ok: false, error: 'invalid_auth' };
    const owner = this.channelOwners.get(str('channel'));
    if (owner !== undefined && owner !== token) return { ok: false, error: 'channel_not_found' };
    const list = (key: string): unknown[] => (Array.isArray(a[key]) ? (a[key] as unknown[]) : typeof a[key] === 'string' && a[key] !== '' ? (JSON.parse(a[key] as string) as unknown[]) : []);
    const obj = (key: string) => (typeof a[key] === 'object' && a[key] !== null ? (a[key] as Record<string, unknown>) : typeof a[key] === 'string' && a[key] !== '' ? (JSON.parse(a[key] as string) as Record<string, unknown>) : undefined);
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://arbot-test.slack.com/', team: 'Northwind', user: 'arbot', team_id: 'T-TEST', user_id: 'U-BOT', bot_id: 'B-BOT' };
      case 'chat.postMessage': {
        const channel = str('channel');
        if (!this.reachable(channel)) return { ok: false, error: 'channel_not_found' };
        if (str('text') === '' && list('blocks').length === 0) return { ok: false, error: 'no_text' };
        const message: StubMessage = { channel, ts: this.nextTs(), text: str('text'), blocks: list('blocks'), updates: 0 };
        const metadata = obj('metadata');
        if (metadata) message.metadata = metadata as StubMessage['metadata'];
        if (str('thread_ts') !== '') message.threadTs = str('thread_ts');
        this.messages.set(channel, [...(this.messages.get(channel) ?? []), message]);
        return { ok: true, channel, ts: message.ts, message: { type: 'message', text: message.text, ts: message.ts, blocks: message.blocks } };
      }
      case 'chat.update': {
        const channel = str('channel');
        if (!this.reachable(channel)) return { ok: false, error: 'channel_not_found' };
        const message = this.message(channel, str('ts'));
        if (!message) return { ok: false, error: 'message_not_found' };
        message.text = str('text');
        message.blocks = list('blocks');
        const metadata = obj('metadata');
        if (metadata) message.metadata = metadata as StubMessage['metadata'];
        message.updates += 1;
        return { ok: true, channel, ts: message.ts, text: message.text };
      }
      case 'chat.postEphemeral': {
        const channel = str('channel');
        if (!this.reachable(channel)) return { ok: false, error: 'channel_not_found' };
        this.ephemerals.push({ channel, user: str('user'), text: str('text'), blocks: list('blocks'), ...(str('thread_ts') ? { threadTs: str('thread_ts') } : {}) });
        return { ok: true, message_ts: this.nextTs() };
      }
      case 'conversations.open': {
        const users = str('users');
        if (users === '') return { ok: false, error: 'users_not_found' };
        return { ok: true, channel: { id: `D${users.split(',')[0]}` } };
      }
      case 'conversations.info':
        return this.channels.has(str('channel')) ? { ok: true, channel: { id: str('channel') } } : { ok: false, error: 'channel_not_found' };
      case 'users.info':
        return { ok: true, user: { id: str('user') } };
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish': {
        if (method === 'views.open' && str('trigger_id') === '') return { ok: false, error: 'invalid_trigger_id' };
        return { ok: true, view: { id: `V${this.seq++}`, ...(obj('view') ?? {}) } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** oauth.v2.access as Slack answers it for a bot install (https://docs.slack.dev/reference/methods/oauth.v2.access). */
  private exchange(code: string, clientId: string, clientSecret: string): Record<string, unknown> {
    const grant = this.oauthGrants.get(code);
    if (!grant) return { ok: false, error: 'invalid_code' };
    if (grant.clientId !== clientId || grant.clientSecret !== clientSecret) return { ok: false, error: 'invalid_client_id' };
    this.oauthGrants.delete(code);
    this.tokens.add(grant.botToken);
    return {
      ok: true,
      access_token: grant.botToken,
      token_type: 'bot',
      scope: 'chat:write,commands,im:write',
      bot_user_id: `U0BOT${grant.teamId}`,
      app_id: 'A0ARBOT',
      team: { id: grant.teamId, name: grant.teamName },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: 'U0INSTALLER' },
    };
  }

  /** Channels the bot is in, and direct-message channels it opened. */
  private reachable(channel: string): boolean {
    return this.channels.has(channel) || (channel.startsWith('D') && this.calls.some((c) => c.method === 'conversations.open' && `D${String(c.args.users).split(',')[0]}` === channel));
  }

  private nextTs(): string {
    this.seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, '0')}`;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The WebClient sends form-encoded bodies with nested values as JSON strings; response_url gets JSON. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw));
}
