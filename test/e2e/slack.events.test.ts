// @arbot mentions and direct messages over HTTP: signed app_mention and message.im events
// against the running server, answered through the Slack Web API stub like `/ar` is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER, CHANNEL, startSlackWorld, TOKEN, type SlackWorld } from '../support/slack-e2e.js';

const DM = 'D0ANADM';
const STRANGER_DM = 'D0STRANGER';

let w: SlackWorld;

beforeAll(async () => {
  w = await startSlackWorld({ channels: [DM, STRANGER_DM] });
});

afterAll(async () => {
  await w?.close();
});

let seq = 0;
/** A Slack message timestamp, unique in this run. */
const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String((seq += 1)).padStart(6, '0')}`;

const mention = (user: string, text: string, extra: Record<string, unknown> = {}) => {
  const ts = nextTs();
  return { ts, sent: w.event({ type: 'app_mention', user, text, ts, channel: CHANNEL, event_ts: ts, ...extra }) };
};

const dm = (user: string, channel: string, text: string, extra: Record<string, unknown> = {}) => {
  const ts = nextTs();
  return { ts, sent: w.event({ type: 'message', channel_type: 'im', user, text, ts, channel, event_ts: ts, ...extra }) };
};

const acked = async (sent: Promise<{ status: number; ms: number }>) => {
  const r = await sent;
  expect(r.status).toBe(200);
  expect(r.ms).toBeLessThan(3000);
};

const postsTo = (channel: string) => w.stub.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);
const blocksOf = (args: Record<string, unknown>) => String(args.blocks);

describe('@arbot in a channel', () => {
  it('customer lookup: answered only to the asker (ephemeral) in the thread of the mention, nothing public', async () => {
    const publicBefore = postsTo(CHANNEL).length;
    const { ts, sent } = mention('U0ANA', `<@${BOT_USER}> customer acme`);
    await acked(sent);
    const answer = await w.stub.waitFor(() => w.stub.callsOf('chat.postEphemeral').find((c) => c.args.thread_ts === ts), 5000, 'the ephemeral answer');
    expect(answer.args).toMatchObject({ channel: CHANNEL, user: 'U0ANA' });
    expect(blocksOf(answer.args)).toContain('Acme Industrial LLC');
    expect(answer.token).toBe(TOKEN);
    expect(postsTo(CHANNEL)).toHaveLength(publicBefore);
  });

  it('an invoice asked in a thread is answered in that thread, to the asker only', async () => {
    const parent = nextTs();
    const { sent } = mention('U0ANA', `hey <@${BOT_USER}|arbot> invoice inv 204518`, { thread_ts: parent });
    await acked(sent);
    const answer = await w.stub.waitFor(() => w.stub.callsOf('chat.postEphemeral').find((c) => c.args.thread_ts === parent), 5000, 'the answer in the thread');
    expect(answer.args.user).toBe('U0ANA');
    expect(blocksOf(answer.args)).toContain('INV-204518');
  });

  it('help and text arbot does not understand: the help, posted in the thread', async () => {
    const help = mention('U0BEN', `<@${BOT_USER}> help`);
    await acked(help.sent);
    const helpReply = await w.stub.waitFor(() => w.stub.threadReplies(CHANNEL, help.ts)[0], 5000, 'the help in the thread');
    expect(JSON.stringify(helpReply.blocks)).toContain('/ar invoice');

    const odd = mention('U0BEN', `<@${BOT_USER}> what is the weather`);
    await acked(odd.sent);
    const oddReply = await w.stub.waitFor(() => w.stub.threadReplies(CHANNEL, odd.ts)[0], 5000, 'the guidance in the thread');
    expect(oddReply.text).toContain('does not understand');
    expect(JSON.stringify(oddReply.blocks)).toContain('/ar customer');
  });

  it('tells a person arbot does not know that they are not registered, only to them', async () => {
    const { ts, sent } = mention('U0NOBODY', `<@${BOT_USER}> customer acme`);
    await acked(sent);
    const answer = await w.stub.waitFor(() => w.stub.callsOf('chat.postEphemeral').find((c) => c.args.thread_ts === ts), 5000, 'the answer');
    expect(answer.args.user).toBe('U0NOBODY');
    expect(String(answer.args.text)).toContain('not registered');
    expect(blocksOf(answer.args)).not.toContain('Acme Industrial');
    expect(w.stub.threadReplies(CHANNEL, ts)).toHaveLength(0);
  });
});

describe('direct messages to arbot', () => {
  it('answers `customer acme` in the DM', async () => {
    const { sent } = dm('U0ANA', DM, 'customer acme');
    await acked(sent);
    const answer = await w.stub.waitFor(() => postsTo(DM).find((c) => blocksOf(c.args).includes('Acme Industrial LLC')), 5000, 'the answer in the DM');
    expect(answer.args.thread_ts).toBeUndefined();
  });

  it('a mention of arbot in the DM is read as the command; a DM thread is answered in the thread', async () => {
    const parent = nextTs();
    const { sent } = dm('U0ANA', DM, `<@${BOT_USER}> stats`, { thread_ts: parent });
    await acked(sent);
    const answer = await w.stub.waitFor(() => postsTo(DM).find((c) => c.args.thread_ts === parent), 5000, 'the answer in the DM thread');
    expect(String(answer.args.text)).toMatch(/open tasks/);
  });

  it('unknown text gets the help; a stranger is told they are not registered', async () => {
    const before = postsTo(DM).length;
    await acked(dm('U0ANA', DM, 'hello there').sent);
    const help = await w.stub.waitFor(() => postsTo(DM).slice(before)[0], 5000, 'the help');
    expect(String(help.args.text)).toContain('does not understand');
    expect(blocksOf(help.args)).toContain('/ar invoice');

    await acked(dm('U0STRANGER', STRANGER_DM, 'tasks mine').sent);
    const refusal = await w.stub.waitFor(() => postsTo(STRANGER_DM)[0], 5000, 'the answer to the stranger');
    expect(String(refusal.args.text)).toContain('not registered');
  });

  it('never answers bots (itself included), edits, deletions or other subtypes', async () => {
    const before = w.stub.calls.length;
    const ignored = [
      // arbot's own answer in the DM, as Slack echoes it back
      dm(BOT_USER, DM, 'customer acme', { bot_id: 'B0BOT', app_id: 'A0ARBOT' }),
      // another app's message
      dm('U0OTHERBOT', DM, 'customer acme', { bot_id: 'B0OTHER' }),
      dm('U0ANA', DM, 'customer acme', { subtype: 'bot_message' }),
      dm('U0ANA', DM, 'customer acme', { subtype: 'message_changed', message: { user: 'U0ANA', text: 'customer acme' } }),
      dm('U0ANA', DM, 'customer acme', { subtype: 'message_deleted' }),
      dm('U0ANA', DM, 'customer acme', { edited: { user: 'U0ANA', ts: nextTs() } }),
      // a mention by a bot, and one of arbot by itself
      mention('U0OTHERBOT', `<@${BOT_USER}> customer acme`, { bot_id: 'B0OTHER' }),
      mention(BOT_USER, `<@${BOT_USER}> customer acme`),
      // a mention inside a DM is answered once, through its message.im event
      { sent: w.event({ type: 'app_mention', user: 'U0ANA', text: `<@${BOT_USER}> customer acme`, ts: nextTs(), channel: DM }) },
    ];
    for (const { sent } of ignored) await acked(sent);
    // Give a wrongly answered event the time to reach Slack before checking that none did.
    await new Promise((r) => setTimeout(r, 400));
    expect(w.stub.calls.slice(before).map((c) => c.method)).toEqual([]);

    // The same text from a person is answered: the events above were ignored for what they are.
    await acked(dm('U0ANA', DM, 'customer acme').sent);
    await w.stub.waitFor(() => w.stub.calls.slice(before).find((c) => c.method === 'chat.postMessage'), 5000, 'the answer');
  });
});
