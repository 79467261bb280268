// Machine-sent mail (out-of-office, bounces, read receipts, automatic acknowledgements)
// is logged and never answered: answering it is how mail loops start.
import type { ParsedEmail } from '../pipeline/parsed-email.js';

const SYSTEM_LOCAL_PARTS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|donotreply|noreply-.*|bounces?(\+.*)?|auto-?reply|autoresponder)$/i;

/** Why a message was sent by a machine, or undefined when it looks human-written. */
export function machineSentReason(parsed: ParsedEmail): string | undefined {
  return machineHeaderReason(parsed) ?? (parsed.from && isSystemAddress(parsed.from.address) ? `system sender ${parsed.from.address}` : undefined);
}

/**
 * Why the message's own headers say a machine sent it (Auto-Submitted, a multipart/report,
 * Precedence: auto_reply, automatic-response headers, a null Return-Path), or undefined. Unlike a
 * no-reply sender address, which anyone can put on a phishing mail, these mark an automatic
 * reply, a bounce or a receipt.
 */
export function machineHeaderReason(parsed: ParsedEmail): string | undefined {
  const autoSubmitted = parsed.headers.autoSubmitted?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (parsed.headers.contentType.startsWith('multipart/report')) return 'delivery or read report (multipart/report)';
  const precedence = parsed.headers.precedence?.trim().toLowerCase();
  // Only auto_reply: bulk and list mail (newsletters, sales pitches) is written for people and goes to review.
  if (precedence === 'auto_reply') return `Precedence: ${precedence}`;
  if (parsed.headers.autoResponseHeaders.length > 0) return `automatic-response header (${parsed.headers.autoResponseHeaders.join(', ')})`;
  const returnPath = parsed.headers.returnPath?.trim();
  if (returnPath === '' || returnPath === '<>') return 'null Return-Path (bounce)';
  return undefined;
}

/** Whether an address belongs to a mail system rather than a person (no-reply, mailer-daemon, bounces …). */
export function isSystemAddress(address: string): boolean {
  return SYSTEM_LOCAL_PARTS.test(address.trim().split('@')[0] ?? '');
}

const THANKS = /\b(thanks?|thank you|thx|ty|cheers|much appreciated|merci|danke|dank|vielen dank|besten dank|herzlichen dank|gracias|grazie|bedankt|dank je|dank u|obrigad[oa]|perfect|perfecto|perfetto|parfait|perfeito|got it|received|well received|bien reçu|reçu|erhalten|angekommen|recibid[oa]|ricevut[oa]|ontvangen|recebid[oa])\b/iu;
const ASKS = /\?|\b(please|pls|could you|can you|would you|send|need|merci de|pouvez|pourriez|envoy|bitte|könnten|senden|schicken|por favor|podría|pueden|envi|per favore|potete|inviare|graag|kunt u|stuur|por gentileza|poderiam|envie)\b/iu;

/** A short note that only says thanks / received, with no request in it. */
export function isThanksOnly(newText: string): boolean {
  const text = newText.replace(/\s+/g, ' ').trim();
  if (text.length === 0 || text.length > 280) return false;
  return THANKS.test(text) && !ASKS.test(text);
}
