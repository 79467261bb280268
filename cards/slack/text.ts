// Text helpers of the Slack builders: mrkdwn escaping, truncation that never breaks a link,
// mention or entity, bounded lists, dates Slack shows in each reader's time zone, money.
import type { MrkdwnElement, PlainTextElement } from '@slack/types';
import { platformUserId, type ChatUserRef } from '../../bot/ports/chat-channel.js';

/**
 * Outside text made safe for mrkdwn: Slack reads `<…>` as links and mentions (an email saying
 * "<!channel>" would ping everyone) and `&` as the start of an entity.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** At most `max` characters, the last being "…" when cut; never splits a surrogate pair. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${safeCut(text, max - 1).trimEnd()}…`;
}

/**
 * Mrkdwn of at most `max` characters. When cut, it ends "…" plus `more` (e.g. a link to the full
 * text), and the cut backs off so no `<link|label>`, mention or `&amp;` entity is split.
 */
export function truncateMrkdwn(text: string, max: number, more = ''): string {
  if (text.length <= max) return text;
  // A suffix that would not leave room for some text is dropped rather than shown alone.
  const suffix = more.length + 1 <= max / 2 ? more : '';
  let cut = safeCut(text, max - 1 - suffix.length);
  const open = cut.lastIndexOf('<');
  if (open > cut.lastIndexOf('>')) cut = cut.slice(0, open);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && amp > cut.lastIndexOf(';') && cut.length - amp <= 6) cut = cut.slice(0, amp);
  return `${cut.trimEnd()}…${suffix}`;
}

/**
 * Lines joined by newlines within `max` characters: whole lines only, then `moreLine(n)` for the
 * `n` left out. A first line longer than `max` on its own is truncated.
 */
export function boundedLines(lines: readonly string[], max: number, moreLine: (left: number) => string): string {
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const sep = out.length > 0 ? 1 : 0;
    const after = lines.length - i - 1;
    // Room is kept for the "n more" line that would follow if the next line did not fit.
    const reserve = after > 0 ? 1 + moreLine(after).length : 0;
    if (used + sep + line.length + reserve <= max) {
      out.push(line);
      used += sep + line.length;
      continue;
    }
    if (out.length > 0) {
      out.push(moreLine(lines.length - i));
    } else {
      const more = after > 0 ? moreLine(after) : '';
      out.push(truncateMrkdwn(line, more === '' ? max : max - 1 - more.length));
      if (more !== '') out.push(more);
    }
    break;
  }
  return out.join('\n');
}

/** `<url|label>`: the url with the characters that would end the link percent-encoded. */
export function mrkdwnLink(url: string, label: string): string {
  const safe = url.replace(/[|<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `<${safe}|${escapeMrkdwn(label)}>`;
}

/** "<@U123>" when the person has a Slack id (Slack shows and notifies them), else their escaped name. */
export function mentionOf(user: ChatUserRef): string {
  const id = platformUserId(user, 'slack');
  // A stored id that is not a Slack member id would inject markup; show the name instead.
  return id !== undefined && /^[UW][A-Z0-9]{2,}$/.test(id) ? `<@${id}>` : escapeMrkdwn(user.displayName);
}

/** Slack's date token: shown in each reader's time zone, with a UTC fallback for old clients. */
export function slackDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return escapeMrkdwn(iso);
  const fallback = `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} {time}|${fallback}>`;
}

/** A calendar day ("2026-11-20") from an ISO date or timestamp. */
export function isoDay(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso;
}

/** "$12,450.00" for known-looking currency codes, else "12,450.00 XYZ". */
export function formatMoney(money: { amount: number; currency: string }): string {
  // Intl throws on malformed codes; checking the shape first needs no try/catch.
  if (/^[A-Z]{3}$/.test(money.currency)) {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: money.currency }).format(money.amount);
  }
  return `${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(money.amount)} ${money.currency}`;
}

/** "1 invoice" / "3 invoices". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Each line of `text` quoted with ">" (text already escaped). */
export function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

export function plain(text: string, max: number): PlainTextElement {
  return { type: 'plain_text', text: truncatePlain(nonEmpty(text), max), emoji: true };
}

export function mrkdwn(text: string, max: number): MrkdwnElement {
  return { type: 'mrkdwn', text: truncateMrkdwn(nonEmpty(text), max) };
}

/** Slack refuses empty text objects. */
function nonEmpty(text: string): string {
  return text.trim() === '' ? '-' : text;
}

function safeCut(text: string, length: number): string {
  const cut = text.slice(0, Math.max(0, length));
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
