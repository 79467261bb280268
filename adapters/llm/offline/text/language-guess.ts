// The pipeline detects the language; this is only the fallback for 'und' (very short or
// mixed texts), so the right stemmer still runs. Counting frequent function words is enough.
import type { Language } from '../../../../core/pipeline/intents.js';

/**
 * The languages the offline model reads: the pipeline's seven and Swedish. The pipeline never
 * reports Swedish (it picks the nearest of its seven), so readingLanguage() recognises it here,
 * where it matters for stemming and stopwords.
 */
export type KnownLanguage = Exclude<Language, 'und'> | 'sv';

/** Every language the offline model has a stemmer, stopwords and corpus file for. */
export const MODEL_LANGUAGES: readonly KnownLanguage[] = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt', 'sv'];

const FUNCTION_WORDS: Record<KnownLanguage, ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'please', 'you', 'we', 'our', 'your', 'of', 'for', 'is', 'thanks', 'could', 'can', 'with']),
  fr: new Set(['le', 'la', 'les', 'des', 'et', 'vous', 'nous', 'merci', 'pour', 'de', 'du', 'une', 'est', 'pourriez', 'notre', 'votre']),
  de: new Set(['der', 'die', 'das', 'und', 'sie', 'wir', 'bitte', 'ist', 'ein', 'eine', 'fur', 'mit', 'unsere', 'ihre', 'danke', 'nicht']),
  es: new Set(['el', 'la', 'los', 'las', 'y', 'por', 'favor', 'para', 'nuestra', 'nuestro', 'su', 'gracias', 'que', 'una', 'del', 'podrian']),
  it: new Set(['il', 'lo', 'gli', 'della', 'delle', 'e', 'per', 'vi', 'grazie', 'cortesemente', 'nostra', 'vostra', 'che', 'una', 'del', 'sono']),
  nl: new Set(['de', 'het', 'een', 'en', 'van', 'wij', 'we', 'jullie', 'u', 'graag', 'bedankt', 'voor', 'onze', 'uw', 'niet', 'kunnen']),
  pt: new Set(['o', 'os', 'as', 'da', 'do', 'das', 'dos', 'e', 'por', 'favor', 'obrigado', 'obrigada', 'nossa', 'vossa', 'uma', 'voces', 'poderiam']),
  // Only words no other of the eight languages uses ("vi", "den", "er" would be Italian, German, Dutch).
  sv: new Set(['och', 'att', 'inte', 'pa', 'som', 'tack', 'hej', 'fran', 'ni', 'ert', 'era', 'vart', 'vara', 'jag', 'har', 'ska', 'skulle', 'halsning', 'mvh', 'fakturan', 'betalningen', 'nagon', 'nagot']),
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

/**
 * The language to read an email in: the pipeline's detection, unless the text has clearly more
 * Swedish function words than words of the detected language (the detector cannot say Swedish).
 */
export function readingLanguage(detected: Language | KnownLanguage, words: readonly string[]): KnownLanguage {
  if (detected === 'und') return guessLanguage(words);
  if (detected === 'sv') return 'sv';
  let swedish = 0;
  let own = 0;
  for (const w of words) {
    if (FUNCTION_WORDS.sv.has(w)) swedish++;
    if (FUNCTION_WORDS[detected].has(w)) own++;
  }
  return swedish >= 2 && swedish > own ? 'sv' : detected;
}
