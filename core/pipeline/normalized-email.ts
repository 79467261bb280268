// Stage 2 output: the text that matters, separated from quoted history, signatures,
// footers and content hidden from the human reader.
import type { Language } from './intents.js';

export interface AttachmentText {
  filename?: string;
  contentType: string;
  /** Extracted text ('' when none could be extracted). */
  text: string;
  /** Why extraction failed (broken PDF, unsupported type …), if it did. */
  error?: string;
}

export interface NormalizedEmail {
  /** What the sender wrote in this message: no quoted replies, forwarded history, signature or legal footer. */
  newText: string;
  /** The whole visible body as text (HTML converted), for context. */
  fullText: string;
  /** Quoted earlier messages that were stripped (must never be answered again). */
  quotedText: string;
  /** Content of a message the sender forwarded (e.g. a bank's payment confirmation), if any. */
  forwardedText?: string;
  /** Signature block that was stripped. */
  signature?: string;
  /** Text present in the HTML but hidden from a human reader (display:none, zero-size or invisible text). */
  hiddenText: string;
  language: Language;
  languageConfidence: number;
  attachments: AttachmentText[];
  /** multipart/report (delivery status notification or read receipt). */
  isReport: boolean;
  problems: string[];
}
