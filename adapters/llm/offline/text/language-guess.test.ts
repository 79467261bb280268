import { describe, expect, it } from 'vitest';
import { readingLanguage } from './language-guess.js';
import { tokenize } from './tokenize.js';

describe('readingLanguage', () => {
  it('recognises Swedish, which the pipeline reports as a neighbouring language', () => {
    expect(readingLanguage('de', tokenize('hej, kan ni skicka en kopia pa fakturan? tack pa forhand'))).toBe('sv');
  });

  it('keeps the detected language otherwise, and guesses for und', () => {
    expect(readingLanguage('nl', tokenize('kunt u ons de factuur opnieuw sturen? bedankt voor uw hulp'))).toBe('nl');
    expect(readingLanguage('de', tokenize('bitte senden sie uns die rechnung und den kontoauszug'))).toBe('de');
    expect(readingLanguage('und', tokenize('merci de nous envoyer la facture pour notre dossier'))).toBe('fr');
  });
});
