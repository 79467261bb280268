// Text prepared for scanning: look-alike characters folded one-for-one (so offsets still point
// into the original text), and a record of which spans earlier finders already claimed.

/** Characters folded before scanning, each to a single ASCII character. */
const FOLD: Readonly<Record<string, string>> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-', '\uFE63': '-', '\uFF0D': '-',
  '\u00A0': ' ', '\u2007': ' ', '\u2009': ' ', '\u200A': ' ', '\u202F': ' ', '\u2002': ' ', '\u2003': ' ',
  '\uFF03': '#', '\u2116': '#',
  '\u2018': "'", '\u2019': "'", '\u02BC': "'",
};

/** The same text with dashes, special spaces and number signs folded; same length as the input. */
export function foldForScan(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212\uFE63\uFF0D\u00A0\u2007\u2009\u200A\u202F\u2002\u2003\uFF03\u2116\u2018\u2019\u02BC]/g, (c) => FOLD[c] ?? c);
}

/** Half-open [start, end) ranges of the text that finders have taken; disjoint, kept sorted for binary search. */
export class ClaimedSpans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Index of the first span ending after `pos`. */
  private firstEndingAfter(pos: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ends[mid] ?? 0) > pos) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Whether [start, end) overlaps any claimed span. */
  overlaps(start: number, end: number): boolean {
    const i = this.firstEndingAfter(start);
    return i < this.starts.length && (this.starts[i] ?? Infinity) < end;
  }

  /** Claims [start, end); a range overlapping an earlier claim is merged with it. */
  claim(start: number, end: number): void {
    if (end <= start) return;
    const i = this.firstEndingAfter(start);
    let s = start;
    let e = end;
    let count = 0;
    while (i + count < this.starts.length && (this.starts[i + count] ?? Infinity) <= e) {
      s = Math.min(s, this.starts[i + count] ?? s);
      e = Math.max(e, this.ends[i + count] ?? e);
      count++;
    }
    this.starts.splice(i, count, s);
    this.ends.splice(i, count, e);
  }
}

/** One thing found in the text: where, and what the finder made of it. */
export interface Found<T> {
  start: number;
  end: number;
  value: T;
}

/** Every match of a global regex, with its index. */
export function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  const g = re.global ? re : new RegExp(re.source, `${re.flags}g`);
  g.lastIndex = 0;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    yield m;
    if (m[0].length === 0) g.lastIndex++;
  }
}

/** Number of ASCII digits in s. */
export function digitCount(s: string): number {
  return s.replace(/\D/g, '').length;
}
