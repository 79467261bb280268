// Stage 2: the text that matters. newText is what the sender wrote in this message; quoted
// replies, forwarded content, the signature, legal footers and text hidden from the human
// reader are set apart, each in its own field. Never throws on a parsed message: a step that
// fails leaves a problem behind (and so sends the message to a person).
import type { NormalizedEmail } from '../normalized-email.js';
import type { ParsedEmail } from '../parsed-email.js';
import { ProblemList, errorMessage } from '../parse/problem-list.js';
import { attachmentTexts } from './attachment-text.js';
import { splitBody, unsplitBody, type BodyParts } from './body-parts.js';
import { detectLanguage, type LanguageGuess } from './language.js';

/** Normalizes a parsed message: new text, history, signature, hidden text, language, attachment text. */
export async function normalizeEmail(parsed: ParsedEmail): Promise<NormalizedEmail> {
  const problems = new ProblemList();
  problems.addAll(parsed.problems);

  let parts: BodyParts;
  try {
    parts = splitBody(parsed, problems);
  } catch (err) {
    problems.add(`body could not be split into new text, history and signature: ${errorMessage(err)}`);
    parts = unsplitBody(parsed);
  }

  let language: LanguageGuess;
  try {
    language = await detectLanguage(parts.newText, `${parsed.subject}\n${parts.fullText}`);
  } catch (err) {
    problems.add(`language detection failed: ${errorMessage(err)}`);
    language = { language: 'und', confidence: 0 };
  }

  return {
    ...parts,
    language: language.language,
    languageConfidence: language.confidence,
    attachments: await attachmentTexts(parsed.attachments),
    isReport: parsed.headers.contentType.startsWith('multipart/report'),
    problems: problems.toArray(),
  };
}
