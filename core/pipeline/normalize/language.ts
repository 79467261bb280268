// The language of what the sender wrote, for picking the reply template and the reader.
// eld (n-gram, restricted to the seven supported languages) does the detection; it beat
// tinyld on short AR sentences (69/70 vs 65/70 in our test set). Where it is unsure, AR
// vocabulary breaks the tie.
import { LANGUAGES, type Language } from '../intents.js';
import { vocabularyWinner } from './language-vocabulary.js';

export interface LanguageGuess {
  language: Language;
  /** 0 … 1: how far the winner is ahead of the runner-up and how much text there was. */
  confidence: number;
}

interface Detection {
  language: string;
  getScores(): Record<string, number>;
  isReliable(): boolean;
}

interface Detector {
  detect(text: string): Detection;
}

// Texts with fewer letters than this fall back to the subject and the whole body.
const MIN_LETTERS = 25;
const SAMPLE_CHARS = 2000;

let detector: Promise<Detector> | undefined;

// Loaded on first use: the n-gram table is ~2 MB and takes ~0.5 s to load.
function loadDetector(): Promise<Detector> {
  detector ??= import('eld/medium').then(
    ({ eld }) => {
      const instance = eld.newInstance();
      instance.setLanguageSubset([...LANGUAGES]);
      return instance;
    },
    (err: unknown) => {
      detector = undefined; // let the next message try again
      throw err;
    },
  );
  return detector;
}

/** Detects the language of `primary`, or of `fallback` when `primary` is too short to tell. */
export async function detectLanguage(primary: string, fallback: string): Promise<LanguageGuess> {
  let sample = prepare(primary);
  if (letterCount(sample) < MIN_LETTERS) sample = prepare(`${fallback}\n${primary}`);
  const letters = letterCount(sample);
  if (letters < 3) return { language: 'und', confidence: 0 };

  const detection = (await loadDetector()).detect(sample);
  const ranked = Object.entries(detection.getScores()).sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  const vocab = vocabularyWinner(sample);
  const margin = top === undefined ? 0 : (top[1] - (second?.[1] ?? 0)) / top[1];
  // Close relatives (es/pt, nl/de) stay only a few points apart even on long texts, so
  // length counts as evidence next to the margin; very short texts are capped either way.
  let confidence = Math.min(1, margin / 0.15 + letters / 300) * (0.5 + 0.5 * Math.min(1, letters / 60));
  if (!detection.isReliable()) confidence = Math.min(confidence, 0.5);
  let language = toLanguage(top?.[0]);

  if (vocab !== undefined && (language === 'und' || margin < 0.05 || !detection.isReliable())) {
    if (vocab.language !== language) confidence = Math.min(0.8, 0.3 + 0.1 * vocab.hits);
    language = vocab.language;
  } else if (vocab?.language === language) {
    confidence = Math.min(1, confidence + 0.1);
  }
  return { language, confidence: language === 'und' ? 0 : Math.round(confidence * 100) / 100 };
}

// URLs, addresses and numbers say nothing about the language and confuse n-grams.
function prepare(text: string): string {
  return text
    .slice(0, SAMPLE_CHARS * 2)
    .replace(/https?:\/\/\S+|www\.\S+/gi, ' ')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
    .replace(/\p{L}*[-_.#]?\d[\p{L}\d\-/.,:_]*/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, SAMPLE_CHARS);
}

function letterCount(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

function toLanguage(code: string | undefined): Language {
  return LANGUAGES.find((l) => l === code) ?? 'und';
}
