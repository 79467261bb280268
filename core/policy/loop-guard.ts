// The loop guard: an automatic reply is never sent to mail written by a machine, to a
// system address, into a thread we already answered automatically a short while ago, or to
// a recipient who already got the day's share of automatic replies. Pure: the caller loads
// the recent automatic replies (from the outbox) and passes the settings and the clock.
import { isSystemAddress } from './machine-sent.js';

/** One automatic reply sent (or queued) earlier. */
export interface RecentAutoReply {
  threadKey: string;
  recipients: readonly string[];
  /** When it was sent, or queued if it is not sent yet. */
  at: Date;
}

export interface LoopGuardInput {
  /** Why the incoming email looks machine-sent (machineSentReason), if it does. */
  machineSent: string | undefined;
  /** The incoming email's sender address. */
  sender: string;
  /** The thread the reply would go into. */
  threadKey: string;
  /** Who the reply would go to (To and Cc). */
  recipients: readonly string[];
  /** Our own addresses: a reply to one of them would answer ourselves. */
  ownAddresses: readonly string[];
  recent: readonly RecentAutoReply[];
  now: Date;
  /** A thread answered automatically within this many hours is not answered automatically again. */
  threadWindowHours: number;
  /** Most automatic replies one recipient gets in 24 hours. */
  maxPerRecipientPerDay: number;
}

export type LoopGuardCode = 'machine_sent' | 'system_sender' | 'own_address' | 'thread_recently_answered' | 'recipient_rate_cap';

export type LoopVerdict = { allowed: true } | { allowed: false; code: LoopGuardCode; message: string };

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How far back `checkLoopGuard` looks, so the caller loads no more history than needed. */
export function loopGuardLookbackMs(threadWindowHours: number): number {
  return Math.max(threadWindowHours * HOUR_MS, DAY_MS);
}

/** Whether an automatic reply may go out; the first rule that blocks it is the reason. */
export function checkLoopGuard(input: LoopGuardInput): LoopVerdict {
  const block = (code: LoopGuardCode, message: string): LoopVerdict => ({ allowed: false, code, message });
  const norm = (a: string): string => a.trim().toLowerCase();
  if (input.machineSent !== undefined) return block('machine_sent', `machine-sent message: ${input.machineSent}`);
  if (isSystemAddress(input.sender)) return block('system_sender', `${norm(input.sender)} is a system address`);

  const recipients = [...new Set(input.recipients.map(norm))];
  const own = new Set(input.ownAddresses.map(norm));
  const ours = recipients.find((r) => own.has(r) || isSystemAddress(r));
  if (ours !== undefined) return block(own.has(ours) ? 'own_address' : 'system_sender', `the reply would go to ${ours}`);

  const now = input.now.getTime();
  const threadSince = now - input.threadWindowHours * HOUR_MS;
  const inThread = input.recent.find((r) => r.threadKey === input.threadKey && r.at.getTime() > threadSince);
  if (inThread) {
    return block('thread_recently_answered', `this thread was answered automatically at ${inThread.at.toISOString()} (window ${input.threadWindowHours} h)`);
  }

  const daySince = now - DAY_MS;
  for (const recipient of recipients) {
    const count = input.recent.filter((r) => r.at.getTime() > daySince && r.recipients.some((x) => norm(x) === recipient)).length;
    if (count >= input.maxPerRecipientPerDay) {
      return block('recipient_rate_cap', `${recipient} already got ${count} automatic replies in 24 h (cap ${input.maxPerRecipientPerDay})`);
    }
  }
  return { allowed: true };
}
