// Dates as customers write them: ISO, numeric with the language deciding day/month order,
// month names in seven languages, and year-less forms ("Nov 16", "16 novembre", "10.11.")
// whose year comes from the email's own date.
import type { Language } from '../intents.js';
import { B, E, MONTHS, MONTH_WORDS } from './keywords.js';
import { matchesOf, type ClaimedSpans, type Found } from './scan-text.js';

export interface DateOptions {
  language: Language;
  /** When the email was written; needed for dates without a year. */
  referenceDate?: Date;
}

/** An ISO date with the text it came from. */
export interface FoundDate {
  iso: string;
  raw: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** yyyy-mm-dd when y/m/d is a real calendar date. */
export function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2199) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Two-digit years are 20xx. */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

/** The year that puts month/day closest to the reference date (a date is rarely > 9 months ahead). */
function inferYear(m: number, d: number, ref: Date): number {
  const y = ref.getUTCFullYear();
  const candidates = [y - 1, y, y + 1];
  let best = y;
  let bestDist = Infinity;
  for (const c of candidates) {
    const t = Date.UTC(c, m - 1, d);
    const dist = Math.abs(t - ref.getTime());
    if (dist < bestDist) {
      best = c;
      bestDist = dist;
    }
  }
  return best;
}

/** Day-first unless the language writes month first (English), with impossible orders swapped. */
function dayMonth(a: number, b: number, sep: string, language: Language): [number, number] | undefined {
  const monthFirst = sep === '/' && (language === 'en' || language === 'und');
  let [m, d] = monthFirst ? [a, b] : [b, a];
  if (m > 12 && d <= 12) [m, d] = [d, m];
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return [m, d];
}

// Not after a dot either, so IP addresses and version numbers are not read as dates.
const NB = '(?<![\\p{L}\\p{N}_.])';
const ISO = new RegExp(`${B}(\\d{4})-(\\d{2})-(\\d{2})${E}`, 'gu');
const NUMERIC = new RegExp(`${NB}(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\p{L}\\p{N}]|[./-]\\d)`, 'gu');
// "10.11." (German/Dutch day.month. without year) and "11/16" after a preposition.
const DOTTED_NO_YEAR = new RegExp(`${NB}(\\d{1,2})\\.(\\d{1,2})\\.(?![\\p{N}])`, 'gu');
const SLASH_NO_YEAR = new RegExp(
  `${B}(?:on|from|of|dated|due|since|until|by|le|du|au|del|al|dal|il|vom|am|bis|zum|op|van|em|de|el|desde|hasta)\\s+(\\d{1,2})([/-])(\\d{1,2})(?![\\p{N}/.-]|\\.\\d|")`,
  'giu',
);
// "16 novembre 2026", "1er décembre", "9 de novembro de 2026", "19. November 2026"
const DAY_MONTH = new RegExp(
  `${B}(\\d{1,2})(?:er|\\.|º|°)?\\s+(?:de\\s+)?(${MONTH_WORDS})(?:\\.?,?\\s+(?:de\\s+)?(\\d{4}))?${E}`,
  'giu',
);
// "Nov 16", "November 16, 2026", "Nov. 2nd"
const MONTH_DAY = new RegExp(`${B}(${MONTH_WORDS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\p{L}\\p{N}]|[.,]\\d|:)`, 'giu');

/** Finds dates not inside claimed spans; claims nothing itself. */
export function findDates(text: string, claimed: ClaimedSpans, opts: DateOptions): Array<Found<FoundDate>> {
  const out: Array<Found<FoundDate>> = [];
  const taken = (s: number, e: number): boolean => claimed.overlaps(s, e) || out.some((f) => s < f.end && f.start < e);
  const add = (start: number, end: number, iso: string | undefined): void => {
    if (iso === undefined || taken(start, end)) return;
    out.push({ start, end, value: { iso, raw: text.slice(start, end) } });
  };
  const withYear = (m: number, d: number, y: string | undefined): string | undefined => {
    if (y !== undefined) return isoDate(fullYear(y), m, d);
    if (opts.referenceDate === undefined) return undefined;
    return isoDate(inferYear(m, d, opts.referenceDate), m, d);
  };

  for (const m of matchesOf(ISO, text)) add(m.index, m.index + m[0].length, isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
  for (const m of matchesOf(NUMERIC, text)) {
    const dm = dayMonth(Number(m[1]), Number(m[3]), m[2] ?? '/', opts.language);
    if (dm) add(m.index, m.index + m[0].length, isoDate(fullYear(m[4] ?? ''), dm[0], dm[1]));
  }
  for (const m of matchesOf(DAY_MONTH, text)) {
    const month = MONTHS.get((m[2] ?? '').toLowerCase());
    if (month) add(m.index, m.index + m[0].length, withYear(month, Number(m[1]), m[3]));
  }
  for (const m of matchesOf(MONTH_DAY, text)) {
    const month = MONTHS.get((m[1] ?? '').toLowerCase());
    if (month) add(m.index, m.index + m[0].length, withYear(month, Number(m[2]), m[3]));
  }
  for (const m of matchesOf(DOTTED_NO_YEAR, text)) {
    const month = Number(m[2]);
    add(m.index, m.index + m[0].length, withYear(month, Number(m[1]), undefined));
  }
  for (const m of matchesOf(SLASH_NO_YEAR, text)) {
    const start = m.index + m[0].length - `${m[1]}${m[2]}${m[3]}`.length;
    const dm = dayMonth(Number(m[1]), Number(m[3]), m[2] === '/' ? '/' : '-', opts.language);
    if (dm) add(start, m.index + m[0].length, withYear(dm[0], dm[1], undefined));
  }
  return out.sort((a, b) => a.start - b.start);
}
