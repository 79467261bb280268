// Drives the Microsoft 365 Agents Playground (@microsoft/m365agentsplayground, a dev
// dependency) from tests: spawns it offline on a free port, acts as its people over the same
// local HTTP API its web client uses, and reads what its client shows from the same WebSocket
// stream the web client renders.
//
// What the Playground offers (read from its package, version 0.2.28):
// - a Bot Connector at <url>/_connector (v3/conversations, activities, members), the service
//   URL it puts on the activities it sends the bot;
// - its client API at <url>/_conversation/v1: POST conversations/{id}/messages (a person
//   writes; in a channel the bot only hears it when @mentioned), POST invoke (Action.Execute
//   and message-extension invokes; the answer is the bot's invoke response), POST submit;
// - <url>/_internal/v1/customActivities (and …/template): mock activities such as the bot
//   being added to the team (a conversationUpdate with the team and channel);
// - GET <url>/_internal/v1/testConfig: the tenant, the bot, the current user, the other users,
//   the personal and group chats, and one team with its channels (General has the team's id);
// - a WebSocket at /_ws_conversation/v1/conversations/stream pushing createMessage and
//   updateMessage actions (with the card JSON) for everything the client shows: channels, and
//   chats the current user is in. Messages sent before a client connects are buffered.
// There is no API to list conversations or activities, so this driver keeps the stream's
// state. Any team member may act (`from.id` is any configured user), so several people can
// click the same card; 1:1 chats of people other than the current user are not shown.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface PlaygroundConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  teams: { id: string; name: string; channels: { id: string; name: string }[] }[];
}

/** One message as the Playground's client shows it (its latest version). */
export interface ShownMessage {
  messageId: string;
  /** The conversation it is listed in: the channel for a thread's first post, else its chat or thread. */
  conversationId: string;
  /** For a channel post: the thread it starts ("<channel>;messageid=<id>"). */
  postConversationId?: string;
  fromId: string;
  text?: string;
  attachments: { contentType: string; content: unknown }[];
  mentions: { mentioned: { id: string; name?: string }; text: string }[];
  updates: number;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

const CLI = resolve(import.meta.dirname, '../../node_modules/@microsoft/m365agentsplayground/cli.js');

export class AgentsPlayground {
  readonly url: string;
  private readonly messages = new Map<string, ShownMessage>();
  private socket: Duplex | undefined;
  private listeners: Array<() => void> = [];
  private output = '';
  /** Frames received on the client stream (to tell when it is quiet). */
  private received = 0;
  config!: PlaygroundConfig;

  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly workDir: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    child.stdout?.on('data', (d: Buffer) => this.keep(d));
    child.stderr?.on('data', (d: Buffer) => this.keep(d));
  }

  /** Spawns the Playground for the bot at `botEndpoint` and connects to its client stream. */
  static async start(options: { botEndpoint: string; port?: number; timeoutMs?: number }): Promise<AgentsPlayground> {
    const port = options.port ?? (await freePort());
    // Its own folder: the Playground writes devTools/ logs and reads a config file from its working directory.
    const workDir = mkdtempSync(join(tmpdir(), 'arbot-playground-'));
    const child = spawn(process.execPath, [CLI, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
      cwd: workDir,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: join(workDir, 'playground.log') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const playground = new AgentsPlayground(port, child, workDir);
    try {
      await playground.waitUntilUp(options.timeoutMs ?? 20_000);
      playground.config = (await playground.get('/_internal/v1/testConfig')).config as PlaygroundConfig;
      await playground.connectStream();
    } catch (err) {
      await playground.stop();
      throw err;
    }
    return playground;
  }

  /** Stops the process (by its pid) and removes its folder. */
  async stop(): Promise<void> {
    this.socket?.destroy();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((done) => this.child.once('exit', () => done()));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.workDir, { recursive: true, force: true });
  }

  /** The Bot Connector URL the Playground gives the bot (the activities' serviceUrl). */
  get serviceUrl(): string {
    return `http://localhost:${this.port}/_connector`;
  }

  get team(): PlaygroundConfig['teams'][number] {
    const team = this.config.teams[0];
    if (!team) throw new Error('the Playground config has no team');
    return team;
  }

  /** Every configured person, the current user first. */
  get people(): PlaygroundUser[] {
    return [this.config.currentUser, ...this.config.users];
  }

  user(name: string): PlaygroundUser {
    const found = this.people.find((u) => u.name === name || u.name.startsWith(name));
    if (!found) throw new Error(`no Playground user "${name}" (have: ${this.people.map((u) => u.name).join(', ')})`);
    return found;
  }

  /** A person writes in a conversation (a chat, or a channel: then it starts a thread and reaches the bot only with `mentionBot`). */
  async sendMessage(conversationId: string, from: PlaygroundUser, text: string, options: { mentionBot?: boolean } = {}): Promise<{ messageId: string; postConversationId?: string }> {
    const botTag = `<at>${this.config.bot.name}</at>`;
    const body = {
      from: { id: from.id },
      text: options.mentionBot ? `${botTag} ${text}` : text,
      textFormat: 'plain',
      ...(options.mentionBot ? { mentions: [{ mentioned: { id: this.config.bot.id }, text: botTag }] } : {}),
    };
    return (await this.post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body)) as { messageId: string; postConversationId?: string };
  }

  /** A person clicks an Action.Execute on a message (or their client refreshes it); the bot's invoke response as the client gets it (type and value). */
  async execute(message: { conversationId: string; messageId: string }, from: PlaygroundUser, verb: string, data: Record<string, unknown>, trigger: 'manual' | 'automatic' = 'manual'): Promise<{ type: string; value: unknown }> {
    return (await this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      from: { id: from.id },
      conversation: { id: message.conversationId },
      replyToId: message.messageId,
      value: { action: { type: 'Action.Execute', verb, data }, trigger },
    })) as { type: string; value: unknown };
  }

  /**
   * Sends the bot one of the Playground's mock activities for a conversation, as its "mock an
   * activity" menu does: `botAdded` to the team's channel is the event Teams sends when the app
   * is added to a team. The Playground answers at once and delivers the activity right after.
   */
  async sendMockActivity(conversationId: string, type: 'botAdded' | 'install' | 'userAdded'): Promise<void> {
    const template = await this.get(`/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}&type=${type}`);
    await this.post('/_internal/v1/customActivities', template);
  }

  /** A message as shown now. */
  shown(messageId: string): ShownMessage | undefined {
    return this.messages.get(messageId);
  }

  /** Everything listed in a conversation (for a channel: the first posts of its threads), oldest first. */
  listed(conversationId: string): ShownMessage[] {
    return [...this.messages.values()].filter((m) => m.conversationId === conversationId);
  }

  /** Messages in a thread, its first post included. */
  thread(postConversationId: string): ShownMessage[] {
    return [...this.messages.values()].filter((m) => m.postConversationId === postConversationId || m.conversationId === postConversationId);
  }

  /** Waits until `check` returns something (re-checked on every streamed change); fails naming `what`. */
  async waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
    const first = check();
    if (first) return first;
    return new Promise<T>((done, fail) => {
      const listener = () => {
        const value = check();
        if (!value) return;
        cleanup();
        done(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        fail(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the Playground shows ${this.messages.size} message(s)`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
      };
      this.listeners.push(listener);
    });
  }

  /**
   * Waits until the client stream has been quiet for `quietMs`. The Playground writes to the
   * stream before it answers the connector call that caused it, so after a call returns the
   * change is already on its way; this lets it land.
   */
  async settle(quietMs = 40, maxMs = 2000): Promise<void> {
    const start = Date.now();
    while (Date.now() - start < maxMs) {
      const seen = this.received;
      await new Promise((r) => setTimeout(r, quietMs));
      if (this.received === seen) return;
    }
  }

  /** The last lines the Playground printed (for failure messages). */
  log(): string {
    return this.output.slice(-4000);
  }

  private keep(chunk: Buffer): void {
    this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
  }

  private async waitUntilUp(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`the Playground exited (${this.child.exitCode}) before listening:\n${this.log()}`);
      try {
        const res = await fetch(`${this.url}/_debug/ping`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the Playground did not start within ${timeoutMs} ms:\n${this.log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async get(path: string): Promise<Record<string, unknown>> {
    const res = await fetch(`${this.url}${path}`);
    if (!res.ok) throw new Error(`Playground GET ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  }

  private async post(path: string, body: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`Playground POST ${path}: HTTP ${res.status} ${text}`);
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  }

  /** Opens the client stream with a minimal WebSocket handshake (Node 20 has no WebSocket client without a flag). */
  private connectStream(): Promise<void> {
    return new Promise((done, fail) => {
      const req = request({
        host: '127.0.0.1',
        port: this.port,
        path: '/_ws_conversation/v1/conversations/stream',
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': randomBytes(16).toString('base64'), 'Sec-WebSocket-Version': '13' },
      });
      req.once('error', fail);
      req.once('response', (res: IncomingMessage) => fail(new Error(`the Playground refused the client stream: HTTP ${res.statusCode}`)));
      req.once('upgrade', (_res, socket, head) => {
        this.socket = socket;
        let buffer = head;
        let fragments: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => {
          buffer = Buffer.concat([buffer, chunk]);
          for (;;) {
            const frame = readFrame(buffer);
            if (frame === null) break;
            buffer = buffer.subarray(frame.length);
            if (frame.opcode === 0x9) socket.write(maskedFrame(0xa, frame.payload));
            else if (frame.opcode === 0x1 || frame.opcode === 0x0) {
              fragments.push(frame.payload);
              if (frame.fin) {
                this.apply(Buffer.concat(fragments).toString('utf8'));
                fragments = [];
              }
            } else if (frame.opcode === 0x8) socket.end();
          }
        });
        socket.on('error', () => undefined);
        done();
      });
      req.end();
    });
  }

  private apply(json: string): void {
    this.received += 1;
    const action = JSON.parse(json) as { action?: string; actionConversationId?: string; message?: Record<string, unknown> };
    const m = action.message;
    if (!m || typeof m.messageId !== 'string') return;
    const shown: ShownMessage = {
      messageId: m.messageId,
      conversationId: action.actionConversationId ?? '',
      ...(typeof m.postConversationId === 'string' ? { postConversationId: m.postConversationId } : {}),
      fromId: (m.from as { id?: string } | undefined)?.id ?? '',
      ...(typeof m.text === 'string' ? { text: m.text } : {}),
      attachments: Array.isArray(m.attachments) ? (m.attachments as ShownMessage['attachments']) : [],
      mentions: Array.isArray(m.mentions) ? (m.mentions as ShownMessage['mentions']) : [],
      updates: 0,
    };
    const before = this.messages.get(shown.messageId);
    if (action.action === 'updateMessage' && before) {
      this.messages.set(shown.messageId, { ...shown, conversationId: before.conversationId, ...(before.postConversationId ? { postConversationId: before.postConversationId } : {}), updates: before.updates + 1 });
    } else if (action.action === 'createMessage') {
      this.messages.set(shown.messageId, shown);
    }
    for (const listener of [...this.listeners]) listener();
  }
}

/** One WebSocket frame from the server (unmasked), or null when `buf` does not hold a whole one. */
function readFrame(buf: Buffer): { fin: boolean; opcode: number; payload: Buffer; length: number } | null {
  if (buf.length < 2) return null;
  const b0 = buf[0] as number;
  const b1 = buf[1] as number;
  let len = b1 & 0x7f;
  let offset = 2;
  if (len === 126) {
    if (buf.length < 4) return null;
    len = buf.readUInt16BE(2);
    offset = 4;
  } else if (len === 127) {
    if (buf.length < 10) return null;
    len = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const masked = (b1 & 0x80) !== 0;
  const maskOffset = offset;
  if (masked) offset += 4;
  if (buf.length < offset + len) return null;
  let payload = buf.subarray(offset, offset + len);
  if (masked) {
    const mask = buf.subarray(maskOffset, maskOffset + 4);
    payload = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] as number)));
  }
  return { fin: (b0 & 0x80) !== 0, opcode: b0 & 0x0f, payload, length: offset + len };
}

/** A client frame (clients must mask); only used for small control frames. */
function maskedFrame(opcode: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] as number)));
  return Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | body.length]), mask, body]);
}
