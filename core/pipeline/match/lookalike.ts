// Lookalike domains: a sender domain built to pass for a known customer domain
// (acme-lndustrial vs acme-industrial, rnicrosoft vs microsoft, acme-billing, acme.co).
import { distance } from 'fastest-levenshtein';
import { domainAndParents, publicSuffix, registrableDomain } from './domains.js';

/** The customer domain the sender's domain imitates, and how. */
export interface Lookalike {
  domain: string;
  customerIds: string[];
  reason: string;
}

/** Cyrillic/Greek letters that render like Latin ones. */
const CONFUSABLE_LETTERS: Readonly<Record<string, string>> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ɡ: 'g', ο: 'o', α: 'a', ν: 'v', ρ: 'p', τ: 't', κ: 'k',
};

/** Folds characters a reader confuses into one form: rn→m, vv→w, 1/l/i/I→l, 0→o, 5→s, Cyrillic/Greek → Latin. */
export function skeleton(label: string): string {
  return [...label.normalize('NFKC').toLowerCase()]
    .map((c) => CONFUSABLE_LETTERS[c] ?? c)
    .join('')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/cl/g, 'd')
    .replace(/[1il|!]/g, 'l')
    .replace(/0/g, 'o')
    .replace(/5/g, 's');
}

/** The registrable domain without its public suffix: "acme-industrial" for "mail.acme-industrial.com". */
export function domainLabel(domain: string): string {
  const reg = registrableDomain(domain);
  const suffix = publicSuffix(domain);
  return suffix === '' ? reg : reg.slice(0, reg.length - suffix.length - 1);
}

/** Words impostors add to a real name ("acme-billing", "acmeinvoices", "secure-acme"). */
const EXTRA_WORDS = /^(?:[-.]?(?:billing|invoices?|invoicing|payments?|pay|ap|ar|accounts?|accounting|finance|financial|secure|support|mail|email|online|portal|group|corp|inc|llc|ltd|team|dept|services?|verify|update|info|hq|global|us|usa|ca|uk|eu|de|fr|es|it|nl|pt|mx)[-.]?)+$/;

/** How `candidate` imitates `known` (both registrable labels), or undefined if it does not. */
export function imitation(candidateDomain: string, knownDomain: string): string | undefined {
  const a = domainLabel(candidateDomain);
  const b = domainLabel(knownDomain);
  if (a === '' || b === '') return undefined;
  if (a === b) {
    return publicSuffix(candidateDomain) !== publicSuffix(knownDomain) ? `same name as ${knownDomain} under a different top-level domain` : undefined;
  }
  if (skeleton(a) === skeleton(b)) return `${candidateDomain} uses look-alike characters for ${knownDomain}`;
  if (a.replace(/-/g, '') === b.replace(/-/g, '')) return `${candidateDomain} adds or removes a hyphen from ${knownDomain}`;
  if (b.length >= 4) {
    const at = a.indexOf(b);
    if (at !== -1) {
      const extra = a.slice(0, at) + a.slice(at + b.length);
      if (EXTRA_WORDS.test(extra)) return `${candidateDomain} adds "${extra.replace(/^[-.]|[-.]$/g, '')}" to ${knownDomain}`;
    }
  }
  const d = distance(a, b);
  const maxDistance = b.length >= 10 ? 2 : b.length >= 5 ? 1 : 0;
  if (d >= 1 && d <= maxDistance) return `${candidateDomain} is ${d} character${d > 1 ? 's' : ''} away from ${knownDomain}`;
  return undefined;
}

/**
 * The known customer domain `domain` imitates, when `domain` is not itself known (nor a
 * subdomain of a known or own domain). Several imitated domains are merged into one answer.
 */
export function detectLookalike(
  domain: string,
  knownDomains: ReadonlyMap<string, readonly string[]>,
  ownDomains: readonly string[] = [],
): Lookalike | undefined {
  if (domain === '') return undefined;
  const selfAndParents = domainAndParents(domain);
  if (selfAndParents.some((d) => knownDomains.has(d) || ownDomains.includes(d))) return undefined;
  const hits: Array<{ domain: string; customerIds: readonly string[]; reason: string }> = [];
  for (const [known, customerIds] of knownDomains) {
    const reason = imitation(domain, known);
    if (reason) hits.push({ domain: known, customerIds, reason });
  }
  for (const own of ownDomains) {
    const reason = imitation(domain, own);
    if (reason) hits.push({ domain: own, customerIds: [], reason: `${reason} (our own domain)` });
  }
  const first = hits[0];
  if (!first) return undefined;
  return {
    domain: first.domain,
    customerIds: [...new Set(hits.flatMap((h) => h.customerIds))],
    reason: hits.map((h) => h.reason).join('; '),
  };
}
