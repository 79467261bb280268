// The labelled training corpus: training/<language>.jsonl, one example a line,
// {"text": "...", "intents": ["..."]} with an optional "subject".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { INTENTS, type Intent } from '../../../../core/pipeline/intents.js';
import { MODEL_LANGUAGES, type KnownLanguage } from '../text/language-guess.js';

/** One labelled example. */
export interface CorpusExample {
  language: KnownLanguage;
  subject: string;
  text: string;
  intents: Intent[];
  /** "fr.jsonl:12", for error messages and reports. */
  source: string;
}

/** The folder holding the corpus files. */
export const CORPUS_DIR = fileURLToPath(new URL('.', import.meta.url));

const line = z.strictObject({
  subject: z.string().optional(),
  text: z.string().min(1),
  intents: z.array(z.enum(INTENTS)).min(1),
});

/** Parses one corpus file's content; throws with the file and line on a bad example. */
export function parseCorpusFile(name: string, content: string, language: KnownLanguage): CorpusExample[] {
  const out: CorpusExample[] = [];
  content.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    const source = `${name}:${i + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (err) {
      throw new Error(`${source}: not JSON (${(err as Error).message})`);
    }
    const result = line.safeParse(parsed);
    if (!result.success) throw new Error(`${source}: ${result.error.message}`);
    const { subject = '', text, intents } = result.data;
    out.push({ language, subject, text, intents: [...new Set(intents)].sort(), source });
  });
  return out;
}

/** Reads every <language>.jsonl of the corpus folder, in file-name order. */
export function readCorpus(dir: string = CORPUS_DIR): CorpusExample[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  return files.flatMap((file) => {
    const language = file.replace(/\.jsonl$/, '');
    if (!(MODEL_LANGUAGES as readonly string[]).includes(language)) throw new Error(`${file}: not named after a language (${MODEL_LANGUAGES.join(', ')})`);
    return parseCorpusFile(file, readFileSync(join(dir, file), 'utf8'), language as KnownLanguage);
  });
}
