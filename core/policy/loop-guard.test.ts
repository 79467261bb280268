import { describe, expect, it } from 'vitest';
import { checkLoopGuard, loopGuardLookbackMs, type LoopGuardInput, type RecentAutoReply } from './loop-guard.js';

const now = new Date('2026-11-20T12:00:00Z');
const hoursAgo = (h: number): Date => new Date(now.getTime() - h * 3_600_000);

function input(over: Partial<LoopGuardInput> = {}): LoopGuardInput {
  return {
    machineSent: undefined,
    sender: 'jane@acme.example',
    threadKey: 'thread-1@acme.example',
    recipients: ['jane@acme.example'],
    ownAddresses: ['ar@northwind.example'],
    recent: [],
    now,
    threadWindowHours: 24,
    maxPerRecipientPerDay: 5,
    ...over,
  };
}
const codeOf = (over: Partial<LoopGuardInput>) => {
  const verdict = checkLoopGuard(input(over));
  return verdict.allowed ? 'allowed' : verdict.code;
};
const reply = (threadKey: string, at: Date, recipients = ['jane@acme.example']): RecentAutoReply => ({ threadKey, recipients, at });

describe('loop guard', () => {
  it('allows a first reply to a person', () => {
    expect(checkLoopGuard(input())).toEqual({ allowed: true });
  });

  it('never answers machine-sent mail: auto-submitted, bounces, reports', () => {
    for (const reason of ['Auto-Submitted: auto-replied', 'null Return-Path (bounce)', 'delivery or read report (multipart/report)']) {
      const verdict = checkLoopGuard(input({ machineSent: reason }));
      expect(verdict).toEqual({ allowed: false, code: 'machine_sent', message: `machine-sent message: ${reason}` });
    }
  });

  it('never answers or writes to no-reply and other system addresses', () => {
    for (const sender of ['noreply@acme.example', 'No-Reply@acme.example', 'mailer-daemon@mx.acme.example', 'do-not-reply@acme.example', 'bounces+123@acme.example']) {
      expect(codeOf({ sender })).toBe('system_sender');
    }
    expect(codeOf({ recipients: ['jane@acme.example', 'postmaster@acme.example'] })).toBe('system_sender');
  });

  it('never replies to our own mailbox', () => {
    expect(codeOf({ recipients: ['AR@northwind.example'] })).toBe('own_address');
  });

  it('does not answer a thread answered automatically within the window, but does after it', () => {
    expect(codeOf({ recent: [reply('thread-1@acme.example', hoursAgo(23))] })).toBe('thread_recently_answered');
    expect(codeOf({ recent: [reply('thread-1@acme.example', hoursAgo(25))] })).toBe('allowed');
    expect(codeOf({ recent: [reply('thread-1@acme.example', hoursAgo(5))], threadWindowHours: 4 })).toBe('allowed');
    expect(codeOf({ recent: [reply('other-thread@acme.example', hoursAgo(1))] })).toBe('allowed');
  });

  it('caps automatic replies per recipient per 24 hours, case-insensitively', () => {
    const four = [1, 2, 3, 4].map((h) => reply(`t${h}`, hoursAgo(h), ['Jane@Acme.example']));
    expect(codeOf({ recent: four })).toBe('allowed');
    expect(codeOf({ recent: [...four, reply('t5', hoursAgo(5))] })).toBe('recipient_rate_cap');
    expect(codeOf({ recent: [...four, reply('t30', hoursAgo(30))] })).toBe('allowed');
    expect(codeOf({ recent: [...four, reply('t5', hoursAgo(5), ['bob@beta.example'])] })).toBe('allowed');
    expect(codeOf({ recent: [reply('t1', hoursAgo(1))], maxPerRecipientPerDay: 1 })).toBe('recipient_rate_cap');
  });

  it('counts a reply stamped slightly in the future (clock skew between workers)', () => {
    expect(codeOf({ recent: [reply('thread-1@acme.example', new Date(now.getTime() + 2000))] })).toBe('thread_recently_answered');
  });

  it('looks back at least one day, longer when the thread window is longer', () => {
    expect(loopGuardLookbackMs(4)).toBe(86_400_000);
    expect(loopGuardLookbackMs(48)).toBe(2 * 86_400_000);
  });
});
