// Authentication-Results (RFC 8601) and Received-SPF headers → SPF/DKIM/DMARC verdicts.
// Only one Authentication-Results header is trusted: the newest (top) one written by our own
// receiving host. Headers further down were added earlier in transit, possibly by the sender.
import type { AuthResults, AuthVerdict } from '../match-result.js';

/** One method result of an Authentication-Results header ("dkim=pass header.d=acme.example"). */
export interface AuthMethodResult {
  method: string;
  result: string;
  /** Properties such as "header.d", "header.from", "smtp.mailfrom", lower-cased keys. */
  props: Record<string, string>;
}

/** One parsed Authentication-Results header. */
export interface ParsedAuthResults {
  /** The host that wrote the header (authserv-id), lower-cased; '' when absent. */
  authservId: string;
  results: AuthMethodResult[];
}

const VERDICTS: ReadonlyMap<string, AuthVerdict> = new Map([
  ['pass', 'pass'], ['fail', 'fail'], ['hardfail', 'fail'], ['softfail', 'softfail'], ['neutral', 'neutral'],
  ['none', 'none'], ['temperror', 'temperror'], ['permerror', 'permerror'], ['policy', 'policy'],
  // Microsoft's implicit "best guess" is not a DMARC pass.
  ['bestguesspass', 'neutral'],
]);

/** Removes RFC 5322 comments, including nested ones: "pass (p=NONE (x))" → "pass ". */
function stripComments(s: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (const c of s) {
    if (c === '"' && depth === 0) quoted = !quoted;
    if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

/** Parses one Authentication-Results header value (unfolded). */
export function parseAuthenticationResults(header: string): ParsedAuthResults {
  const [first = '', ...rest] = stripComments(header).replace(/\s+/g, ' ').split(';');
  const idPart = first.trim();
  // A header without authserv-id starts straight with a result ("spf=pass …", as Microsoft writes it).
  const hasId = idPart !== '' && !/^[a-z-]+\s*=/i.test(idPart);
  const segments = hasId ? rest : [first, ...rest];
  const results: AuthMethodResult[] = [];
  for (const seg of segments) {
    const tokens = seg.trim().split(' ').filter(Boolean);
    const head = tokens.shift();
    const m = head ? /^([a-z0-9-]+)(?:\/[0-9]+)?=([a-z]+)$/i.exec(head) : null;
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const t of tokens) {
      const p = /^([a-z0-9-]+\.[a-z0-9-]+)=(.+)$/i.exec(t);
      if (p?.[1] && p[2]) props[p[1].toLowerCase()] = p[2].replace(/^"|"$/g, '');
    }
    results.push({ method: (m[1] ?? '').toLowerCase(), result: (m[2] ?? '').toLowerCase(), props });
  }
  return { authservId: hasId ? (idPart.split(' ')[0] ?? '').toLowerCase() : '', results };
}

/** The verdict of a Received-SPF header ("Pass (mailfrom) identity=…" → 'pass'). */
export function parseReceivedSpf(header: string): AuthVerdict | undefined {
  const word = /^\s*([a-z]+)/i.exec(header)?.[1]?.toLowerCase();
  return word ? VERDICTS.get(word) : undefined;
}

/** Whether `host` is, or is under, one of the trusted domains. */
function hostTrusted(host: string, trustedDomains: readonly string[]): boolean {
  return trustedDomains.some((d) => host === d || host.endsWith(`.${d}`));
}

export interface AuthInput {
  /** Authentication-Results headers, newest first. */
  authenticationResults: readonly string[];
  receivedSpf: readonly string[];
  /** Domains of our own receiving hosts (authserv-ids), e.g. the AR mailbox's domain. */
  trustedDomains: readonly string[];
}

/** The verdicts to trust, with evidence saying which header they came from. */
export function authResultsFrom(input: AuthInput): { auth: AuthResults; evidence: string[] } {
  const evidence: string[] = [];
  const parsed = input.authenticationResults.map(parseAuthenticationResults);
  let chosen = parsed.find((p) => p.authservId !== '' && hostTrusted(p.authservId, input.trustedDomains));
  if (chosen) {
    evidence.push(`authentication results from our own host ${chosen.authservId}`);
  } else if (parsed[0]) {
    // Our host did not stamp one it could be recognised by (e.g. no authserv-id): the newest
    // header is still the one added closest to us, never one the sender could place above it.
    chosen = parsed[0];
    evidence.push(`no Authentication-Results header from our own host; using the newest one${chosen.authservId ? ` (${chosen.authservId})` : ''}`);
  }
  const auth: AuthResults = {};
  if (chosen) {
    const of = (method: string): AuthMethodResult[] => chosen.results.filter((r) => r.method === method);
    const spf = of('spf')[0];
    if (spf) auth.spf = VERDICTS.get(spf.result) ?? 'neutral';
    const dkims = of('dkim');
    const passing = dkims.find((r) => r.result === 'pass');
    if (passing) {
      auth.dkim = 'pass';
      const d = passing.props['header.d'] ?? passing.props['header.i']?.replace(/^.*@/, '');
      if (d) auth.dkimDomain = d.toLowerCase();
    } else if (dkims[0]) {
      auth.dkim = VERDICTS.get(dkims[0].result) ?? 'neutral';
    }
    const dmarc = of('dmarc')[0];
    if (dmarc) {
      auth.dmarc = VERDICTS.get(dmarc.result) ?? 'neutral';
      const from = dmarc.props['header.from'];
      if (from) auth.dmarcFromDomain = from.toLowerCase();
    }
  }
  if (auth.spf === undefined && input.receivedSpf[0] !== undefined) {
    const spf = parseReceivedSpf(input.receivedSpf[0]);
    if (spf) {
      auth.spf = spf;
      evidence.push('SPF verdict from the Received-SPF header');
    }
  }
  const summary = (['spf', 'dkim', 'dmarc'] as const).filter((k) => auth[k] !== undefined).map((k) => `${k}=${auth[k]}`);
  if (summary.length > 0) evidence.push(`authentication: ${summary.join(', ')}`);
  return { auth, evidence };
}
