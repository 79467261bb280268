// Cuts a body where the earlier conversation starts: everything below the first reply
// header, attribution, forward banner or HTML quote container is history. History under a
// forward is the forwarded message (e.g. a bank's payment confirmation) and is kept apart
// from quoted replies, which must never be answered again.
import {
  FORWARD_BANNER,
  ORIGINAL_MESSAGE_BANNER,
  SEPARATOR_LINE,
  attributionLength,
  isForwardSubject,
  isHeaderBlockStart,
} from './history-patterns.js';
import { HISTORY_SENTINEL, joinLines } from './text-cleanup.js';

export interface HistorySplit {
  /** What the sender wrote above the history. */
  body: string;
  /** The history, without banner and separator lines. */
  history?: string;
  kind?: 'quoted' | 'forwarded';
}

type Boundary = 'sentinel' | 'forward' | 'original' | 'header' | 'attribution';

/** Splits `text` at the first history boundary; `subject` tells a forward from a reply. */
export function splitHistory(text: string, subject: string): HistorySplit {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const boundary = boundaryAt(lines, i);
    if (boundary === undefined) continue;
    // Answers written between or below ">" quotes are new text: leave those to stripQuotedLines.
    if (boundary === 'attribution' && hasAnswerAfterQuote(lines, i + attributionLength(lines, i))) continue;
    // Outlook puts a rule of underscores above its header block: it belongs to the history.
    const start = boundary === 'header' && i > 0 && SEPARATOR_LINE.test((lines[i - 1] ?? '').trim()) ? i - 1 : i;
    const historyLines = dropBanners(lines.slice(start));
    const history = joinLines(historyLines);
    const body = joinLines(lines.slice(0, start));
    if (history === '') return { body };
    return { body, history, kind: isForwarded(boundary, lines.slice(start), subject) ? 'forwarded' : 'quoted' };
  }
  return { body: joinLines(lines) };
}

function boundaryAt(lines: readonly string[], i: number): Boundary | undefined {
  const t = (lines[i] ?? '').trim();
  if (t.includes(HISTORY_SENTINEL)) return 'sentinel';
  if (t.length > 200) return undefined;
  if (FORWARD_BANNER.test(t)) return 'forward';
  if (ORIGINAL_MESSAGE_BANNER.test(t)) return 'original';
  if (isHeaderBlockStart(lines, i)) return 'header';
  if (attributionLength(lines, i) > 0) return 'attribution';
  return undefined;
}

// A forward banner anywhere in the first lines of the history makes it a forward; so does a
// header block (Outlook writes the same block for replies and forwards) under a forward subject.
function isForwarded(boundary: Boundary, history: readonly string[], subject: string): boolean {
  const head = history
    .map((l) => l.replace(HISTORY_SENTINEL, '').trim())
    .filter((l) => l !== '')
    .slice(0, 3);
  if (head.some((l) => FORWARD_BANNER.test(l))) return true;
  if (boundary === 'attribution') return false;
  return isForwardSubject(subject);
}

function hasAnswerAfterQuote(lines: readonly string[], from: number): boolean {
  let quoted = false;
  for (let j = from; j < lines.length; j++) {
    const t = (lines[j] ?? '').trim();
    if (t === '') continue;
    if (t.startsWith('>')) quoted = true;
    else if (quoted) return true;
    else return false;
  }
  return false;
}

function dropBanners(lines: readonly string[]): string[] {
  let i = 0;
  while (i < lines.length) {
    const t = (lines[i] ?? '').replace(HISTORY_SENTINEL, '').trim();
    if (t === '' || SEPARATOR_LINE.test(t) || FORWARD_BANNER.test(t) || ORIGINAL_MESSAGE_BANNER.test(t)) i++;
    else break;
  }
  return lines.slice(i).map((l) => l.replace(HISTORY_SENTINEL, ''));
}
