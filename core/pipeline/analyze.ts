// The pipeline from a raw message to a decision: parse → normalize → understand → match → decide.
// Pure apart from the ports it is given (intent model, SoR lookup), so the same code runs in
// the mail jobs, the evaluation harness and the tests.
import { decide } from '../policy/decide.js';
import type { AutomationPolicy, Decision } from '../policy/decision.js';
import { extractEntities } from './entities/extract.js';
import { referenceText } from './entities/reference-text.js';
import type { RelaxedMatchingOptions } from './invoice-number.js';
import { matchEmail } from './match/match-email.js';
import type { MatchResult } from './match-result.js';
import type { NormalizedEmail } from './normalized-email.js';
import { normalizeEmail } from './normalize/normalize-email.js';
import { parseEmail } from './parse/parse-email.js';
import type { ParsedEmail } from './parsed-email.js';
import type { SorLookup } from './sor.js';
import type { Entities, IntentModel, Understanding } from './understanding.js';

export interface PipelineDeps {
  model: IntentModel;
  sor: SorLookup;
  policy: AutomationPolicy;
  /** Which relaxed invoice-number rules matching may use (all by default). */
  relaxedMatching?: Partial<RelaxedMatchingOptions>;
  /** Clock for timings; injected so tests are deterministic. */
  now?: () => number;
}

export interface EmailAnalysis {
  parsed: ParsedEmail;
  normalized: NormalizedEmail;
  understanding: Understanding;
  match: MatchResult;
  decision: Decision;
  /** Milliseconds per stage. */
  timings: Record<'parse' | 'normalize' | 'understand' | 'match' | 'decide', number>;
}

/** Runs every stage on one raw RFC 5322 message. Never throws on bad input (bad input becomes review reasons). */
export async function analyzeEmail(raw: Uint8Array, deps: PipelineDeps): Promise<EmailAnalysis> {
  const now = deps.now ?? (() => performance.now());
  let t = now();
  const lap = (): number => {
    const n = now();
    const d = n - t;
    t = n;
    return Math.round(d * 100) / 100;
  };
  const parsed = await parseEmail(raw);
  const parseMs = lap();
  const normalized = await normalizeEmail(parsed);
  const normalizeMs = lap();

  const supportingText = [normalized.forwardedText ?? '', ...normalized.attachments.map((a) => a.text)].filter(Boolean).join('\n\n');
  const modelOutput = await deps.model.understand({ subject: parsed.subject, text: normalized.newText, supportingText, language: normalized.language });
  // A reply's subject repeats the thread's references, not this message's: referenceText leaves it out.
  const patternEntities = extractEntities(referenceText({ subject: parsed.subject, newText: normalized.newText, supportingText }), {
    language: normalized.language,
    invoicePrefixes: await deps.sor.invoicePrefixes(),
    invoiceShapes: await deps.sor.invoiceShapes(),
    ...(parsed.date ? { referenceDate: parsed.date } : {}),
  });
  const understanding: Understanding = { ...modelOutput, entities: mergeEntities(patternEntities, modelOutput.entities) };
  const understandMs = lap();

  const match = await matchEmail({ parsed, entities: understanding.entities, ownAddresses: await deps.sor.ownAddresses() }, deps.sor, {
    ...(deps.relaxedMatching ? { relaxedMatching: deps.relaxedMatching } : {}),
  });
  const matchMs = lap();
  const decision = await decide({ parsed, normalized, understanding, match }, deps.policy, deps.sor);
  const decideMs = lap();
  return {
    parsed,
    normalized,
    understanding,
    match,
    decision,
    timings: { parse: parseMs, normalize: normalizeMs, understand: understandMs, match: matchMs, decide: decideMs },
  };
}

/** Pattern-extracted entities are always kept; a model may add references the patterns missed. */
export function mergeEntities(a: Entities, b: Entities): Entities {
  const uniq = <T>(xs: T[], key: (x: T) => string): T[] => {
    const seen = new Map<string, T>();
    for (const x of xs) if (!seen.has(key(x))) seen.set(key(x), x);
    return Array.from(seen.values());
  };
  const norm = (s: string) => s.trim().toUpperCase();
  return {
    invoiceNumbers: uniq([...a.invoiceNumbers, ...b.invoiceNumbers], norm),
    poNumbers: uniq([...a.poNumbers, ...b.poNumbers], norm),
    accountNumbers: uniq([...a.accountNumbers, ...b.accountNumbers], norm),
    amounts: uniq([...a.amounts, ...b.amounts], (x) => `${x.value}|${x.currency ?? ''}`),
    dates: uniq([...a.dates, ...b.dates], (x) => x.iso),
    paymentReferences: uniq([...a.paymentReferences, ...b.paymentReferences], norm),
  };
}
