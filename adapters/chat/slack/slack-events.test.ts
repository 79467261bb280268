import { describe, expect, it } from 'vitest';
import { parseArCommand } from './slack-command.js';
import { answerIsPrivate, commandText, conversationMessage, type ConversationEvent } from './slack-events.js';

const BOT = 'U0BOT';
const mention = (over: Partial<ConversationEvent> = {}): ConversationEvent => ({ type: 'app_mention', user: 'U0ANA', channel: 'C0COLLECT', text: `<@${BOT}> customer acme`, ts: '1.000001', ...over });
const dm = (over: Partial<ConversationEvent> = {}): ConversationEvent => ({ type: 'message', channel_type: 'im', user: 'U0ANA', channel: 'D0ANA', text: 'customer acme', ts: '1.000002', ...over });

describe('which messages arbot answers', () => {
  it('a mention in a channel, with the command after the mention', () => {
    expect(conversationMessage(mention(), BOT)).toEqual({ user: 'U0ANA', channel: 'C0COLLECT', text: 'customer acme', ts: '1.000001', direct: false });
    expect(conversationMessage(mention({ thread_ts: '0.5' }), BOT)).toMatchObject({ threadTs: '0.5', direct: false });
  });

  it('a direct message', () => {
    expect(conversationMessage(dm(), BOT)).toEqual({ user: 'U0ANA', channel: 'D0ANA', text: 'customer acme', ts: '1.000002', direct: true });
  });

  it.each<[string, ConversationEvent]>([
    ['arbot itself', dm({ user: BOT })],
    ['a bot (bot_id)', dm({ bot_id: 'B0OTHER', user: 'U0OTHER' })],
    ['a bot_message', dm({ subtype: 'bot_message' })],
    ['an edit', dm({ subtype: 'message_changed' })],
    ['an edited message', dm({ edited: { user: 'U0ANA', ts: '2.0' } })],
    ['a deletion', dm({ subtype: 'message_deleted', user: undefined })],
    ['a join', dm({ subtype: 'channel_join' })],
    ['a message in a channel (mentions come as app_mention)', dm({ channel_type: 'channel', channel: 'C0COLLECT' })],
    ['a mention in a DM (its message.im is answered)', mention({ channel: 'D0ANA' })],
    ['a mention by a bot', mention({ bot_id: 'B0OTHER' })],
    ['a mention without a user', mention({ user: undefined })],
    ['arbot mentioning itself', mention({ user: BOT })],
  ])('not %s', (_what, event) => {
    expect(conversationMessage(event, BOT)).toBeNull();
  });
});

describe('the command in the text', () => {
  it.each([
    [`<@${BOT}> customer acme`, BOT, true, 'customer acme'],
    [`hey <@${BOT}|arbot>   invoice  inv 204518 `, BOT, true, 'invoice inv 204518'],
    [`stats <@${BOT}>`, BOT, true, 'stats'],
    [`<@${BOT}> away <@U0ANA|ana> on`, BOT, true, 'away <@U0ANA|ana> on'],
    [`<@${BOT}>`, BOT, true, ''],
    ['customer acme', BOT, false, 'customer acme'],
    [`<@${BOT}> tasks mine`, BOT, false, 'tasks mine'],
    // arbot's id unknown: the mention that an app_mention has is arbot's
    ['<@U0SOMEBOT> tasks mine', undefined, true, 'tasks mine'],
    ['<@U0ANA> tasks', undefined, false, '<@U0ANA> tasks'],
  ])('%j', (text, bot, isMention, expected) => {
    expect(commandText(text, bot, isMention)).toBe(expected);
  });
});

describe('who sees the answer in a channel', () => {
  it.each([
    ['customer acme', true],
    ['invoice INV-1', true],
    ['tasks', true],
    ['stats', true],
    ['whoami', true],
    ['help', false],
    ['', false],
    ['what is the weather', false],
  ])('%j → private: %s', (text, expected) => {
    expect(answerIsPrivate(parseArCommand(text))).toBe(expected);
  });
});
