// Message-IDs are stored without angle brackets, the way thread matching compares them.
import { createHash } from 'node:crypto';

/** The ids in a Message-ID, In-Reply-To or References value, without brackets. */
export function messageIds(value: string): string[] {
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] ?? '').filter((id) => id !== '');
  if (bracketed.length > 0) return bracketed;
  // Some mailers omit the brackets; keep the bare tokens rather than lose the thread.
  return value
    .split(/[\s,]+/)
    .map((t) => t.replace(/^<|>$/g, ''))
    .filter((t) => t !== '');
}

/** A stable id for a message that has none: the same bytes always get the same id. */
export function synthesizedMessageId(raw: Uint8Array): string {
  return `${createHash('sha256').update(raw).digest('hex')}@arbot.invalid`;
}
