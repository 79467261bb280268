// Which text of an email its references are taken from.

/** Reply prefixes in the languages the pipeline reads: Re, AW, SV, VS, Antw, R, RIF, RES, Réf … */
const REPLY_PREFIX = /^\s*(?:\[[^\]]*\]\s*)?(?:re|aw|sv|vs|antw|antwoord|antwort|r|rif|res|réf|ref|odp|ynt)\s*(?:\[\d+\])?\s*:/iu;

/** True when the subject is a reply's ("RE: Copy of INV-204665"). */
export function isReplySubject(subject: string): boolean {
  return REPLY_PREFIX.test(subject);
}

export interface ReferenceSources {
  subject: string;
  /** What the sender wrote in this message (quoted history removed). */
  newText: string;
  /** Attachments and forwarded content: they may carry references too. */
  supportingText?: string;
}

/**
 * The text to extract references from: the subject (unless it is a reply's: a reply's subject
 * repeats the thread's references, not this message's), the new text and supporting text.
 */
export function referenceText(src: ReferenceSources): string {
  const parts = [isReplySubject(src.subject) ? '' : src.subject, src.newText, src.supportingText ?? ''];
  return parts.filter((p) => p.trim() !== '').join('\n\n');
}
