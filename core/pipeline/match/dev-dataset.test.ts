// The dev dataset end to end through parse → normalize → entities → match: customer,
// invoice-set and known-contact accuracy against labels.jsonl, with every miss printed.
import { describe, expect, it } from 'vitest';
import { loadDevDataset } from '../../../test/fixtures/dev-dataset.js';
import { extractEntities } from '../entities/extract.js';
import { referenceText } from '../entities/reference-text.js';
import { InMemorySor } from '../in-memory-sor.js';
import { normalizeEmail } from '../normalize/normalize-email.js';
import { parseEmail } from '../parse/parse-email.js';
import { matchEmail } from './match-email.js';

interface Outcome {
  file: string;
  customer: boolean;
  invoices: boolean;
  knownContact: boolean;
  /** Said "known contact" where the label says not: the dangerous direction. */
  falseKnownContact: boolean;
  detail: string;
}

async function runDataset(): Promise<Outcome[]> {
  const dataset = await loadDevDataset();
  const sor = new InMemorySor(dataset.sor);
  const ownAddresses = await sor.ownAddresses();
  const outcomes: Outcome[] = [];
  for (const label of dataset.labels) {
    const raw = dataset.emails.get(label.file);
    if (!raw) throw new Error(`no email file for ${label.file}`);
    const parsed = await parseEmail(raw);
    const normalized = await normalizeEmail(parsed);
    const supportingText = [normalized.forwardedText ?? '', ...normalized.attachments.map((a) => a.text)].join('\n\n');
    const text = referenceText({ subject: parsed.subject, newText: normalized.newText, supportingText });
    const entities = extractEntities(text, { language: normalized.language, ...(parsed.date ? { referenceDate: parsed.date } : {}) });
    const m = await matchEmail({ parsed, entities, ownAddresses }, sor);
    const got = [...new Set(m.invoices.map((i) => i.number))].sort();
    const want = [...label.invoiceNumbers].sort();
    const known = m.knownContact ?? false;
    outcomes.push({
      file: label.file,
      customer: m.customerId === label.customerId,
      invoices: JSON.stringify(got) === JSON.stringify(want),
      knownContact: known === label.knownContact,
      falseKnownContact: known && !label.knownContact,
      detail: `customer ${m.customerId} (${m.customerBasis}) want ${label.customerId}; invoices [${got}] want [${want}]; knownContact ${known} want ${label.knownContact}`,
    });
  }
  return outcomes;
}

describe('dev dataset: matching', () => {
  it('identifies customers, invoice sets and known contacts', async () => {
    const outcomes = await runDataset();
    const rate = (key: 'customer' | 'invoices' | 'knownContact'): number => outcomes.filter((o) => o[key]).length / outcomes.length;
    const figures = { emails: outcomes.length, customer: rate('customer'), invoiceSet: rate('invoices'), knownContact: rate('knownContact') };
    const misses = outcomes.filter((o) => !o.customer || !o.invoices || !o.knownContact).map((o) => `${o.file}: ${o.detail}`);
    console.log(`dev dataset matching: ${JSON.stringify(figures)}${misses.length > 0 ? `\n${misses.join('\n')}` : ''}`);

    expect(figures.emails).toBe(60);
    expect(figures.customer).toBeGreaterThanOrEqual(0.95);
    expect(figures.invoiceSet).toBeGreaterThanOrEqual(0.95);
    expect(figures.knownContact).toBeGreaterThanOrEqual(0.95);
    // Calling a stranger a known contact is the error that leaks data: none allowed.
    expect(outcomes.filter((o) => o.falseKnownContact).map((o) => o.file)).toEqual([]);
  });
});
