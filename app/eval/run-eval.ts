// Runs the pipeline over a dataset on a fresh embedded store and scores it: `npm run eval`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { RelaxedMatchingOptions } from '../../core/pipeline/invoice-number.js';
import type { IntentModel } from '../../core/pipeline/understanding.js';
import type { AutomationPolicy } from '../../core/policy/decision.js';
import { openStorage } from '../../storage/index.js';
import { importSnapshot } from '../../storage/sor/import-snapshot.js';
import { MongoSorLookup } from '../../storage/sor/mongo-sor-lookup.js';
import { EmailIntake } from '../services/email-intake.js';
import { RawEmailStore } from '../services/raw-email-store.js';
import type { Dataset } from './dataset.js';
import { score, type ContactBook, type EvalFigures, type Prediction } from './metrics.js';

export interface EvalRun {
  figures: EvalFigures;
  predictions: Prediction[];
  emails: Map<string, { subject: string; from: string }>;
}

export interface EvalOptions {
  model: IntentModel;
  policy: AutomationPolicy;
  relaxedMatching?: Partial<RelaxedMatchingOptions>;
  onProgress?: (done: number, total: number) => void;
}

/** A contact book over a SoR snapshot: who may receive which customer's and invoice's data. */
export function contactBook(dataset: Dataset): ContactBook {
  const contacts = new Set(dataset.sor.contacts.map((c) => `${c.email.toLowerCase()}|${c.customerSorId}`));
  const invoiceContacts = new Set(dataset.sor.invoices.flatMap((i) => i.contactEmails.map((e) => `${e.toLowerCase()}|${i.number}`)));
  return {
    isContactOf: (address, customerId) => contacts.has(`${address.toLowerCase()}|${customerId}`),
    isInvoiceContact: (address, invoiceNumber) => invoiceContacts.has(`${address.toLowerCase()}|${invoiceNumber}`),
  };
}

/** Takes every email of the dataset in through the real intake, on a throwaway embedded store holding the dataset's SoR. */
export async function runEvaluation(dataset: Dataset, opts: EvalOptions): Promise<EvalRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'arbot-eval-'));
  const logger = pino({ level: 'silent' });
  const storage = await openStorage({ dataDir, dbName: 'arbot_eval', embeddedPort: 0, journalCompactBytes: 64 * 1024 * 1024, logger, tenantId: 'eval' });
  try {
    // The dataset's SoR goes into the store like a sync would put it; the pipeline reads it back through the driver.
    await importSnapshot(storage.repos, dataset.sor, new Date(), { applyEnrolment: true });
    const sor = new MongoSorLookup(storage.repos, { ownAddresses: [dataset.sor.company.arMailbox], asOf: () => dataset.sor.asOf });
    const intake = new EmailIntake({
      repos: storage.repos,
      raw: new RawEmailStore(storage.db),
      pipeline: { model: opts.model, sor, policy: opts.policy, ...(opts.relaxedMatching ? { relaxedMatching: opts.relaxedMatching } : {}) },
      mailbox: dataset.sor.company.arMailbox,
      logger,
      now: () => new Date(),
    });
    const predictions: Prediction[] = [];
    const emails = new Map<string, { subject: string; from: string }>();
    let done = 0;
    for (const [file, raw] of dataset.emails) {
      const started = performance.now();
      const result = await intake.ingest(raw);
      const ms = performance.now() - started;
      const stored = await storage.repos.emails.get(result.emailId);
      emails.set(file, { subject: stored?.subject ?? '', from: stored?.from.address ?? '' });
      const a = result.analysis;
      if (a) {
        predictions.push({
          file,
          intents: a.decision.intents,
          customerId: a.match.customerId,
          invoiceNumbers: Array.from(new Set(a.match.invoices.map((i) => i.number))),
          action: a.decision.action,
          recipients: a.decision.recipients,
          replyCustomerId: a.decision.customerId,
          reasons: a.decision.reasons.map((r) => `${r.code}: ${r.message}`),
          ms,
        });
      } else {
        predictions.push({ file, intents: ['other'], customerId: null, invoiceNumbers: [], action: 'review', recipients: [], replyCustomerId: null, reasons: [`failed: ${result.failed ?? 'unknown'}`], ms });
      }
      opts.onProgress?.(++done, dataset.emails.size);
    }
    const labelled = new Set(dataset.labels.map((l) => l.file));
    return { figures: score(predictions.filter((p) => labelled.has(p.file)), dataset.labels, contactBook(dataset)), predictions, emails };
  } finally {
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
