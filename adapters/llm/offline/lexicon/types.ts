// Cue phrases of one language. Every pattern runs on folded text (see ../text/fold.ts): lower
// case, no accents, "ss" for "ß"; write them that way. Numbers, amounts, dates, e-mail addresses
// and references are already replaced by the placeholders of ../text/placeholders.ts.
import type { Intent } from '../../../../core/pipeline/intents.js';

/** Cues for one intent: strong ones are near-certain on their own, weak ones only hint. */
export interface IntentCues {
  strong: readonly RegExp[];
  weak: readonly RegExp[];
}

/** All cues of one language. */
export interface LanguageLexicon {
  intents: Partial<Record<Intent, IntentCues>>;
  /** Clauses that acknowledge something already received ("thanks for the statement"); blanked before intent cues run. */
  acknowledgements: readonly RegExp[];
  /** Markers of a request ("please", "could you", "pourriez-vous", "bitte" …). */
  requests: readonly RegExp[];
}
