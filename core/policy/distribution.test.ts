import { describe, expect, it } from 'vitest';
import {
  distributionPolicySchema,
  nextInRotation,
  parseDistributionPolicy,
  routeTask,
  type DistributionPolicy,
  type DistributionRule,
  type RuleConditions,
  type TaskFacts,
} from './distribution.js';

const facts = (overrides: Partial<TaskFacts> = {}): TaskFacts => ({
  intents: ['payment_status'],
  customerSorId: 'C1',
  customerOwner: 'Owner@Northwind.example',
  language: 'en',
  amount: 500,
  ...overrides,
});
const toTeam = (name: string, when: RuleConditions, teamId = name): DistributionRule => ({ name, when, assignTo: { kind: 'team', teamId } });
const ruleFor = (f: TaskFacts, ...rules: DistributionRule[]) => routeTask(f, { rules })?.rule ?? null;

describe('routing a task by rules', () => {
  it('takes the first matching rule in order', () => {
    const policy: DistributionPolicy = {
      rules: [toTeam('disputes', { intents: ['dispute'] }), toTeam('english', { languages: ['en'] }), toTeam('all', {})],
    };
    expect(routeTask(facts({ intents: ['dispute'] }), policy)).toEqual({ target: { kind: 'team', teamId: 'disputes' }, rule: 'disputes' });
    expect(routeTask(facts(), policy)).toEqual({ target: { kind: 'team', teamId: 'english' }, rule: 'english' });
  });

  it('can send a task to a person', () => {
    const policy: DistributionPolicy = { rules: [{ name: 'key account', when: { customerSorIds: ['C1'] }, assignTo: { kind: 'user', userId: 'u1' } }] };
    expect(routeTask(facts(), policy)).toEqual({ target: { kind: 'user', userId: 'u1' }, rule: 'key account' });
  });

  it('matches an empty condition set for every task', () => {
    expect(ruleFor(facts({ intents: [], customerSorId: undefined, amount: undefined }), toTeam('all', {}))).toBe('all');
  });

  it('requires every present condition to hold', () => {
    const rule = toTeam('fr disputes', { intents: ['dispute'], languages: ['fr'] });
    expect(ruleFor(facts({ intents: ['dispute'], language: 'fr' }), rule)).toBe('fr disputes');
    expect(ruleFor(facts({ intents: ['dispute'], language: 'en' }), rule)).toBeNull();
    expect(ruleFor(facts({ intents: ['payment_status'], language: 'fr' }), rule)).toBeNull();
  });

  it('matches intents when any of the task intents is listed', () => {
    const rule = toTeam('d', { intents: ['dispute', 'remittance_advice'] });
    expect(ruleFor(facts({ intents: ['payment_status', 'remittance_advice'] }), rule)).toBe('d');
    expect(ruleFor(facts({ intents: ['payment_status'] }), rule)).toBeNull();
    expect(ruleFor(facts({ intents: [] }), rule)).toBeNull();
  });

  it('matches customer ids exactly and never when the customer is unknown', () => {
    const rule = toTeam('c', { customerSorIds: ['C1'] });
    expect(ruleFor(facts({ customerSorId: 'C1' }), rule)).toBe('c');
    expect(ruleFor(facts({ customerSorId: 'c1' }), rule)).toBeNull();
    expect(ruleFor(facts({ customerSorId: undefined }), rule)).toBeNull();
  });

  it('compares customer owners case-insensitively and never matches an unknown owner', () => {
    const rule = toTeam('o', { customerOwners: ['owner@northwind.EXAMPLE'] });
    expect(ruleFor(facts({ customerOwner: 'OWNER@northwind.example' }), rule)).toBe('o');
    expect(ruleFor(facts({ customerOwner: 'someone@northwind.example' }), rule)).toBeNull();
    expect(ruleFor(facts({ customerOwner: undefined }), rule)).toBeNull();
  });

  it('compares languages exactly and never matches an unknown language', () => {
    const rule = toTeam('l', { languages: ['de'] });
    expect(ruleFor(facts({ language: 'de' }), rule)).toBe('l');
    expect(ruleFor(facts({ language: 'DE' }), rule)).toBeNull();
    expect(ruleFor(facts({ language: undefined }), rule)).toBeNull();
  });

  it('treats minAmount as inclusive and maxAmount as exclusive', () => {
    const rule = toTeam('band', { minAmount: 1000, maxAmount: 5000 });
    expect(ruleFor(facts({ amount: 1000 }), rule)).toBe('band');
    expect(ruleFor(facts({ amount: 4999.99 }), rule)).toBe('band');
    expect(ruleFor(facts({ amount: 999.99 }), rule)).toBeNull();
    expect(ruleFor(facts({ amount: 5000 }), rule)).toBeNull();
    expect(ruleFor(facts({ amount: 5000 }), toTeam('big', { minAmount: 5000 }))).toBe('big');
    expect(ruleFor(facts({ amount: 0 }), toTeam('small', { maxAmount: 1000 }))).toBe('small');
  });

  it('never matches an amount condition when the amount is unknown', () => {
    expect(ruleFor(facts({ amount: undefined }), toTeam('min', { minAmount: 0 }))).toBeNull();
    expect(ruleFor(facts({ amount: undefined }), toTeam('max', { maxAmount: 1_000_000 }))).toBeNull();
  });

  it('falls back when no rule matches, naming the rule "fallback"', () => {
    const policy: DistributionPolicy = { rules: [toTeam('disputes', { intents: ['dispute'] })], fallback: { kind: 'team', teamId: 'general' } };
    expect(routeTask(facts(), policy)).toEqual({ target: { kind: 'team', teamId: 'general' }, rule: 'fallback' });
  });

  it('returns null when no rule matches and there is no fallback', () => {
    expect(routeTask(facts(), { rules: [toTeam('disputes', { intents: ['dispute'] })] })).toBeNull();
    expect(routeTask(facts(), { rules: [] })).toBeNull();
  });
});

describe('round-robin rotation', () => {
  const members = ['a', 'b', 'c', 'd'];
  const everyone = () => true;

  it('starts at the first member when nobody was picked yet', () => {
    expect(nextInRotation(members, null, everyone)).toBe('a');
  });

  it('picks the member right after the last one, wrapping around', () => {
    expect(nextInRotation(members, 'b', everyone)).toBe('c');
    expect(nextInRotation(members, 'd', everyone)).toBe('a');
  });

  it('skips unavailable members', () => {
    const away = new Set(['c', 'd']);
    expect(nextInRotation(members, 'b', (u) => !away.has(u))).toBe('a');
  });

  it('can pick the last member again when only they are available', () => {
    expect(nextInRotation(members, 'b', (u) => u === 'b')).toBe('b');
  });

  it('restarts at the first member when the last one left the team', () => {
    expect(nextInRotation(members, 'zed', everyone)).toBe('a');
    expect(nextInRotation(members, 'zed', (u) => u !== 'a')).toBe('b');
  });

  it('returns null when nobody is available or the team is empty', () => {
    expect(nextInRotation(members, 'a', () => false)).toBeNull();
    expect(nextInRotation([], null, everyone)).toBeNull();
  });

  it('is deterministic: the same inputs always give the same member', () => {
    const picks = Array.from({ length: 5 }, () => nextInRotation(members, 'c', (u) => u !== 'd'));
    expect(new Set(picks)).toEqual(new Set(['a']));
  });

  it('goes round the whole team over successive picks', () => {
    const picks: string[] = [];
    let last: string | null = null;
    for (let i = 0; i < 5; i++) {
      last = nextInRotation(members, last, everyone);
      if (last) picks.push(last);
    }
    expect(picks).toEqual(['a', 'b', 'c', 'd', 'a']);
  });
});

describe('parsing a distribution policy', () => {
  const valid = {
    rules: [
      { name: 'disputes', when: { intents: ['dispute'], minAmount: 0, maxAmount: 10_000 }, assignTo: { kind: 'team', teamId: 't1' } },
      { name: 'key account', when: {}, assignTo: { kind: 'user', userId: 'u1' } },
    ],
    fallback: { kind: 'team', teamId: 'general' },
  };
  const problems = (value: unknown) => {
    try {
      parseDistributionPolicy(value);
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };

  it('accepts a valid policy, with or without a fallback', () => {
    expect(parseDistributionPolicy(valid)).toEqual(valid);
    expect(parseDistributionPolicy({ rules: [] })).toEqual({ rules: [] });
    expect(distributionPolicySchema.safeParse(valid).success).toBe(true);
  });

  it('accepts min equal to max', () => {
    expect(parseDistributionPolicy({ rules: [{ name: 'r', when: { minAmount: 5, maxAmount: 5 }, assignTo: { kind: 'team', teamId: 't' } }] }).rules).toHaveLength(1);
  });

  it('rejects an empty rule name', () => {
    expect(problems({ rules: [{ name: '  ', when: {}, assignTo: { kind: 'team', teamId: 't' } }] })).toContain('rules[0].name: the rule name must not be empty');
  });

  it('rejects the reserved name "fallback"', () => {
    expect(problems({ rules: [{ name: 'fallback', when: {}, assignTo: { kind: 'team', teamId: 't' } }] })).toContain('reserved');
  });

  it('rejects minAmount greater than maxAmount', () => {
    expect(problems({ rules: [{ name: 'r', when: { minAmount: 10, maxAmount: 5 }, assignTo: { kind: 'team', teamId: 't' } }] })).toContain(
      'rules[0].when.minAmount: minAmount must not be greater than maxAmount',
    );
  });

  it('rejects duplicate rule names', () => {
    const rule = { name: 'same', when: {}, assignTo: { kind: 'team', teamId: 't' } };
    expect(problems({ rules: [rule, rule] })).toContain('rules[1].name: rule name "same" is used more than once');
  });

  it('rejects a misspelt condition instead of ignoring it', () => {
    expect(problems({ rules: [{ name: 'r', when: { intent: ['dispute'] }, assignTo: { kind: 'team', teamId: 't' } }] })).toMatch(/rules\[0\]\.when.*intent/);
  });

  it('rejects an empty condition list and a blank target id', () => {
    expect(problems({ rules: [{ name: 'r', when: { languages: [] }, assignTo: { kind: 'team', teamId: 't' } }] })).toContain('list at least one language');
    expect(problems({ rules: [{ name: 'r', when: {}, assignTo: { kind: 'user', userId: '' } }] })).toContain('rules[0].assignTo.userId');
  });

  it('lists every problem in one plain message', () => {
    const message = problems({
      rules: [
        { name: '', when: { minAmount: 'lots' }, assignTo: { kind: 'robot' } },
      ],
      fallback: { kind: 'team' },
    });
    expect(message).toMatch(/^The distribution policy is invalid:\n/);
    expect(message).toContain('rules[0].name');
    expect(message).toContain('rules[0].when.minAmount');
    expect(message).toContain('rules[0].assignTo');
    expect(message).toContain('fallback');
  });

  it('rejects something that is not a policy at all', () => {
    expect(problems(null)).toContain('- policy:');
    expect(problems({})).toContain('- rules:');
  });
});
