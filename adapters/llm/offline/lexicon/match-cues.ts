// Runs the cue phrases of every language over a text. All languages run on every email: it costs
// little, and customers mix languages (a French email quoting an English subject line).
import { INTENTS, type Intent } from '../../../../core/pipeline/intents.js';
import { LEXICONS } from './index.js';

/** What the cue phrases found in one text. */
export interface CueHits {
  /** Distinct strong cues matched, per intent. */
  strong: Record<Intent, number>;
  /** Distinct weak cues matched, per intent. */
  weak: Record<Intent, number>;
  /** The text thanks for or acknowledges something already received. */
  acknowledgement: boolean;
  /** The text asks for something ("please", "could you", a question mark …). */
  request: boolean;
  /** The text with acknowledgement clauses blanked: what the classifier reads. */
  remainder: string;
}

function zeros(): Record<Intent, number> {
  return Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;
}

const ACKNOWLEDGEMENTS = LEXICONS.flatMap((lex) => lex.acknowledgements.map((p) => new RegExp(p.source, 'g')));

/** Removes acknowledgement clauses ("thanks for the copy of INV-1") so they do not count as requests. */
export function blankAcknowledgements(text: string): { text: string; found: boolean } {
  let out = text;
  let found = false;
  for (const pattern of ACKNOWLEDGEMENTS) {
    out = out.replace(pattern, () => {
      found = true;
      return ' ';
    });
  }
  return { text: out, found };
}

/** Where cues of one intent and strength matched: the same words matched by several languages count once. */
function countDistinct(patterns: readonly RegExp[], text: string): number {
  const starts = new Set<number>();
  for (const p of patterns) {
    const m = p.exec(text);
    if (m) starts.add(m.index);
  }
  return starts.size;
}

const CUES = INTENTS.map((intent) => ({
  intent,
  strong: LEXICONS.flatMap((lex) => lex.intents[intent]?.strong ?? []),
  weak: LEXICONS.flatMap((lex) => lex.intents[intent]?.weak ?? []),
}));
const REQUESTS = LEXICONS.flatMap((lex) => lex.requests);

/** Counts the cues of every intent in folded, placeholder-bearing text. */
export function matchCues(text: string): CueHits {
  const blanked = blankAcknowledgements(text);
  const hits: CueHits = {
    strong: zeros(),
    weak: zeros(),
    acknowledgement: blanked.found,
    request: blanked.text.includes('?') || REQUESTS.some((p) => p.test(blanked.text)),
    remainder: blanked.text,
  };
  for (const { intent, strong, weak } of CUES) {
    // A machine's "thank you for your message, we have received your invoice" is itself the cue.
    const source = intent === 'auto_reply' ? text : blanked.text;
    hits.strong[intent] = countDistinct(strong, source);
    hits.weak[intent] = countDistinct(weak, source);
  }
  return hits;
}
