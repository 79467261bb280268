// The activities arbot sends to Teams, as plain data: a message carrying one Adaptive Card,
// and a text message whose "@Name" mentions become Teams <at> mentions with their entities.
// Pure functions; the SDK's Activity is made from them at the edge.
import type { ChatText, ChatUserRef } from '../../../bot/ports/chat-channel.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../../cards/teams/index.js';

/** A Teams mention entity (the same shape in text messages and in cards' msteams.entities). */
export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** The JSON of an outgoing message activity. */
export interface MessageActivityData {
  type: 'message';
  text?: string;
  textFormat?: 'markdown' | 'plain' | 'xml';
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
  entities?: MentionEntity[];
}

/** A message with one Adaptive Card; `summary` is what notifications and the activity feed show. */
export function cardMessage(card: object, summary?: string): MessageActivityData {
  return { type: 'message', ...(summary ? { summary } : {}), attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] };
}

/**
 * A text message: every person in `mentions` who has an id here (`idOf`) and whose "@Name"
 * appears in the text is written `<at>Name</at>` with a mention entity; the others stay as
 * written. Names are replaced longest first, so "@Ana Lima" wins over "@Ana".
 */
export function textMessage(message: ChatText, idOf: (user: ChatUserRef) => string | undefined): MessageActivityData {
  let text = message.text;
  const entities: MentionEntity[] = [];
  const people = [...(message.mentions ?? [])].sort((a, b) => b.displayName.length - a.displayName.length);
  for (const person of people) {
    const id = idOf(person);
    const name = mentionName(person.displayName);
    const written = `@${person.displayName}`;
    if (id === undefined || name === '' || !text.includes(written)) continue;
    const tag = `<at>${name}</at>`;
    text = text.split(written).join(tag);
    if (!entities.some((e) => e.mentioned.id === id)) entities.push({ type: 'mention', text: tag, mentioned: { id, name } });
  }
  return { type: 'message', text, textFormat: 'markdown', ...(entities.length > 0 ? { entities } : {}) };
}

/** A display name as it may appear between <at> tags. */
export function mentionName(displayName: string): string {
  return displayName.replace(/[<>]/g, '').trim();
}

/** The text of an incoming message without the bot's @mention (and other <at> tags of it), trimmed. */
export function stripBotMention(text: string, botName: string | undefined): string {
  // Markup other than mentions first (Teams may wrap a channel message in <p>, <div> …).
  let out = text.replace(/<(?!\/?at\b)[^>]*>/gi, ' ').replace(/&nbsp;/g, ' ');
  if (botName) out = out.split(`<at>${botName}</at>`).join(' ');
  // A channel message reaches the bot only when it is @mentioned; in the text it comes first.
  out = out.replace(/^\s*<at>[^<]*<\/at>/i, ' ');
  // Other people's mentions keep their names ("role <at>Ana Lima</at> Manager" → "role Ana Lima Manager").
  return out.replace(/<\/?at>/gi, ' ').replace(/\s+/g, ' ').trim();
}
