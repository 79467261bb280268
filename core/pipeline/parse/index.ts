// Stage 1 entry point, and parse + normalize in one call for callers that need both.
import type { NormalizedEmail } from '../normalized-email.js';
import type { ParsedEmail } from '../parsed-email.js';
import { normalizeEmail } from '../normalize/normalize-email.js';
import { parseEmail, type ParseOptions } from './parse-email.js';

export { DEFAULT_MAX_ATTACHMENT_BYTES, parseEmail, type ParseOptions } from './parse-email.js';

/** Parses and normalizes a raw message; like both stages, never throws on bad input. */
export async function parseAndNormalize(raw: Uint8Array, opts?: ParseOptions): Promise<{ parsed: ParsedEmail; normalized: NormalizedEmail }> {
  const parsed = await parseEmail(raw, opts);
  return { parsed, normalized: await normalizeEmail(parsed) };
}
