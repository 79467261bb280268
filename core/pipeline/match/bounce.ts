// Delivery status notifications: which of our recipients a bounce is about. The failed
// recipient identifies the customer the bounced message was for.
import type { ParsedEmail } from '../parsed-email.js';
import { localPartOf } from './domains.js';

const DSN_CONTENT_TYPE = /multipart\/report\s*;[^]*report-type\s*=\s*"?delivery-status/i;
const BOUNCE_SUBJECT =
  /^(?:undeliverable|undelivered|delivery (?:status notification|failure|has failed)|returned mail|mail delivery failed|failure notice|non remis|non distribuable|unzustellbar|nicht zustellbar|no se puede entregar|no entregado|non recapitabile|mancato recapito|onbestelbaar|não entregue|mensagem não entregue)\b/i;
const DSN_PARTS = /^(?:message\/(?:global-)?delivery-status|text\/rfc822-headers|message\/rfc822|message\/global-headers)$/;

const RECIPIENT_FIELD = /^(?:final|original)-recipient:\s*rfc822\s*;\s*<?([^\s<>;]+@[^\s<>;]+?)>?\s*$/gim;
const X_FAILED = /^x-failed-recipients:\s*(.+)$/gim;
const ORIGINAL_TO = /^to:\s*(.+)$/gim;
const PROSE_RECIPIENT =
  /(?:message to|delivery to the following recipients? failed[^\n]*\n\s*|could not be delivered to|couldn't be delivered to|wasn't delivered to|konnte nicht zugestellt werden an|n'a pas pu être remis à|no se pudo entregar a)\s*<?([\w.+'-]+@[\w.-]+\.[a-z]{2,})>?/gi;
const ADDRESS = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Whether the email is a delivery failure report (multipart/report DSN, or a bounce from a mail system). */
export function isDeliveryFailure(parsed: ParsedEmail, systemSender: boolean): boolean {
  if (DSN_CONTENT_TYPE.test(parsed.headers.contentType)) return true;
  return systemSender && BOUNCE_SUBJECT.test(parsed.subject.trim());
}

function decode(bytes: Uint8Array | undefined): string {
  return bytes ? new TextDecoder('utf-8', { fatal: false }).decode(bytes) : '';
}

/**
 * The addresses a delivery failure report says could not be reached: Final-/Original-Recipient
 * and X-Failed-Recipients fields, the bounce text ("Your message to x couldn't be delivered"),
 * else the To of the returned message's headers. Our own addresses are never returned.
 */
export function bouncedRecipients(parsed: ParsedEmail, ownAddresses: readonly string[]): string[] {
  const own = new Set(ownAddresses.map((a) => a.toLowerCase()));
  const texts = [parsed.text, ...parsed.attachments.filter((a) => DSN_PARTS.test(a.contentType)).map((a) => decode(a.content))];
  const found = new Set<string>();
  const add = (a: string | undefined): void => {
    const address = a?.trim().replace(/^<|>$/g, '').toLowerCase();
    if (!address || own.has(address) || /^(?:postmaster|mailer-daemon)$/.test(localPartOf(address))) return;
    found.add(address);
  };
  for (const t of texts) {
    for (const m of t.matchAll(RECIPIENT_FIELD)) add(m[1]);
    for (const m of t.matchAll(X_FAILED)) for (const a of (m[1] ?? '').match(ADDRESS) ?? []) add(a);
    for (const m of t.matchAll(PROSE_RECIPIENT)) add(m[1]);
  }
  if (found.size === 0) {
    for (const t of texts) for (const m of t.matchAll(ORIGINAL_TO)) for (const a of (m[1] ?? '').match(ADDRESS) ?? []) add(a);
  }
  return [...found];
}
