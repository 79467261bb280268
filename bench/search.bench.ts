// `npm run bench:search`: the customer/invoice search on a generated SoR in the embedded store
// (or MONGODB_URI), p50/p95 per kind of query. The issue's target is p95 < 200 ms on 100,000
// customers and 1,000,000 invoices: `npm run bench:search -- --customers 100000 --invoices 1000000`.
// Defaults are small (10,000 / 100,000) so it runs in CI time.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { SearchIndexer } from '../bot/search/search-indexer.js';
import { SearchService } from '../bot/search/search-service.js';
import { openStorage } from '../storage/index.js';
import type { ContactRecord } from '../storage/repositories/contact.repo.js';
import type { CustomerRecord } from '../storage/repositories/customer.repo.js';
import type { InvoiceRecord } from '../storage/repositories/invoice.repo.js';
import { peakRssMiB } from './measure.js';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const CUSTOMERS = arg('customers', 10_000);
const INVOICES = arg('invoices', 100_000);
const QUERIES = arg('queries', 200);
const TARGET_P95_MS = 200;

// Deterministic pseudo-random numbers, so every run searches the same data.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

const FIRST = ['Acme', 'Nordic', 'Société', 'Müller', 'Zürcher', 'Blue', 'Green', 'Atlas', 'Orion', 'Delta', 'Łódź', 'Åkesson', 'Crédit', 'Pacific', 'Golden', 'Iron', 'Silver', 'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Proseware', 'Adventure', 'Alpine', 'Coho', 'Lucerne', 'Margie', 'Trey', 'Wide', 'World', 'Fourth', 'Southridge', 'Woodgrove', 'Humongous', 'Graphic', 'Bellows', 'Datum', 'Consolidated'];
const SECOND = ['Industrial', 'Logistics', 'Générale', 'Söhne', 'Holdings', 'Foods', 'Textiles', 'Engineering', 'Pharma', 'Energy', 'Motors', 'Systems', 'Trading', 'Partners', 'Brewing', 'Media', 'Café', 'Électrique', 'Robotics', 'Outfitters'];
const SUFFIX = ['LLC', 'Inc', 'GmbH', 'SA', 'AB', 'Ltd', 'KG', 'SpA', 'BV', 'Oy'];

/** The same element for the same customer number every time (the queries rebuild customers from their number). */
const pickFor = <T>(xs: readonly T[], i: number, salt: number): T => xs[Math.abs((i * 2654435761 + salt * 40503) | 0) % xs.length] as T;

function customer(i: number): CustomerRecord {
  // A serial word keeps names distinct enough to find one, as real customer lists are.
  const name = `${pickFor(FIRST, i, 1)} ${pickFor(SECOND, Math.floor(i / 7), 2)} ${serialWord(i)} ${pickFor(SUFFIX, Math.floor(i / 3), 3)}`;
  return { sorId: `C${i}`, accountNumber: `ACC-${String(i).padStart(7, '0')}`, name, currency: pickFor(['USD', 'EUR', 'GBP'], i, 4), domains: [`c${i}.example`], status: 'active' };
}

/** A pronounceable word per customer number ("bakito"), so names have a rare word too. */
function serialWord(i: number): string {
  const syl = ['ba', 'ko', 'ri', 'tu', 'me', 'sa', 'lo', 'ne', 'vi', 'da', 'zu', 'pe'];
  let n = i;
  let w = '';
  do {
    w += syl[n % syl.length];
    n = Math.floor(n / syl.length);
  } while (n > 0);
  return w[0]?.toUpperCase() + w.slice(1);
}

function invoice(i: number): InvoiceRecord {
  const c = i % CUSTOMERS;
  const due = new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000);
  return {
    sorId: `I${i}`,
    number: `INV-${String(1_000_000 + i)}`,
    customerSorId: `C${c}`,
    poNumber: i % 2 === 0 ? `PO-${4500000000 + Math.floor(i / 2)}` : null,
    issueDate: new Date(due.getTime() - 30 * 86_400_000),
    dueDate: due,
    currency: 'USD',
    amount: 100 + (i % 977),
    balance: i % 3 === 0 ? 0 : 100 + (i % 977),
    status: i % 3 === 0 ? 'paid' : 'open',
    contactEmails: [`ap@c${c}.example`],
  };
}

function contact(i: number): ContactRecord {
  return { customerSorId: `C${i}`, name: `AP ${i}`, email: `ap@c${i}.example`, role: 'AP', source: 'sor' };
}

/** A typo: one letter of a word swapped with its neighbour. */
function typo(word: string): string {
  const at = 1 + Math.floor(rnd() * (word.length - 2));
  return word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'arbot-search-bench-'));
  const logger = pino({ level: 'silent' });
  const storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'bench', journalCompactBytes: 1 << 30, logger, ...(process.env['MONGODB_URI'] ? { mongodbUri: process.env['MONGODB_URI'] } : {}) });
  const now = new Date('2026-11-20T00:00:00Z');
  try {
    let t = performance.now();
    for (let i = 0; i < CUSTOMERS; i += 5000) {
      const n = Math.min(5000, CUSTOMERS - i);
      await storage.repos.customers.upsertManyBySorId(Array.from({ length: n }, (_, j) => customer(i + j)), now);
      await storage.repos.contacts.upsertMany(Array.from({ length: n }, (_, j) => contact(i + j)), now);
    }
    for (let i = 0; i < INVOICES; i += 5000) {
      await storage.repos.invoices.upsertManyBySorId(Array.from({ length: Math.min(5000, INVOICES - i) }, (_, j) => invoice(i + j)), now);
    }
    console.log(`loaded ${CUSTOMERS} customers, ${CUSTOMERS} contacts, ${INVOICES} invoices into ${storage.kind} in ${Math.round(performance.now() - t)} ms`);
    t = performance.now();
    const meta = await new SearchIndexer(storage.repos, () => now).rebuild();
    console.log(`index rebuilt in ${Math.round(performance.now() - t)} ms: ${meta.counts['keys']} keys`);

    const search = new SearchService(storage.repos, () => now);
    const someCustomer = () => customer(Math.floor(rnd() * CUSTOMERS));
    const kinds: Array<[string, () => string]> = [
      ['name (two words, exact)', () => { const c = someCustomer(); return c.name.split(' ').slice(1, 3).join(' '); }],
      ['name (typo)', () => { const w = someCustomer().name.split(' ')[2] as string; return w.length > 4 ? typo(w) : w; }],
      ['name (no accents, lower case)', () => someCustomer().name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()],
      ['name (ambiguous: common words)', () => `${pick(FIRST)} ${pick(SECOND)}`],
      ['name (prefix)', () => (someCustomer().name.split(' ')[2] as string).slice(0, 4)],
      ['account number (exact)', () => someCustomer().accountNumber],
      ['account number (partial)', () => someCustomer().accountNumber.slice(-5)],
      ['contact email', () => `ap@c${Math.floor(rnd() * CUSTOMERS)}.example`],
      ['domain', () => `c${Math.floor(rnd() * CUSTOMERS)}.example`],
      ['invoice number (exact)', () => invoice(Math.floor(rnd() * INVOICES)).number],
      ['invoice number (relaxed: "inv 1000123")', () => `inv ${invoice(Math.floor(rnd() * INVOICES)).number.slice(4)}`],
      ['PO number', () => invoice(2 * Math.floor((rnd() * INVOICES) / 2)).poNumber as string],
    ];
    const rows: string[] = [];
    const missed: string[] = [];
    let worst = 0;
    for (const [label, make] of kinds) {
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < QUERIES; i++) {
        const q = make();
        const start = performance.now();
        const r = await search.search(q);
        times.push(performance.now() - start);
        if (r.customers.length > 0 || r.invoices.length > 0) found += 1;
        else if (missed.length < 5) missed.push(`${label}: ${JSON.stringify(q)}`);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      worst = Math.max(worst, p95);
      rows.push(`| ${label} | ${percentile(times, 50).toFixed(1)} | ${p95.toFixed(1)} | ${(times[times.length - 1] ?? 0).toFixed(1)} | ${found}/${QUERIES} |`);
    }
    console.log(`\nsearch on ${CUSTOMERS} customers / ${INVOICES} invoices (${storage.kind}), ${QUERIES} queries per kind, one at a time`);
    console.log('| query | p50 ms | p95 ms | max ms | answered |');
    console.log('|---|---:|---:|---:|---:|');
    for (const r of rows) console.log(r);
    console.log(`\nworst p95 ${worst.toFixed(1)} ms (target < ${TARGET_P95_MS} ms: ${worst < TARGET_P95_MS ? 'met' : 'MISSED'}); peak RSS ${peakRssMiB()} MiB`);
    if (missed.length > 0) console.log(`queries that found nothing (first ${missed.length}): ${missed.join('; ')}`);
  } finally {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
