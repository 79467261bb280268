// Plain text for Slack: the three control characters escaped, and each "@Display Name" of a
// ChatText written as Slack's mention `<@U…>` when the person has a Slack id (people without
// one stay plain text).
import { platformUserId, type ChatText } from '../../../bot/ports/chat-channel.js';
import { SLACK } from './slack-errors.js';

/** Escapes &, < and > as Slack's mrkdwn and plain text require. Pure. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The message's text for Slack, and the Slack ids it mentions. Pure. */
export function slackText(message: ChatText): { text: string; mentioned: string[] } {
  let text = escapeSlack(message.text);
  const mentioned: string[] = [];
  // Longest names first, so "@Ana Lima" is not cut short by a mention of "@Ana".
  const people = [...(message.mentions ?? [])].sort((a, b) => b.displayName.length - a.displayName.length);
  for (const person of people) {
    const id = platformUserId(person, SLACK);
    if (id === undefined) continue;
    const written = `@${escapeSlack(person.displayName)}`;
    if (text.includes(written)) {
      text = text.split(written).join(`<@${id}>`);
      if (!mentioned.includes(id)) mentioned.push(id);
    }
  }
  return { text, mentioned };
}

/** The user ids mentioned (`<@U…>` or `<@U…|name>`) anywhere in a message's text or blocks. Pure. */
export function mentionedIds(content: unknown): string[] {
  const json = typeof content === 'string' ? content : JSON.stringify(content ?? '');
  return [...new Set([...json.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1] as string))];
}
