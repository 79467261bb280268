// Customer enrollment: which customers automation may answer. A rule is all, none, or a
// conjunction of simple conditions on SoR fields ("currency=USD,status=active"); single
// customers are enrolled or removed on top of it by id.
import type { Customer } from '../domain/customer.js';

const FIELDS = ['sorId', 'accountNumber', 'name', 'currency', 'status', 'billingOwner', 'domain'] as const;
type Field = (typeof FIELDS)[number];
type Operator = '=' | '!=' | '^=' | '~';

export interface Condition {
  field: Field;
  op: Operator;
  value: string;
}

export type EnrollmentRule = { kind: 'all' } | { kind: 'none' } | { kind: 'where'; conditions: Condition[]; text: string };

export type EnrollableCustomer = Pick<Customer, 'sorId' | 'accountNumber' | 'name' | 'currency' | 'status' | 'billingOwner' | 'domains'>;

/**
 * Parses "all", "none" or comma-separated conditions `field op value` with op one of
 * = (equals), != (differs), ^= (starts with), ~ (contains); text comparisons ignore case.
 * Returns the reason when the text is not a rule.
 */
export function parseEnrollmentRule(text: string): EnrollmentRule | { error: string } {
  const trimmed = text.trim();
  if (/^all$/i.test(trimmed)) return { kind: 'all' };
  if (/^none$/i.test(trimmed) || trimmed === '') return { kind: 'none' };
  const conditions: Condition[] = [];
  for (const part of trimmed.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^([A-Za-z]+)\s*(!=|\^=|=|~)\s*(.*)$/.exec(part);
    const field = FIELDS.find((f) => f.toLowerCase() === m?.[1]?.toLowerCase());
    if (!m || field === undefined) return { error: `not a condition: ${JSON.stringify(part)} (fields: ${FIELDS.join(', ')}; operators: =, !=, ^=, ~)` };
    const value = (m[3] ?? '').trim();
    if (value === '') return { error: `no value in ${JSON.stringify(part)}` };
    conditions.push({ field, op: m[2] as Operator, value });
  }
  return { kind: 'where', conditions, text: conditions.map((c) => `${c.field}${c.op}${c.value}`).join(',') };
}

/** The rule as it is written back ("all", "none", "currency=USD,status=active"). */
export function describeRule(rule: EnrollmentRule): string {
  return rule.kind === 'where' ? rule.text : rule.kind;
}

function valuesOf(c: EnrollableCustomer, field: Field): string[] {
  if (field === 'domain') return c.domains;
  const v = c[field];
  return v === undefined ? [] : [v];
}

function test(actual: string, op: Operator, expected: string): boolean {
  const a = actual.toLowerCase();
  const e = expected.toLowerCase();
  if (op === '=') return a === e;
  if (op === '!=') return a !== e;
  if (op === '^=') return a.startsWith(e);
  return a.includes(e);
}

/** Whether the rule enrolls this customer. */
export function ruleEnrolls(rule: EnrollmentRule, customer: EnrollableCustomer): boolean {
  if (rule.kind !== 'where') return rule.kind === 'all';
  return rule.conditions.every((cond) => {
    const values = valuesOf(customer, cond.field);
    // "!=" holds when no value equals; the others when some value matches.
    return cond.op === '!=' ? values.every((v) => test(v, '!=', cond.value)) : values.some((v) => test(v, cond.op, cond.value));
  });
}
