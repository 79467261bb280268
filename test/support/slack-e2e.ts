// Slack end to end over HTTP, the shared harness: arbot's HTTP app in-process with the Slack
// platform mounted (embedded store in a temp dir, the SoR imported, Ana and Ben analysts and
// Maria their manager, with Slack ids, in a team with a Slack channel), the Slack Web API on the
// local stub (slack-api-stub.ts), and requests built and signed the way Slack builds them (v0
// HMAC-SHA256 of "v0:timestamp:body", slack-request.ts): JSON for events, `payload=` for
// interactivity. The world of the Slack suites over HTTP (slack.http, slack.events, slack.slow).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slackPlatform } from '../../adapters/chat/slack/slack.platform.js';
import { configFixture } from '../../app/config/config.fixture.js';
import { createHttpApp } from '../../app/http/server.js';
import { listen, type HttpServerHandle } from '../../app/http/listen.js';
import { createReviewDesk, type ReviewDesk } from '../../app/review-desk.js';
import type { Task } from '../../core/domain/task.js';
import type { User } from '../../core/domain/user.js';
import { openStorage, type StorageHandle } from '../../storage/index.js';
import { createRepositories, type Repositories } from '../../storage/repositories/index.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { openJaneReviewTask } from './review-task.js';
import { sorSnapshotFixture } from '../fixtures/sor-snapshot.js';
import { silent } from './bot-world.js';
import { SlackApiStub, type StubMessage } from './slack-api-stub.js';
import { postSignedToSlack, slashCommandBody, type SlackSent } from './slack-request.js';

export const SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';
export const TOKEN = 'xoxb-e2e-token';
export const CHANNEL = 'C0COLLECT';
export const TEAM_ID = 'T0NORTH';
/** arbot's bot user, as the event envelopes' authorizations name it. */
export const BOT_USER = 'U0BOT';

export type Sent = SlackSent;
/** Headers that override the signed ones (undefined leaves one out): for requests not from Slack. */
export type Headers = Record<string, string | undefined>;

export interface SlackWorldOptions {
  /** Conversations the bot is in besides CHANNEL (e.g. direct-message channels, "D…"). */
  channels?: string[];
  /** Wraps the repositories the desk is built on (a seam to slow one of them down). */
  wrapRepos?: (repos: Repositories) => Repositories;
}

export interface SlackWorld {
  stub: SlackApiStub;
  desk: ReviewDesk;
  ana: User;
  ben: User;
  maria: User;
  /** The world's temp dir (removed by close()). */
  dir: string;
  /** How many emails openTask has opened tasks for; the last one's subject ends in `(${emailsOpened})`. */
  readonly emailsOpened: number;
  /** POSTs a body to /slack/events, signed unless `headers` say otherwise. */
  send(body: string, contentType: string, headers?: Headers): Promise<Sent>;
  /** An Events API event_callback around `inner`. */
  event(inner: Record<string, unknown>): Promise<Sent>;
  /** An interactivity payload (block_actions, view_submission), signed unless `headers` say otherwise. */
  interaction(payload: Record<string, unknown>, headers?: Headers): Promise<Sent>;
  /** `/ar <text>` typed by the Slack user `user` in CHANNEL; `responsePath` is where arbot answers on the stub. */
  slashCommand(user: string, text: string): { sent: Promise<Sent>; responsePath: string };
  /** A click on the button `actionId` of `message` as Slack shows it now. */
  click(user: User, message: StubMessage, actionId: string): Record<string, unknown>;
  /** A view_submission of the modal arbot opened last, with these input values. */
  submit(user: User, values: Record<string, Record<string, unknown>>): Record<string, unknown>;
  /** Opens a review task the way the pipeline does, optionally with a draft, or with Ana and Ben away so nobody is assigned. */
  openTask(opts?: { draft?: boolean; unassigned?: boolean }): Promise<Task>;
  /** The task's Slack message in CHANNEL as shown now. */
  cardOf(task: Pick<Task, 'id'>): StubMessage;
  close(): Promise<void>;
}

/** Starts the world; call close() after. */
export async function startSlackWorld(options: SlackWorldOptions = {}): Promise<SlackWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'arbot-slack-e2e-'));
  let storage: StorageHandle | undefined;
  let stub: SlackApiStub | undefined;
  let http: HttpServerHandle | undefined;
  const close = async () => {
    await http?.close();
    await stub?.stop();
    await storage?.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot_slack_e2e', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 't' });
    stub = await new SlackApiStub({ tokens: [TOKEN], channels: [CHANNEL, ...(options.channels ?? [])] }).start();
    const config = configFixture({
      tenant: { id: 't' },
      company: { name: 'Northwind Supply Co.', arMailbox: 'ar@northwind.example' },
      server: { publicUrl: 'https://arbot.northwind.example' },
      slack: { botToken: TOKEN, signingSecret: SIGNING_SECRET, apiUrl: stub.apiUrl },
    });
    const stored = createRepositories(storage.db, 't');
    const now = new Date();
    await importSnapshot(stored, sorSnapshotFixture(), now);
    const ana = await stored.users.create({ displayName: 'Ana Lima', email: 'ana@northwind.example', identities: { slackUserId: 'U0ANA' }, roles: ['Analyst'] }, now);
    const ben = await stored.users.create({ displayName: 'Ben Okafor', email: 'ben@northwind.example', identities: { slackUserId: 'U0BEN' }, roles: ['Analyst'] }, now);
    const maria = await stored.users.create({ displayName: 'Maria Manager', email: 'maria@northwind.example', identities: { slackUserId: 'U0MARIA' }, roles: ['Manager'] }, now);
    await stored.teams.create({ name: 'Collections', members: [ana.id, ben.id], channels: { slack: { channelId: CHANNEL } }, managers: [maria.id] }, now);
    const repos = options.wrapRepos ? options.wrapRepos(stored) : stored;
    const desk = await createReviewDesk({ config, db: storage.db, repos, logger: silent, cwd: dir });
    const platform = await slackPlatform({ config, desk, logger: silent });
    if (platform === null) throw new Error('Slack should be configured');
    desk.channels.register(platform.channel);
    http = await listen(createHttpApp({ db: storage.db, storage: storage.kind, version: 'test', logger: silent, mounts: [(app) => platform.mount(app)] }), '127.0.0.1', 0);
    return world({ stub, desk, ana, ben, maria, dir, url: http.url, close });
  } catch (e) {
    await close();
    throw e;
  }
}

/** The buttons in the actions blocks of a message as Slack shows it. */
export function buttonsOf(message: StubMessage): { action_id: string; value?: string }[] {
  return (message.blocks as { type: string; elements?: { type: string; action_id: string; value?: string }[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'button');
}

function world(w: { stub: SlackApiStub; desk: ReviewDesk; ana: User; ben: User; maria: User; dir: string; url: string; close: () => Promise<void> }): SlackWorld {
  const { stub, desk } = w;
  let events = 0;
  let emails = 0;
  let commands = 0;

  const send = (body: string, contentType: string, headers: Headers = {}): Promise<Sent> => postSignedToSlack(`${w.url}/slack/events`, SIGNING_SECRET, body, contentType, headers);

  return {
    stub,
    desk,
    ana: w.ana,
    ben: w.ben,
    maria: w.maria,
    dir: w.dir,
    get emailsOpened() {
      return emails;
    },
    send,
    close: w.close,
    event: (inner) =>
      send(
        JSON.stringify({
          token: 'legacy-verification-token',
          team_id: TEAM_ID,
          api_app_id: 'A0ARBOT',
          event: inner,
          type: 'event_callback',
          event_id: `Ev${Date.now()}${(events += 1)}`,
          event_time: Math.floor(Date.now() / 1000),
          authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
        }),
        'application/json',
      ),
    interaction: (payload, headers) => send(`payload=${encodeURIComponent(JSON.stringify(payload))}`, 'application/x-www-form-urlencoded', headers),
    slashCommand: (user, text) => {
      const id = `cmd-${(commands += 1)}`;
      const body = slashCommandBody({ teamId: TEAM_ID, channelId: CHANNEL, channelName: 'collections', userId: user, text, responseUrl: stub.responseUrl(id), triggerId: `${Date.now()}.1.${id}` });
      return { sent: send(body, 'application/x-www-form-urlencoded'), responsePath: `/respond/${id}` };
    },
    click: (user, message, actionId) => {
      const button = buttonsOf(message).find((b) => b.action_id === actionId);
      if (!button) throw new Error(`no ${actionId} button on the message (has ${buttonsOf(message).map((b) => b.action_id).join(', ')})`);
      const slackId = user.identities.slackUserId ?? 'U0NOBODY';
      return {
        type: 'block_actions',
        user: { id: slackId, username: slackId.toLowerCase(), name: slackId.toLowerCase(), team_id: TEAM_ID },
        api_app_id: 'A0ARBOT',
        token: 'legacy-verification-token',
        container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
        trigger_id: `${Date.now()}.1.trigger-${actionId}`,
        team: { id: TEAM_ID, domain: 'northwind' },
        channel: { id: message.channel, name: 'collections' },
        message: { type: 'message', ts: message.ts, text: message.text, blocks: message.blocks },
        response_url: stub.responseUrl(`action-${message.ts}`),
        actions: [{ type: 'button', action_id: actionId, block_id: 'task.actions', value: button.value, text: { type: 'plain_text', text: 'x' }, action_ts: String(Date.now() / 1000) }],
      };
    },
    submit: (user, values) => {
      const opened = stub.callsOf('views.open').at(-1);
      if (!opened) throw new Error('no modal was opened');
      const view = JSON.parse(String(opened.args.view)) as Record<string, unknown>;
      return {
        type: 'view_submission',
        team: { id: TEAM_ID, domain: 'northwind' },
        user: { id: user.identities.slackUserId, username: 'x', name: 'x', team_id: TEAM_ID },
        api_app_id: 'A0ARBOT',
        token: 'legacy-verification-token',
        trigger_id: `${Date.now()}.1.submit`,
        view: { id: 'V0MODAL', team_id: TEAM_ID, type: 'modal', ...view, state: { values }, hash: '1.abc', root_view_id: 'V0MODAL', app_id: 'A0ARBOT', bot_id: 'B0BOT' },
        response_urls: [],
      };
    },
    openTask: async (opts = {}) => {
      emails += 1;
      return openJaneReviewTask(desk, emails, { ...(opts.draft ? { draftText: 'Hello Jane, INV-204518 is attached.' } : {}), away: opts.unassigned ? [w.ana, w.ben] : [] });
    },
    cardOf: (task) => {
      const message = stub.channelMessages(CHANNEL).find((m) => m.metadata?.event_payload.task_id === task.id);
      if (!message) throw new Error(`task ${task.id} has no message in ${CHANNEL}`);
      return message;
    },
  };
}
