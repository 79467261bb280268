// Text keys of the search index: accent-folded, lower-cased words, their padded trigrams, and
// compact account, email and domain keys. Pure, so the indexer and the query agree by construction.

/** Letters NFD does not decompose into a base letter plus marks. */
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
};

/** Lower-case, accents removed, ligatures spelled out: "Société Générale" → "societe generale". */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþıħ]/g, (c) => SPECIAL_FOLDS[c] ?? c);
}

/** The words of a name as the index keeps them: folded, split on anything not a letter or digit, "&" and "'" dropped. */
export function nameWords(text: string): string[] {
  return foldText(text)
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Trigrams of a word padded with ^ and $: "acme" → ^ac, acm, cme, me$ (a one-letter word gives ^a$). */
export function paddedTrigrams(word: string): string[] {
  const padded = `^${word}$`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

/** Letters and digits only, upper-cased: "100-2231" → "1002231", "acc 0042" → "ACC0042". */
export function compactKey(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, '').toUpperCase();
}

/** The address when the text is one email address, lower-cased. */
export function emailOf(text: string): string | undefined {
  const t = text.trim().replace(/^mailto:/i, '').replace(/^<|>$/g, '').toLowerCase();
  return /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(t) ? t : undefined;
}

/** The domain when the text is a domain ("acme.example", "@acme.example", "www.acme.example", a URL). */
export function domainOf(text: string): string | undefined {
  let t = text.trim().toLowerCase();
  t = t.replace(/^https?:\/\//, '').replace(/\/.*$/, '').replace(/^@/, '').replace(/^www\./, '');
  return /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(t) ? t : undefined;
}

/** Similarity of two folded strings in [0, 1]: 1 − edit distance / longer length. */
export function similarity(a: string, b: string, distance: (x: string, y: string) => number): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}

/**
 * Edit distance where swapping two neighbouring letters is one edit, as people count typos
 * ("Mulelr" for "Muller": 1, where Levenshtein says 2): the optimal string alignment distance.
 */
export function typoDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] as number) + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m] as number;
}

/** How many edits a typed word of this length may contain and still match (0 for very short words). */
export function typoBudget(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}
