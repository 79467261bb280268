import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '../domain/task.js';
import { DEFAULT_SLA_POLICY, dueSlaSteps, parseSlaPolicy, priorityOf, slaFor, type SlaPolicy } from './sla.js';

const created = new Date('2026-11-20T09:00:00Z');
const at = (minutesAfterCreation: number) => new Date(created.getTime() + minutesAfterCreation * 60_000);
const policy = (overrides: Partial<SlaPolicy> = {}): SlaPolicy => ({ ...DEFAULT_SLA_POLICY, ...overrides });

describe('default SLA policy', () => {
  it('gives 24h by default, 8h for disputes, 4h when high priority, reminding an hour ahead', () => {
    expect(DEFAULT_SLA_POLICY).toEqual({
      targetMinutesByIntent: { dispute: 480 },
      defaultTargetMinutes: 1440,
      highPriorityTargetMinutes: 240,
      highPriorityIntents: ['dispute'],
      highPriorityAmount: 10_000,
      remindBeforeMinutes: 60,
    });
  });
});

describe('priority', () => {
  it('is high for a high-priority intent among the task intents', () => {
    expect(priorityOf({ intents: ['payment_status', 'dispute'] }, DEFAULT_SLA_POLICY)).toBe('high');
  });

  it('is high when the amount reaches the threshold (inclusive)', () => {
    expect(priorityOf({ intents: ['payment_status'], amount: 10_000 }, DEFAULT_SLA_POLICY)).toBe('high');
    expect(priorityOf({ intents: ['payment_status'], amount: 9_999.99 }, DEFAULT_SLA_POLICY)).toBe('normal');
  });

  it('is normal otherwise, including with no intents or an unknown amount', () => {
    expect(priorityOf({ intents: ['invoice_copy'] }, DEFAULT_SLA_POLICY)).toBe('normal');
    expect(priorityOf({ intents: [] }, DEFAULT_SLA_POLICY)).toBe('normal');
  });

  it('ignores the amount when the policy has no amount threshold', () => {
    expect(priorityOf({ intents: ['payment_status'], amount: 1_000_000 }, policy({ highPriorityAmount: null }))).toBe('normal');
  });
});

describe('due and reminder times', () => {
  it('uses the default target for an intent without its own', () => {
    expect(slaFor({ intents: ['invoice_copy'] }, created, DEFAULT_SLA_POLICY)).toEqual({ priority: 'normal', dueAt: at(1440), remindAt: at(1380) });
  });

  it('uses the default target for a task without intents', () => {
    expect(slaFor({ intents: [] }, created, DEFAULT_SLA_POLICY).dueAt).toEqual(at(1440));
  });

  it('takes the smallest target among the task intents', () => {
    const p = policy({ targetMinutesByIntent: { payment_status: 600, invoice_copy: 900 }, highPriorityIntents: [] });
    expect(slaFor({ intents: ['invoice_copy', 'payment_status'] }, created, p).dueAt).toEqual(at(600));
  });

  it('lets an intent have a longer target than the default', () => {
    const p = policy({ targetMinutesByIntent: { other: 2880 } });
    expect(slaFor({ intents: ['other'] }, created, p).dueAt).toEqual(at(2880));
    expect(slaFor({ intents: ['other', 'invoice_copy'] }, created, p).dueAt).toEqual(at(1440));
  });

  it('caps a high-priority task at the high-priority target', () => {
    expect(slaFor({ intents: ['dispute'] }, created, DEFAULT_SLA_POLICY)).toEqual({ priority: 'high', dueAt: at(240), remindAt: at(180) });
    expect(slaFor({ intents: ['payment_status'], amount: 50_000 }, created, DEFAULT_SLA_POLICY)).toEqual({ priority: 'high', dueAt: at(240), remindAt: at(180) });
  });

  it('keeps a shorter intent target even when the task is high priority', () => {
    const p = policy({ targetMinutesByIntent: { dispute: 120 } });
    expect(slaFor({ intents: ['dispute'] }, created, p).dueAt).toEqual(at(120));
  });

  it('never reminds before the task was created', () => {
    const p = policy({ targetMinutesByIntent: { dispute: 30 }, remindBeforeMinutes: 60 });
    expect(slaFor({ intents: ['dispute'] }, created, p)).toEqual({ priority: 'high', dueAt: at(30), remindAt: created });
  });
});

describe('SLA steps due now', () => {
  const open = (status: TaskStatus = 'assigned') => ({ status, dueAt: at(240), remindAt: at(180) });

  it('does nothing before the reminder time', () => {
    expect(dueSlaSteps(open(), at(179))).toEqual([]);
  });

  it('reminds from the reminder time until the due time', () => {
    expect(dueSlaSteps(open(), at(180))).toEqual(['remind']);
    expect(dueSlaSteps(open(), at(239))).toEqual(['remind']);
  });

  it('does not remind twice', () => {
    expect(dueSlaSteps({ ...open(), remindedAt: at(181) }, at(200))).toEqual([]);
  });

  it('escalates from the due time, and only once', () => {
    expect(dueSlaSteps({ ...open(), remindedAt: at(181) }, at(240))).toEqual(['escalate']);
    expect(dueSlaSteps({ ...open(), remindedAt: at(181), escalatedAt: at(241) }, at(300))).toEqual([]);
  });

  it('only escalates a task past due that was never reminded', () => {
    expect(dueSlaSteps(open(), at(500))).toEqual(['escalate']);
  });

  it('works for every open status', () => {
    for (const status of ['new', 'assigned', 'in_review', 'reprocessing'] as const) {
      expect(dueSlaSteps(open(status), at(300))).toEqual(['escalate']);
    }
  });

  it('ignores tasks that no longer need a person', () => {
    for (const status of ['approved', 'sent', 'closed_no_reply'] as const) {
      expect(dueSlaSteps(open(status), at(200))).toEqual([]);
      expect(dueSlaSteps(open(status), at(300))).toEqual([]);
    }
  });

  it('ignores tasks without a due time, and skips the reminder when there is no reminder time', () => {
    expect(dueSlaSteps({ status: 'new' }, at(10_000))).toEqual([]);
    expect(dueSlaSteps({ status: 'new', dueAt: at(240) }, at(200))).toEqual([]);
    expect(dueSlaSteps({ status: 'new', dueAt: at(240) }, at(240))).toEqual(['escalate']);
  });

  it('never reminds when the reminder time equals the due time (no lead)', () => {
    expect(dueSlaSteps({ status: 'new', dueAt: at(240), remindAt: at(240) }, at(239))).toEqual([]);
  });
});

describe('parsing an SLA policy', () => {
  const problems = (value: unknown) => {
    try {
      parseSlaPolicy(value);
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };

  it('accepts the default policy and a policy without an amount threshold', () => {
    expect(parseSlaPolicy(DEFAULT_SLA_POLICY)).toEqual(DEFAULT_SLA_POLICY);
    expect(parseSlaPolicy(policy({ highPriorityAmount: null })).highPriorityAmount).toBeNull();
  });

  it('accepts a zero reminder lead (no reminder)', () => {
    expect(parseSlaPolicy(policy({ remindBeforeMinutes: 0 })).remindBeforeMinutes).toBe(0);
  });

  it('rejects targets that are not positive whole minutes', () => {
    expect(problems(policy({ defaultTargetMinutes: 0 }))).toContain('defaultTargetMinutes: must be more than 0 minutes');
    expect(problems(policy({ highPriorityTargetMinutes: 1.5 }))).toContain('highPriorityTargetMinutes: must be a whole number of minutes');
    expect(problems(policy({ targetMinutesByIntent: { dispute: -5 } }))).toContain('targetMinutesByIntent.dispute: must be more than 0 minutes');
    expect(problems(policy({ remindBeforeMinutes: -1 }))).toContain('remindBeforeMinutes: must not be negative');
  });

  it('rejects a non-positive amount threshold', () => {
    expect(problems(policy({ highPriorityAmount: 0 }))).toContain('highPriorityAmount: must be more than 0, or null to ignore amounts');
  });

  it('lists every missing or unknown field in one plain message', () => {
    const message = problems({ defaultTargetMinutes: 60, remindBefore: 5 });
    expect(message).toMatch(/^The SLA policy is invalid:\n/);
    for (const field of ['targetMinutesByIntent', 'highPriorityTargetMinutes', 'highPriorityIntents', 'highPriorityAmount', 'remindBeforeMinutes', 'remindBefore']) {
      expect(message).toContain(field);
    }
    expect(problems('nope')).toContain('- policy:');
  });
});
