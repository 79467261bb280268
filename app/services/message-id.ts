// Our Message-IDs for outgoing replies: random, on the domain of the mailbox they are sent from.
import { randomUUID } from 'node:crypto';

/** A new RFC 5322 Message-ID (without angle brackets) for a message sent from `fromAddress`. */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.split('@')[1]?.trim().toLowerCase() || 'arbot.invalid';
  return `arbot.${randomUUID()}@${domain}`;
}
