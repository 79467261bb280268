// Pure helpers behind the figures: percentiles, aging and duration buckets, day keys.
// Aggregations compute the raw values; these turn them into what a panel shows, so the
// same rules can be checked by hand in tests.

const DAY_MS = 86_400_000;

/**
 * The p-th percentile (0–100) of already sorted values, by the nearest-rank method (the
 * smallest value with at least p% of the values at or below it); null for no values.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  if (p <= 0) return sorted[0] ?? null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1] ?? null;
}

/** Sorts numbers ascending without changing the input. */
export function sortedNumbers(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Aging buckets of open invoices by days past due, as on the statement PDF. */
export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** The aging bucket of an invoice `daysPastDue` days past its due date (0 or less: current). */
export function agingBucket(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return '1-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  return '90+';
}

/** Whole days from `due` to `now` (positive when past due), counting started days as in the aggregation. */
export function daysPastDue(due: Date, now: Date): number {
  return Math.floor((now.getTime() - due.getTime()) / DAY_MS);
}

/** Response-time buckets (upper bounds in minutes) for the distribution chart. */
export const DURATION_BUCKETS: ReadonlyArray<{ label: string; maxMinutes: number }> = [
  { label: '< 5 min', maxMinutes: 5 },
  { label: '5–60 min', maxMinutes: 60 },
  { label: '1–4 h', maxMinutes: 240 },
  { label: '4–24 h', maxMinutes: 1440 },
  { label: '1–3 days', maxMinutes: 4320 },
  { label: '> 3 days', maxMinutes: Number.POSITIVE_INFINITY },
];

/** The label of the duration bucket a number of minutes falls into. */
export function durationBucket(minutes: number): string {
  const bucket = DURATION_BUCKETS.find((b) => minutes < b.maxMinutes);
  return (bucket ?? DURATION_BUCKETS[DURATION_BUCKETS.length - 1])?.label ?? '';
}

/** Counts values per duration bucket, every bucket present (zero when empty), in order. */
export function durationHistogram(minutes: readonly number[]): Array<{ bucket: string; count: number }> {
  const counts = new Map(DURATION_BUCKETS.map((b) => [b.label, 0]));
  for (const m of minutes) {
    const label = durationBucket(m);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([bucket, count]) => ({ bucket, count }));
}

/** Confidence buckets 0.0–0.1 … 0.9–1.0: the bucket index of a confidence (1.0 goes in the last). */
export function confidenceBucket(confidence: number): number {
  return Math.min(9, Math.max(0, Math.floor(confidence * 10)));
}

/** Label of a confidence bucket index, e.g. 7 → "0.7–0.8". */
export function confidenceLabel(index: number): string {
  return `${(index / 10).toFixed(1)}–${((index + 1) / 10).toFixed(1)}`;
}

/** The UTC day of a date as yyyy-mm-dd (what `$dateToString` with '%Y-%m-%d' gives). */
export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Every UTC day from `from` (inclusive) to `to` (exclusive), as yyyy-mm-dd. */
export function daysBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()); t < to.getTime(); t += DAY_MS) {
    out.push(dayKey(new Date(t)));
  }
  return out;
}

/** Ratio as a fraction rounded to 4 places; null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
}

/** Minutes rounded to one decimal. */
export function roundMinutes(minutes: number | null): number | null {
  return minutes === null ? null : Math.round(minutes * 10) / 10;
}
