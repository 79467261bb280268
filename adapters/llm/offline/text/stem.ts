// One Porter stemmer per language, from natural (imported by path: see ../natural-modules.d.ts).
import en from 'natural/lib/natural/stemmers/porter_stemmer.js';
import de from 'natural/lib/natural/stemmers/porter_stemmer_de.js';
import es from 'natural/lib/natural/stemmers/porter_stemmer_es.js';
import fr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import it from 'natural/lib/natural/stemmers/porter_stemmer_it.js';
import nl from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import pt from 'natural/lib/natural/stemmers/porter_stemmer_pt.js';
import sv from 'natural/lib/natural/stemmers/porter_stemmer_sv.js';
import type { KnownLanguage } from './language-guess.js';

const STEMMERS: Record<KnownLanguage, { stem(word: string): string }> = { en, fr, de, es, it, nl, pt, sv };

/** Stems a lower-case word with its language's Porter stemmer. */
export function stem(word: string, language: KnownLanguage): string {
  return STEMMERS[language].stem(word);
}
