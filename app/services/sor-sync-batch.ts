// One batch of one entity through the sync: validate every record, resolve payment
// applications named by invoice id, write the valid ones, delete the tombstoned ones, mark
// the refused ones seen (their stored version stays), and collect what to report.
import { recordProblems, type ConsistencyProblem } from '../../core/sor/consistency.js';
import { later } from '../../core/sor/cursor.js';
import { ruleEnrolls, type EnrollmentRule } from '../../core/sor/enrollment.js';
import type { SorEntity } from '../../core/sor/sor-connector.js';
import { validateRecord, type SyncedContact, type SyncedPayment, type SyncedRecordOf } from '../../core/sor/sor-records.js';
import type { EntityCounts, InvalidRecord } from '../../core/sor/sync-run.js';
import type { PaymentRecord, Repositories, SyncUpsertResult } from '../../storage/repositories/index.js';

export type SyncRepos = Pick<Repositories, 'customers' | 'contacts' | 'invoices' | 'payments' | 'creditMemos'>;

export interface BatchResult {
  counts: EntityCounts;
  invalid: InvalidRecord[];
  problems: ConsistencyProblem[];
  newestSeen: Date | undefined;
  /** A refused record had no key: the sweep could not tell it apart from a deleted one. */
  unkeyedInvalid: boolean;
}

export interface BatchContext {
  repos: SyncRepos;
  runId: string;
  now: Date;
  enrollment: EnrollmentRule;
  /** Mark every record seen by the run (only a run that sweeps needs it, and it costs a write per record). */
  markSeen: boolean;
}

function splitContactKey(key: string): { customerSorId: string; email: string } {
  const at = key.indexOf('|');
  return { customerSorId: key.slice(0, at), email: key.slice(at + 1) };
}

/** Payments whose applications name invoices by SoR id get the invoice numbers; unknown ids refuse the payment. */
async function resolveApplications(
  repos: SyncRepos,
  payments: Array<{ key: string; record: SyncedPayment }>,
): Promise<{ resolved: Array<{ key: string; record: PaymentRecord }>; refused: InvalidRecord[] }> {
  const ids = payments.flatMap((p) => p.record.applications.filter((a) => a.invoiceNumber === undefined).map((a) => a.invoiceId as string));
  const numbers = ids.length > 0 ? await repos.invoices.numbersBySorIds(ids) : new Map<string, string>();
  const resolved: Array<{ key: string; record: PaymentRecord }> = [];
  const refused: InvalidRecord[] = [];
  for (const { key, record } of payments) {
    const missing = record.applications.filter((a) => a.invoiceNumber === undefined && !numbers.has(a.invoiceId as string)).map((a) => a.invoiceId);
    if (missing.length > 0) {
      refused.push({ entity: 'payments', key, reasons: missing.map((id) => `applications: invoice id ${id} is not synced`) });
      continue;
    }
    const applications = record.applications.map((a) => ({ invoiceNumber: a.invoiceNumber ?? (numbers.get(a.invoiceId as string) as string), amount: a.amount }));
    resolved.push({ key, record: { ...record, applications } });
  }
  return { resolved, refused };
}

async function upsert(ctx: BatchContext, entity: SorEntity, records: unknown[]): Promise<SyncUpsertResult> {
  const { repos, runId, now, markSeen: mark } = ctx;
  switch (entity) {
    case 'customers':
      return repos.customers.syncUpsert(records as SyncedRecordOf['customers'][], runId, now, (c) => ruleEnrolls(ctx.enrollment, c), mark);
    case 'contacts':
      return repos.contacts.syncUpsert(records as SyncedContact[], runId, now, mark);
    case 'invoices':
      return repos.invoices.syncUpsert(records as SyncedRecordOf['invoices'][], runId, now, mark);
    case 'payments':
      return repos.payments.syncUpsert(records as PaymentRecord[], runId, now, mark);
    case 'creditMemos':
      return repos.creditMemos.syncUpsert(records as SyncedRecordOf['creditMemos'][], runId, now, mark);
  }
}

async function markSeen(ctx: BatchContext, entity: SorEntity, keys: string[]): Promise<void> {
  if (keys.length === 0 || !ctx.markSeen) return;
  if (entity === 'contacts') return ctx.repos.contacts.markSeen(keys.map(splitContactKey), ctx.runId);
  await ctx.repos[entity].markSeen(keys, ctx.runId);
}

async function deleteKeys(ctx: BatchContext, entity: SorEntity, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  if (entity === 'contacts') return ctx.repos.contacts.deleteByKeys(keys.map(splitContactKey));
  return ctx.repos[entity].deleteBySorIds(keys);
}

/** Syncs one batch; never throws for a bad record, only for a storage failure. */
export async function syncBatch(ctx: BatchContext, entity: SorEntity, raws: readonly unknown[], tombstones: readonly string[]): Promise<BatchResult> {
  const invalid: InvalidRecord[] = [];
  const problems: ConsistencyProblem[] = [];
  const deletions = new Set(tombstones);
  // Last one wins when a page holds the same record twice.
  let valid = new Map<string, SyncedRecordOf[SorEntity]>();
  let newestSeen: Date | undefined;
  let unkeyedInvalid = false;
  for (const raw of raws) {
    const v = validateRecord(entity, raw);
    if (!v.ok) {
      invalid.push({ entity, ...(v.key !== undefined && { key: v.key }), reasons: v.reasons });
      if (v.key === undefined) unkeyedInvalid = true;
      continue;
    }
    newestSeen = later(newestSeen, v.modifiedAt);
    if (v.deleted) {
      deletions.add(v.key);
      valid.delete(v.key);
    } else {
      deletions.delete(v.key);
      valid.set(v.key, v.record);
    }
  }
  if (entity === 'payments') {
    const { resolved, refused } = await resolveApplications(ctx.repos, [...valid].map(([key, record]) => ({ key, record: record as SyncedPayment })));
    invalid.push(...refused);
    valid = new Map(resolved.map((r) => [r.key, r.record as unknown as SyncedRecordOf[SorEntity]]));
  }
  const keys = [...valid.keys()];
  const records = [...valid.values()];
  const written = await upsert(ctx, entity, records);
  for (const f of written.failed) invalid.push({ entity, ...(keys[f.index] !== undefined && { key: keys[f.index] }), reasons: [`refused by the store: ${f.message}`] });
  const failedIndexes = new Set(written.failed.map((f) => f.index));
  records.forEach((r, i) => {
    if (!failedIndexes.has(i)) problems.push(...recordProblems(entity, r));
  });
  await markSeen(ctx, entity, invalid.flatMap((i) => (i.key === undefined ? [] : [i.key])));
  const deleted = await deleteKeys(ctx, entity, [...deletions]);
  return {
    counts: {
      read: raws.length + tombstones.length,
      inserted: written.inserted,
      updated: written.updated,
      unchanged: written.unchanged,
      deleted,
      invalid: invalid.length,
    },
    invalid,
    problems,
    newestSeen,
    unkeyedInvalid,
  };
}
