// THE customer and invoice search: one service behind the Teams command and message extension,
// the Slack /ar command and the tab's search box. A query is read every way it can be at once —
// SoR id, account number (exact or partial), contact email, domain, invoice number (as typed,
// relaxed like the pipeline reads it, or by its last digit group), PO number, and customer name
// (accent-insensitive, word prefixes, typos) — and the hits are ranked together. Every hit is
// checked against the stored record, so a stale index entry never shows a wrong customer; an
// invoice the index lacks (written after it was built, not through a sync) is found by the
// invoice records' own keys when the index has nothing, and indexed then.
import { distance } from 'fastest-levenshtein';
import type { Customer } from '../../core/domain/customer.js';
import type { Invoice } from '../../core/domain/invoice.js';
import { alphanumericKey, invoiceNumberKey, invoiceSerialKey, poNumberKey } from '../../core/pipeline/invoice-number.js';
import type { Repositories, SearchIndexMeta, SearchPosting } from '../../storage/repositories/index.js';
import { compactKey, domainOf, emailOf, foldText, nameWords, paddedTrigrams, similarity, typoBudget, typoDistance } from './normalize.js';
import { KEY, parseInvoiceRef, parseNameRef } from './search-keys.js';
import { SearchIndexer } from './search-indexer.js';

export type SearchRepos = Pick<Repositories, 'customers' | 'contacts' | 'invoices' | 'searchIndex' | 'customerRecords'>;

/** Why a customer matched, strongest first in ranking. */
export type CustomerMatchKind = 'sor_id' | 'account_number' | 'contact_email' | 'domain' | 'invoice_number' | 'po_number' | 'account_partial' | 'name';

export interface CustomerHit {
  customer: Customer;
  /** 0–100; exact identifiers 95–100, invoices and domains 75–90, partial account 65–72, names 50–90. */
  score: number;
  matchedBy: CustomerMatchKind;
  /** What matched, for people ("name ~ “acme industrial”", "contact jane@acme.example"). */
  detail: string;
  /** The duplicate this hit was found under, when that customer was merged into this one. */
  foundAs?: string;
  /** Archived in arbot (the SoR status is on `customer.status`). */
  archived: boolean;
}

export interface InvoiceHit {
  invoice: Invoice;
  matchedBy: 'invoice_number' | 'po_number';
  /** The typed text was the number exactly as stored. */
  exact: boolean;
  /** Found by the number's last digit group only ("1743" for 2026-001743): weaker than the whole number. */
  lastDigitsOnly: boolean;
}

export interface SearchResult {
  query: string;
  customers: CustomerHit[];
  invoices: InvoiceHit[];
  /** More than one customer fits about equally well: show the list, do not pick. */
  ambiguous: boolean;
  /** Customers that matched beyond those returned. */
  more: number;
}

export interface SearchOptions {
  /** Most customers returned (default 10). */
  limit?: number;
}

const INVOICE_WORD = /^(invoice|inv|rechnung|facture|factura|fattura|factuur|fatura|nota)\b[\s.:#-]*/i;
const PO_WORD = /^(po|p\.o\.|purchase order|bestellung|commande|pedido|ordine)\b[\s.:#-]*/i;
/** Terms kept per typed word (best first), so one short word cannot fan out to thousands of lists. */
const TERMS_PER_WORD = 12;
/** Candidates checked against their stored record. */
const CANDIDATES = 20;
const INVOICES_MAX = 20;
const PARTIAL_ACCOUNTS_MAX = 50;
const POSTING_CACHE_MAX = 50_000;
/** A typed word matching more customers than this is checked on candidates' names rather than listed. */
const COMMON_WORD_REFS = 2000;

interface Candidate {
  score: number;
  matchedBy: CustomerMatchKind;
  detail: string;
  /** The name as indexed (name matches): ranked on it before any record is read. */
  name?: string;
}

/** Account lists by index generation, shared by every service on the same repository. */
const accountLists = new WeakMap<object, { generation: number; entries: string[] }>();

/** Searches customers and invoices of one tenant. */
export class SearchService {
  private readonly indexer: SearchIndexer;

  constructor(private readonly repos: SearchRepos, private readonly clock: () => Date = () => new Date()) {
    this.indexer = new SearchIndexer(repos, clock);
  }

  /** Posting lists read in the current generation (and incremental-add seq), so hot keys (trigrams, common words) cost no lookup. */
  private cache: { stamp: string; lists: Map<string, SearchPosting | null> } = { stamp: '', lists: new Map() };

  private async postings(meta: SearchIndexMeta, keys: readonly string[]): Promise<Map<string, SearchPosting>> {
    const stamp = `${meta.generation}.${meta.seq ?? 0}`;
    if (this.cache.stamp !== stamp || this.cache.lists.size > POSTING_CACHE_MAX) this.cache = { stamp, lists: new Map() };
    const missing = [...new Set(keys)].filter((k) => !this.cache.lists.has(k));
    if (missing.length > 0) {
      const read = await this.repos.searchIndex.get(meta.generation, missing);
      for (const k of missing) this.cache.lists.set(k, read.get(k) ?? null);
    }
    const out = new Map<string, SearchPosting>();
    for (const k of keys) {
      const list = this.cache.lists.get(k);
      if (list) out.set(k, list);
    }
    return out;
  }

  /** Everything `text` may mean, best first. */
  async search(text: string, options: SearchOptions = {}): Promise<SearchResult> {
    return this.run(text, options.limit ?? 10, 'when_nothing_found');
  }

  /**
   * The one invoice `text` names ("inv 204518", "#204518", "INV-0204518", a PO number): the number
   * exactly as stored, else the only one with the same letters and digits ("inv 55555" for
   * inv-55555 beside RE-55555), else the only invoice with that whole number however written, else
   * the only one with those last digits, else the only one raised against that PO; null when none or several.
   */
  async invoice(text: string): Promise<InvoiceHit | null> {
    const { query, invoices } = await this.run(text, 10, 'when_no_invoice');
    const exact = invoices.find((h) => h.exact);
    if (exact) return exact;
    const typed = new Set([alphanumericKey(query), alphanumericKey(query.replace(INVOICE_WORD, ''))]);
    const tiers: Array<(h: InvoiceHit) => boolean> = [
      (h) => h.matchedBy === 'invoice_number' && typed.has(alphanumericKey(h.invoice.number)),
      (h) => h.matchedBy === 'invoice_number' && !h.lastDigitsOnly,
      (h) => h.matchedBy === 'invoice_number' && h.lastDigitsOnly,
      (h) => h.matchedBy === 'po_number',
    ];
    for (const tier of tiers) {
      const hits = invoices.filter(tier);
      if (hits.length > 0) return hits.length === 1 ? (hits[0] as InvoiceHit) : null;
    }
    return null;
  }

  /** A search; `recordsCheck` says when an invoice-number reading is also looked up on the invoice records (see unindexedInvoices). */
  private async run(text: string, limit: number, recordsCheck: 'when_nothing_found' | 'when_no_invoice'): Promise<SearchResult> {
    // NFKC: full-width and other compatibility forms ("ＩＮＶ－２０４５１８") read as their plain letters and digits.
    const query = text.normalize('NFKC').trim().replace(/\s+/g, ' ');
    const empty: SearchResult = { query, customers: [], invoices: [], ambiguous: false, more: 0 };
    if (query === '') return empty;
    const meta = await this.indexer.ensure();
    const candidates = new Map<string, Candidate>();
    const bump = (sorId: string, c: Candidate) => {
      const had = candidates.get(sorId);
      if (!had || had.score < c.score) candidates.set(sorId, c);
    };

    const email = emailOf(query);
    const domain = email ? email.slice(email.indexOf('@') + 1) : domainOf(query);
    const hasDigit = /\d/.test(query);
    const hasLetter = /\p{L}/u.test(query);
    const asInvoice = query.replace(INVOICE_WORD, '');
    const asPo = query.replace(PO_WORD, '');
    const compact = compactKey(query);
    // Invoice numbers are mostly digits, but some SoRs number with letters only ("ABC-XYZ"): any text but an address may be one.
    const invoiceReading = !email && !domain && invoiceNumberKey(asInvoice) !== '';
    const words = email || domain || !hasLetter ? [] : nameWords(query).slice(0, 6);

    // Round 1: every exact key and the trigram lists of the typed words, in parallel.
    const keys: string[] = [];
    if (email) keys.push(KEY.email(email));
    if (domain) keys.push(KEY.domain(domain));
    if (invoiceReading) keys.push(KEY.invoiceNumber(invoiceNumberKey(asInvoice)));
    if (hasDigit && !email) {
      keys.push(KEY.account(compact), KEY.po(poNumberKey(asPo)));
      const serial = serialOf(asInvoice);
      if (serial !== undefined) keys.push(KEY.invoiceSerial(serial));
    }
    for (const w of words) keys.push(KEY.word(w), ...paddedTrigrams(w).map(KEY.gram));
    const [postings, bySorId, byAccount, byNumber] = await Promise.all([
      this.postings(meta, keys),
      this.repos.customers.findBySorId(query),
      this.repos.customers.findByAccountNumber(query),
      invoiceReading ? this.repos.invoices.findByNumber(asInvoice) : Promise.resolve(null),
    ]);
    if (bySorId) bump(bySorId.sorId, { score: 100, matchedBy: 'sor_id', detail: `SoR id ${bySorId.sorId}` });
    if (byAccount) bump(byAccount.sorId, { score: 100, matchedBy: 'account_number', detail: `account ${byAccount.accountNumber}` });
    for (const sorId of refsOf(postings, hasDigit ? KEY.account(compact) : undefined)) bump(sorId, { score: 98, matchedBy: 'account_number', detail: `account ${query}` });
    if (email) for (const sorId of refsOf(postings, KEY.email(email))) bump(sorId, { score: 96, matchedBy: 'contact_email', detail: `contact ${email}` });
    if (domain) for (const sorId of refsOf(postings, KEY.domain(domain))) bump(sorId, { score: email ? 80 : 90, matchedBy: 'domain', detail: `domain ${domain}` });

    // Invoices: the exact number, then the relaxed keys; each checked against the stored invoice.
    const invoices = await this.invoiceHits(query, asInvoice, asPo, postings, byNumber);
    const bumpInvoices = (hits: readonly InvoiceHit[]) => {
      for (const hit of hits) {
        const { invoice } = hit;
        const score = hit.matchedBy === 'po_number' ? 80 : hit.exact ? 92 : 86;
        bump(invoice.customerSorId, { score, matchedBy: hit.matchedBy, detail: hit.matchedBy === 'po_number' ? `PO ${invoice.poNumber ?? ''} on ${invoice.number}` : `invoice ${invoice.number}` });
      }
    };
    if (invoiceReading && invoices.length === 0 && recordsCheck === 'when_no_invoice') invoices.push(...(await this.unindexedInvoices(query, asInvoice)));
    bumpInvoices(invoices);

    // Partial account numbers ("2231", "100-22"): a substring of the compact account number.
    if (hasDigit && !email && compact.length >= 3 && candidates.size === 0) {
      for (const hit of await this.partialAccounts(meta, compact)) bump(hit.sorId, hit.candidate);
    }

    // Names: typed words against indexed words (exact, prefix, typos), scored per customer.
    const nameCandidates = words.length > 0 ? await this.nameCandidates(meta, words, postings) : new Map<string, { coverage: number; name: string }>();
    const folded = foldText(query);
    for (const [sorId, { coverage, name }] of nameCandidates) {
      // Coverage found the candidate; the whole-name likeness orders near-equals.
      const folder = foldText(name);
      const whole = Math.max(similarity(folded, folder, distance), folded.length >= 3 && folder.includes(folded) ? 0.8 : 0);
      bump(sorId, { score: Math.round((40 + 40 * coverage) * 0.75 + whole * 25), matchedBy: 'name', detail: `name ~ “${query}”`, name });
    }

    // A search that found nothing may be after a number the index lacks. Names without digits and
    // the first keystrokes of a number are not checked: on a store without indexes on the invoice
    // keys (the embedded one) the check reads every invoice.
    if (invoiceReading && hasDigit && invoiceNumberKey(asInvoice).length >= 3 && invoices.length === 0 && candidates.size === 0 && recordsCheck === 'when_nothing_found') {
      const late = await this.unindexedInvoices(query, asInvoice);
      invoices.push(...late);
      bumpInvoices(late);
    }

    return this.finish(words, query, candidates, invoices, limit);
  }

  /**
   * Invoices the index does not know (imported after it was built without a sync, or whose
   * incremental indexing failed), by the invoice records' own number and serial keys, as the
   * pipeline looks them up; found ones are indexed so the next search finds them in the index.
   * Only asked when the index had nothing: without a database index on those keys it reads every invoice.
   */
  private async unindexedInvoices(query: string, asInvoice: string): Promise<InvoiceHit[]> {
    const numberKey = invoiceNumberKey(asInvoice);
    let found = await this.repos.invoices.findByNumberKeys([numberKey]);
    const serial = serialOf(asInvoice);
    if (found.length === 0 && serial !== undefined) found = await this.repos.invoices.findBySerialKeys([serial]);
    if (found.length === 0) return [];
    await this.indexer.indexRecords({ invoices: found });
    return sortInvoiceHits(
      found.map((invoice) => ({ invoice, matchedBy: 'invoice_number' as const, exact: invoice.number === query || invoice.number === asInvoice, lastDigitsOnly: invoiceNumberKey(invoice.number) !== numberKey })),
    ).slice(0, INVOICES_MAX);
  }

  /** The customers to show for a query: the best candidates read and checked, merged duplicates resolved. */
  private async finish(words: string[], query: string, candidates: Map<string, Candidate>, invoices: InvoiceHit[], limit: number): Promise<SearchResult> {
    const ranked = [...candidates].sort((a, b) => b[1].score - a[1].score || (a[1].name ?? '').localeCompare(b[1].name ?? '')).slice(0, limit + 3);
    const [loaded, flagged] = await Promise.all([Promise.all(ranked.map(([sorId]) => this.repos.customers.findBySorId(sorId))), this.repos.customerRecords.listFlagged()]);
    const hits = new Map<string, CustomerHit>();
    for (const [i, [, c]] of ranked.entries()) {
      const customer = loaded[i];
      if (!customer) continue; // deleted since it was indexed
      if (c.matchedBy === 'name' && !wordsStillMatch(words, foldText(customer.name))) continue; // renamed since
      let score = c.score;
      let shown = customer;
      let foundAs: string | undefined;
      const merged = flagged.get(customer.sorId)?.mergedInto;
      if (merged) {
        const target = await this.repos.customers.findBySorId(merged.sorId);
        if (target === null) continue;
        shown = target;
        foundAs = `${customer.name} (${customer.accountNumber}), merged`;
        score -= 1;
      }
      const prev = hits.get(shown.sorId);
      if (prev && prev.score >= score) continue;
      hits.set(shown.sorId, { customer: shown, score, matchedBy: c.matchedBy, detail: c.detail, ...(foundAs ? { foundAs } : {}), archived: flagged.get(shown.sorId)?.archived !== undefined });
    }
    const sorted = [...hits.values()].sort((a, b) => b.score - a.score || Number(a.archived) - Number(b.archived) || a.customer.name.localeCompare(b.customer.name));
    const customers = sorted.slice(0, limit);
    const [first, second] = customers;
    const ambiguous = first !== undefined && second !== undefined && first.score - second.score < 8;
    return { query, customers, invoices, ambiguous, more: Math.max(0, candidates.size - customers.length) };
  }

  private async invoiceHits(query: string, asInvoice: string, asPo: string, postings: Map<string, SearchPosting>, exact: Invoice | null): Promise<InvoiceHit[]> {
    const serial = serialOf(asInvoice);
    const numberRefs = [KEY.invoiceNumber(invoiceNumberKey(asInvoice)), ...(serial !== undefined ? [KEY.invoiceSerial(serial)] : [])]
      .flatMap((k) => refsOf(postings, k))
      .map(parseInvoiceRef);
    const poRefs = refsOf(postings, KEY.po(poNumberKey(asPo))).map(parseInvoiceRef);
    const numberKey = invoiceNumberKey(asInvoice);
    const hits: InvoiceHit[] = exact ? [{ invoice: exact, matchedBy: 'invoice_number', exact: true, lastDigitsOnly: false }] : [];
    const seen = new Set(hits.map((h) => h.invoice.number));
    const check = async (refs: Array<{ number: string }>, matchedBy: InvoiceHit['matchedBy'], stillMatches: (inv: Invoice) => boolean) => {
      const todo = [...new Set(refs.map((r) => r.number))].filter((n) => !seen.has(n)).slice(0, INVOICES_MAX);
      const found = await Promise.all(todo.map((n) => this.repos.invoices.findByNumber(n)));
      for (const inv of found) {
        if (inv === null || seen.has(inv.number) || !stillMatches(inv)) continue;
        seen.add(inv.number);
        const lastDigitsOnly = matchedBy === 'invoice_number' && invoiceNumberKey(inv.number) !== numberKey;
        hits.push({ invoice: inv, matchedBy, exact: inv.number === query || inv.number === asInvoice, lastDigitsOnly });
      }
    };
    await check(numberRefs, 'invoice_number', (inv) => invoiceNumberKey(inv.number) === numberKey || (serial !== undefined && invoiceSerialKey(inv.number) === serial));
    // A number that names an invoice exactly is not also read as a PO.
    if (!hits.some((h) => h.exact)) {
      const poKey = poNumberKey(asPo);
      await check(poRefs, 'po_number', (inv) => inv.poNumber !== null && poNumberKey(inv.poNumber) === poKey);
    }
    return sortInvoiceHits(hits).slice(0, INVOICES_MAX);
  }

  private async partialAccounts(meta: SearchIndexMeta, compact: string): Promise<Array<{ sorId: string; candidate: Candidate }>> {
    const entries = await this.accountList(meta);
    const out: Array<{ sorId: string; candidate: Candidate }> = [];
    for (const entry of entries) {
      const tab = entry.indexOf('\t');
      const account = entry.slice(0, tab);
      const at = account.indexOf(compact);
      if (at < 0) continue;
      // A prefix or the trailing digits are what people type; anything else ranks lower.
      const score = at === 0 ? 72 : at + compact.length === account.length ? 70 : 65;
      out.push({ sorId: entry.slice(tab + 1), candidate: { score, matchedBy: 'account_partial', detail: `account contains ${compact}` } });
      if (out.length > PARTIAL_ACCOUNTS_MAX) break;
    }
    return out;
  }

  /** Every compact account number with its customer: the generation's chunks (cached) plus those indexed since. */
  private async accountList(meta: SearchIndexMeta): Promise<string[]> {
    const chunks = meta.counts['accountChunks'] ?? 0;
    let cached = accountLists.get(this.repos.searchIndex);
    if (!cached || cached.generation !== meta.generation) {
      const keys = Array.from({ length: chunks }, (_, i) => KEY.accountChunk(i));
      const lists = await this.repos.searchIndex.get(meta.generation, keys);
      cached = { generation: meta.generation, entries: keys.flatMap((k) => lists.get(k)?.refs ?? []) };
      accountLists.set(this.repos.searchIndex, cached);
    }
    const fresh = await this.postings(meta, [KEY.accountChunk('new')]);
    const added = fresh.get(KEY.accountChunk('new'))?.refs ?? [];
    return added.length === 0 ? cached.entries : [...cached.entries, ...added];
  }

  /** Customers whose name words match the typed words, with the share of typed words matched (0–1, typos and prefixes count less). */
  private async nameCandidates(meta: SearchIndexMeta, words: string[], postings: Map<string, SearchPosting>): Promise<Map<string, { coverage: number; name: string }>> {
    const termsPerWord = words.map((w) => matchingTerms(w, postings));
    const wanted = [...new Set(termsPerWord.flatMap((terms) => terms.map((t) => KEY.word(t.term))))].filter((k) => !postings.has(k));
    const more = await this.postings(meta, wanted);
    const listOf = (term: string) => postings.get(KEY.word(term)) ?? more.get(KEY.word(term));
    // Words whose lists are long ("llc", "logistics") find nobody in particular: when some typed
    // word is selective, candidates come from the selective words only, and the common words are
    // checked on the candidates' names (carried in the refs) instead of merging long lists.
    const size = (terms: Array<{ term: string }>) => terms.reduce((n, { term }) => n + (listOf(term)?.total ?? 0), 0);
    const selective = termsPerWord.map((terms) => size(terms) <= COMMON_WORD_REFS);
    const anySelective = selective.some(Boolean);
    const coverage = new Map<string, { coverage: number; name: string; seen: number }>();
    termsPerWord.forEach((terms, i) => {
      if (anySelective && !selective[i]) return;
      const best = new Map<string, { sim: number; name: string }>();
      for (const { term, sim } of terms) {
        for (const ref of listOf(term)?.refs ?? []) {
          const { sorId, name } = parseNameRef(ref);
          if ((best.get(sorId)?.sim ?? 0) < sim) best.set(sorId, { sim, name });
        }
      }
      for (const [sorId, { sim, name }] of best) {
        const had = coverage.get(sorId);
        coverage.set(sorId, { coverage: (had?.coverage ?? 0) + sim / words.length, name, seen: (had?.seen ?? 0) + 1 });
      }
    });
    if (anySelective) {
      termsPerWord.forEach((terms, i) => {
        if (selective[i]) return;
        const sims = new Map(terms.map((t) => [t.term, t.sim]));
        for (const c of coverage.values()) {
          const sim = Math.max(0, ...nameWords(c.name).map((w) => sims.get(w) ?? 0));
          c.coverage += sim / words.length;
        }
      });
    }
    // One or two typed words must all match (a typo or prefix counts); of more, at least half.
    const need = words.length <= 2 ? 0.7 : 0.5;
    return new Map([...coverage].filter(([, c]) => c.coverage >= need).sort((a, b) => b[1].coverage - a[1].coverage).slice(0, CANDIDATES * 50));
  }
}

/** The serial key a typed number may be: its last digit group, or the whole number when it is one group of digits ("1743", "#1743", "no. 1743" for 2026-001743). */
function serialOf(typed: string): string | undefined {
  const serial = invoiceSerialKey(typed);
  if (serial !== undefined) return serial;
  const digits = typed.trim().replace(/^(#|no\b|nr\b|num\b|number\b)[\s.:#-]*/i, '');
  return /^\d{3,}$/.test(digits) ? digits.replace(/^0+(?=\d)/, '') : undefined;
}

/** Strongest first: the number as stored, the whole number written otherwise, its last digits only, then PO matches (stable within each). */
function sortInvoiceHits(hits: InvoiceHit[]): InvoiceHit[] {
  const rank = (h: InvoiceHit) => (h.exact ? 0 : h.matchedBy === 'po_number' ? 3 : h.lastDigitsOnly ? 2 : 1);
  return hits.sort((a, b) => rank(a) - rank(b));
}

/** Refs of one posting list (none when the key is absent or undefined). */
function refsOf(postings: Map<string, SearchPosting>, key: string | undefined): string[] {
  return key === undefined ? [] : (postings.get(key)?.refs ?? []);
}

/** Indexed words a typed word may mean, with how sure: exact 1, prefix 0.8–0.95, one or two typos 0.65–0.85. */
export function matchingTerms(word: string, postings: Map<string, SearchPosting>): Array<{ term: string; sim: number }> {
  const grams = paddedTrigrams(word);
  const hits = new Map<string, number>();
  for (const g of grams) for (const term of postings.get(KEY.gram(g))?.refs ?? []) hits.set(term, (hits.get(term) ?? 0) + 1);
  const budget = typoBudget(word.length);
  // q-gram lemma: each edit destroys at most 3 trigrams (a swap of neighbours 4); a prefix keeps all but the end one.
  const needForTypos = Math.max(1, grams.length - 4 * budget);
  const needForPrefix = Math.max(1, grams.length - 1);
  const out: Array<{ term: string; sim: number }> = [];
  if (postings.has(KEY.word(word))) out.push({ term: word, sim: 1 });
  for (const [term, shared] of hits) {
    if (term === word || shared < Math.min(needForTypos, needForPrefix)) continue;
    if (word.length >= 2 && term.startsWith(word)) {
      out.push({ term, sim: Math.max(0.8, 0.95 - 0.02 * (term.length - word.length)) });
      continue;
    }
    if (budget === 0 || Math.abs(term.length - word.length) > budget) continue;
    // Levenshtein first (fast); a swap of neighbours costs it 2, so only then ask the slower typo distance.
    const lev = distance(word, term);
    const d = lev <= budget || lev > 2 * budget ? lev : typoDistance(word, term);
    if (d <= budget) out.push({ term, sim: d === 1 ? 0.85 : 0.7 });
    else if (word.length >= 5 && term.length > word.length) {
      // A prefix typed with a typo ("industiral" for "industrials").
      const head = term.slice(0, word.length);
      if (typoDistance(word, head) <= 1) out.push({ term, sim: 0.7 });
    }
  }
  return out.sort((a, b) => b.sim - a.sim || a.term.length - b.term.length).slice(0, TERMS_PER_WORD);
}

/** Whether a stored name still has, for most typed words, a word they can mean (guards against renamed records). */
function wordsStillMatch(words: readonly string[], foldedName: string): boolean {
  const nameWordsList = nameWords(foldedName);
  const ok = words.filter((w) => nameWordsList.some((n) => n === w || n.startsWith(w) || (typoBudget(w.length) > 0 && typoDistance(w, n.slice(0, Math.max(w.length, Math.min(n.length, w.length + 2)))) <= typoBudget(w.length)))).length;
  return ok >= Math.ceil(words.length / 2);
}

/** One service per repository set (the service holds a small cache), for callers that only have repositories. */
const services = new WeakMap<object, SearchService>();
export function searchServiceFor(repos: SearchRepos, clock?: () => Date): SearchService {
  let s = services.get(repos.searchIndex);
  if (!s) services.set(repos.searchIndex, (s = new SearchService(repos, clock)));
  return s;
}
