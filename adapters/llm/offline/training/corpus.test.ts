import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../../../core/pipeline/intents.js';
import { MODEL_LANGUAGES } from '../text/language-guess.js';
import { parseCorpusFile, readCorpus } from './corpus.js';

describe('training corpus', () => {
  const corpus = readCorpus();

  it('has a file per language and at least 40 examples per intent', () => {
    expect(new Set(corpus.map((e) => e.language))).toEqual(new Set(MODEL_LANGUAGES));
    for (const intent of INTENTS) expect(corpus.filter((e) => e.intents.includes(intent)).length).toBeGreaterThanOrEqual(40);
  });

  it('has multi-intent examples in every language', () => {
    for (const language of MODEL_LANGUAGES) expect(corpus.some((e) => e.language === language && e.intents.length > 1)).toBe(true);
  });

  it('holds no duplicate texts', () => {
    const texts = corpus.map((e) => e.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('names the file and line of a bad example', () => {
    expect(() => parseCorpusFile('en.jsonl', '{"text": "hi", "intents": ["other"]}\n{"text": "x", "intents": ["refund"]}', 'en')).toThrow(/en\.jsonl:2/);
    expect(() => parseCorpusFile('en.jsonl', 'not json', 'en')).toThrow(/en\.jsonl:1: not JSON/);
    expect(() => parseCorpusFile('en.jsonl', '{"text": "x", "intents": ["other"], "lang": "en"}', 'en')).toThrow(/en\.jsonl:1/);
  });

  it('sorts and de-duplicates the labels of an example', () => {
    const [ex] = parseCorpusFile('fr.jsonl', '{"subject": "S", "text": "t", "intents": ["invoice_copy", "balance_statement", "invoice_copy"]}', 'fr');
    expect(ex).toMatchObject({ language: 'fr', subject: 'S', intents: ['balance_statement', 'invoice_copy'], source: 'fr.jsonl:1' });
  });
});
