// Email domains: the domain of an address, its parents, and its registrable part.

/** Second-level suffixes under which the registrable domain has three labels (acme.co.uk). */
const TWO_LEVEL_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'me.uk',
  'com.au', 'net.au', 'org.au', 'co.nz', 'org.nz', 'co.za', 'com.br', 'com.mx', 'com.ar', 'com.co', 'com.pe', 'com.cn',
  'co.jp', 'ne.jp', 'or.jp', 'co.kr', 'co.in', 'com.sg', 'com.hk', 'com.tw', 'com.tr', 'co.il', 'com.pt', 'com.es', 'qc.ca',
]);

/** The lower-cased domain of an address ('' when there is none). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at === -1 ? '' : address.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
}

/** The lower-cased local part of an address. */
export function localPartOf(address: string): string {
  const at = address.lastIndexOf('@');
  return (at === -1 ? address : address.slice(0, at)).trim().toLowerCase();
}

/** "acme.co.uk" for "mail.eu.acme.co.uk": the part a company registers. */
export function registrableDomain(domain: string): string {
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  const keep = TWO_LEVEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** The public suffix of a domain ("co.uk", "com", "example"). */
export function publicSuffix(domain: string): string {
  const reg = registrableDomain(domain);
  return reg.split('.').slice(1).join('.');
}

/** The domain and each parent down to the registrable domain: a.b.acme.com → [a.b.acme.com, b.acme.com, acme.com]. */
export function domainAndParents(domain: string): string[] {
  const reg = registrableDomain(domain);
  const labels = domain.toLowerCase().split('.').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const d = labels.slice(i).join('.');
    out.push(d);
    if (d === reg) break;
  }
  return out;
}
