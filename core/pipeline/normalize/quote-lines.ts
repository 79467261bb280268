// Lines quoted with ">" (bottom-posting, inline replies): taken out of the body, with the
// attribution line right above them, wherever they are. Unquoted lines between quotes stay,
// since that is where inline answers are written.
import { LOOSE_ATTRIBUTION, attributionLength } from './history-patterns.js';
import { joinLines } from './text-cleanup.js';

export interface QuoteSplit {
  body: string;
  /** Each quoted run, with its ">" markers removed. */
  quoted: string[];
}

const QUOTED = /^\s*>/;

/** Separates ">"-quoted runs (and their attribution lines) from the rest of the text. */
export function stripQuotedLines(text: string): QuoteSplit {
  const lines = text.split('\n');
  const keep: string[] = [];
  const quoted: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!QUOTED.test(lines[i] ?? '')) {
      keep.push(lines[i] ?? '');
      i++;
      continue;
    }
    const run: string[] = [];
    // A run continues over blank lines as long as more quoted lines follow.
    while (i < lines.length && (QUOTED.test(lines[i] ?? '') || ((lines[i] ?? '').trim() === '' && QUOTED.test(lines[nextNonBlank(lines, i)] ?? '')))) {
      run.push((lines[i] ?? '').replace(/^\s*(?:>\s?)+/, ''));
      i++;
    }
    const attribution = takeAttribution(keep);
    quoted.push(joinLines([...attribution, ...run]));
  }
  return { body: joinLines(keep), quoted: quoted.filter((q) => q !== '') };
}

// Removes and returns the attribution ("On … wrote:") directly above a quoted run, if any.
function takeAttribution(keep: string[]): string[] {
  let end = keep.length;
  while (end > 0 && (keep[end - 1] ?? '').trim() === '') end--;
  for (let n = 1; n <= 3 && end - n >= 0; n++) {
    const start = end - n;
    const candidate = keep.slice(start, end);
    if (attributionLength(candidate, 0) === n || (n === 1 && LOOSE_ATTRIBUTION.test((candidate[0] ?? '').trim()))) {
      keep.splice(start);
      return candidate;
    }
  }
  return [];
}

function nextNonBlank(lines: readonly string[], from: number): number {
  let j = from;
  while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
  return j;
}
