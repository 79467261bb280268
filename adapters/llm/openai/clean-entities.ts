// The model proposes references; these checks keep only ones that can be real: trimmed, short,
// de-duplicated, a bounded number of them, dates that exist, currencies that look like ISO codes.
// Whether a reference belongs to the sender is decided later, against the system of record.
import type { Entities, MoneyAmount } from '../../../core/pipeline/understanding.js';
import type { IntentProposal } from './intent-proposal.schema.js';

const MAX_ITEMS = 50;
const MAX_REFERENCE_CHARS = 100;

/** Turns the model's proposed entities into the pipeline's Entities, dropping what cannot be real. */
export function cleanEntities(proposed: IntentProposal['entities']): Entities {
  return {
    invoiceNumbers: cleanReferences(proposed.invoiceNumbers),
    poNumbers: cleanReferences(proposed.poNumbers),
    accountNumbers: cleanReferences(proposed.accountNumbers),
    amounts: firstUnique(proposed.amounts.flatMap(cleanAmount), (a) => `${a.value}|${a.currency ?? ''}|${a.raw}`),
    dates: firstUnique(proposed.dates.flatMap(cleanDate), (d) => `${d.iso}|${d.raw}`),
    paymentReferences: cleanReferences(proposed.paymentReferences),
  };
}

function cleanReferences(values: readonly string[]): string[] {
  return firstUnique(values.map((v) => v.trim()).filter(isShortText), (v) => v);
}

function cleanAmount(amount: IntentProposal['entities']['amounts'][number]): MoneyAmount[] {
  const raw = amount.raw.trim();
  if (!Number.isFinite(amount.value) || !isShortText(raw)) return [];
  const currency = amount.currency?.trim().toUpperCase();
  return [{ value: amount.value, ...(currency && /^[A-Z]{3}$/.test(currency) ? { currency } : {}), raw }];
}

function cleanDate(date: IntentProposal['entities']['dates'][number]): Array<{ iso: string; raw: string }> {
  const iso = date.iso.trim();
  const raw = date.raw.trim();
  return isCalendarDate(iso) && isShortText(raw) ? [{ iso, raw }] : [];
}

function isShortText(value: string): boolean {
  return value.length > 0 && value.length <= MAX_REFERENCE_CHARS;
}

/** yyyy-mm-dd naming a day that exists (no 2026-02-30). */
export function isCalendarDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function firstUnique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    result.push(item);
    if (result.length === MAX_ITEMS) break;
  }
  return result;
}
