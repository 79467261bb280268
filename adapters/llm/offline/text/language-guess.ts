// The pipeline detects the language; this is only the fallback for 'und' (very short or
// mixed texts), so the right stemmer still runs. Counting frequent function words is enough.
import type { Language } from '../../../../core/pipeline/intents.js';

export type KnownLanguage = Exclude<Language, 'und'>;

const FUNCTION_WORDS: Record<KnownLanguage, ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'please', 'you', 'we', 'our', 'your', 'of', 'for', 'is', 'thanks', 'could', 'can', 'with']),
  fr: new Set(['le', 'la', 'les', 'des', 'et', 'vous', 'nous', 'merci', 'pour', 'de', 'du', 'une', 'est', 'pourriez', 'notre', 'votre']),
  de: new Set(['der', 'die', 'das', 'und', 'sie', 'wir', 'bitte', 'ist', 'ein', 'eine', 'fur', 'mit', 'unsere', 'ihre', 'danke', 'nicht']),
  es: new Set(['el', 'la', 'los', 'las', 'y', 'por', 'favor', 'para', 'nuestra', 'nuestro', 'su', 'gracias', 'que', 'una', 'del', 'podrian']),
  it: new Set(['il', 'lo', 'gli', 'della', 'delle', 'e', 'per', 'vi', 'grazie', 'cortesemente', 'nostra', 'vostra', 'che', 'una', 'del', 'sono']),
  nl: new Set(['de', 'het', 'een', 'en', 'van', 'wij', 'we', 'jullie', 'u', 'graag', 'bedankt', 'voor', 'onze', 'uw', 'niet', 'kunnen']),
  pt: new Set(['o', 'os', 'as', 'da', 'do', 'das', 'dos', 'e', 'por', 'favor', 'obrigado', 'obrigada', 'nossa', 'vossa', 'uma', 'voces', 'poderiam']),
};

/** Guesses the language of folded text from function words; English when nothing matches. */
export function guessLanguage(words: readonly string[]): KnownLanguage {
  let best: KnownLanguage = 'en';
  let bestHits = 0;
  for (const [lang, set] of Object.entries(FUNCTION_WORDS) as Array<[KnownLanguage, ReadonlySet<string>]>) {
    let hits = 0;
    for (const w of words) if (set.has(w)) hits++;
    if (hits > bestHits) {
      best = lang;
      bestHits = hits;
    }
  }
  return best;
}
