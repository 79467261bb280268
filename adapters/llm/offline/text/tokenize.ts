// Splits folded, placeholder-bearing text into words; elided articles ("l'avis", "d'une") split off.

const WORD = /#?[a-z0-9]+/g;

/** Words of folded text, in order; placeholders ("#ref") are kept whole. */
export function tokenize(folded: string): string[] {
  return folded.match(WORD) ?? [];
}
