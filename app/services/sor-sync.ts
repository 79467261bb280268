// The SoR sync engine: full, incremental and per-customer syncs from a SorConnector into the
// SoR collections. Each entity is read page by page; a page is validated and written in
// batches, and only then is the run's checkpoint for the entity moved past it, so a process
// killed half-way resumes where it stopped and ends with the same data. A full sync then
// deletes what the SoR no longer has (the sweep); consistency problems are reported in the
// run, never fixed. One sync runs at a time per tenant (a lock with a lease).
import type { Logger } from 'pino';
import { balanceProblems, type ConsistencyProblem } from '../../core/sor/consistency.js';
import { chooseMode, later, nextCursor, type SyncMode } from '../../core/sor/cursor.js';
import { SOR_ENTITIES, SorConnectorError, type SorConnector, type SorEntity, type SorPage } from '../../core/sor/sor-connector.js';
import { rawKey } from '../../core/sor/sor-records.js';
import { emptyCounts, RUN_LIST_CAP, type EntityProgress, type SyncRun, type SyncTrigger } from '../../core/sor/sync-run.js';
import type { Repositories, SyncLock, SyncLockOwner } from '../../storage/repositories/index.js';
import { enrollmentRule } from './sor-sync-enrollment.js';
import { syncBatch, type BatchContext, type BatchResult } from './sor-sync-batch.js';

export interface SorSyncSettings {
  /** Records written per bulk write. */
  batchSize: number;
  /** A scheduled run is a full sync when the last full one ended longer ago than this. */
  fullEveryMs: number;
  /** How long the lock holds without a heartbeat (one per batch). */
  leaseMs: number;
  /** Cursor safety margin, see nextCursor. */
  overlapMs: number;
}

export const defaultSyncSettings: SorSyncSettings = { batchSize: 500, fullEveryMs: 24 * 3600_000, leaseMs: 5 * 60_000, overlapMs: 5 * 60_000 };

export interface SyncProgressEvent {
  runId: string;
  entity: SorEntity;
  /** Records of this entity read so far in this run. */
  read: number;
  phase: 'reading' | 'sweeping' | 'done';
}

export interface SorSyncDeps {
  repos: Pick<Repositories, 'customers' | 'contacts' | 'invoices' | 'payments' | 'creditMemos' | 'syncRuns' | 'settings'>;
  connector: SorConnector;
  logger: Logger;
  now: () => Date;
  owner: SyncLockOwner;
  /** Whether a lock holder is gone (e.g. a killed local process); default: never, wait for the lease. */
  isOwnerDead?: (owner: SyncLockOwner) => boolean;
  settings?: Partial<SorSyncSettings>;
  onProgress?: (event: SyncProgressEvent) => void;
}

export interface SyncRequest {
  /** `auto`: incremental, or full when one is due (or none was ever done). Ignored with `customerSorId`. */
  mode: 'auto' | 'full' | 'incremental';
  /** Re-sync only this customer (the chat "Re-sync" action). */
  customerSorId?: string;
  trigger: SyncTrigger;
}

export type SyncOutcome = { kind: 'done'; run: SyncRun; resumed: boolean } | { kind: 'busy'; heldBy: SyncLock };

class LockLost extends Error {}

export class SorSync {
  private readonly settings: SorSyncSettings;

  constructor(private readonly deps: SorSyncDeps) {
    this.settings = { ...defaultSyncSettings, ...deps.settings };
  }

  /** Runs one sync (or resumes an interrupted one first); `busy` when another sync holds the lock. */
  async run(request: SyncRequest): Promise<SyncOutcome> {
    const { syncRuns } = this.deps.repos;
    const claimed = await syncRuns.tryLock(this.deps.owner, this.deps.now(), this.settings.leaseMs, this.deps.isOwnerDead ?? (() => false));
    if ('heldBy' in claimed) return { kind: 'busy', heldBy: claimed.heldBy };
    const lock = claimed.lock;
    try {
      const state = await syncRuns.useSource(this.deps.connector.sourceId);
      const resumable = await this.pickResumable(request);
      const run = resumable ?? (await this.newRun(request, state.lastFullAt));
      if (resumable) {
        await syncRuns.markResumed(run.id);
        this.deps.logger.info({ runId: run.id, mode: run.mode }, 'sor sync: resuming an interrupted run');
      }
      const finished = await this.execute(run, lock);
      return { kind: 'done', run: finished, resumed: resumable !== undefined };
    } finally {
      await syncRuns.unlock(lock.token);
    }
  }

  /** The oldest unfinished run of this source, unless this request is for one customer; runs of other sources are abandoned. */
  private async pickResumable(request: SyncRequest): Promise<SyncRun | undefined> {
    let pick: SyncRun | undefined;
    for (const run of await this.deps.repos.syncRuns.unfinished()) {
      const same = run.sourceId === this.deps.connector.sourceId && run.mode !== 'customer';
      if (same && pick === undefined && request.customerSorId === undefined) pick = run;
      else if (!same || run.mode === 'customer') await this.deps.repos.syncRuns.finish(run.id, 'abandoned', this.deps.now(), 'superseded');
    }
    return pick;
  }

  private async newRun(request: SyncRequest, lastFullAt: Date | undefined): Promise<SyncRun> {
    const now = this.deps.now();
    const mode: SyncMode =
      request.customerSorId !== undefined ? 'customer' : chooseMode({ requested: request.mode, lastFullAt, now, fullEveryMs: this.settings.fullEveryMs });
    return this.deps.repos.syncRuns.create({
      sourceId: this.deps.connector.sourceId,
      connector: this.deps.connector.kind,
      mode,
      ...(request.customerSorId !== undefined && { customerSorId: request.customerSorId }),
      trigger: request.trigger,
      status: 'running',
      startedAt: now,
      resumed: 0,
      progress: {},
      counts: emptyCounts(),
      invalid: [],
      invalidTotal: 0,
      problems: [],
      problemsTotal: 0,
    });
  }

  private async execute(initial: SyncRun, lock: SyncLock): Promise<SyncRun> {
    const { syncRuns } = this.deps.repos;
    const run = { ...initial, invalid: [...initial.invalid], problems: [...initial.problems] };
    try {
      const ctx: BatchContext = {
        repos: this.deps.repos,
        runId: run.id,
        now: this.deps.now(),
        enrollment: await enrollmentRule(this.deps.repos),
        markSeen: run.mode !== 'incremental',
      };
      for (const entity of SOR_ENTITIES) await this.syncEntity(run, entity, ctx, lock);
      if (run.mode !== 'incremental') await this.checkBalances(run);
      const end = this.deps.now();
      await syncRuns.finish(run.id, 'succeeded', end);
      if (run.mode === 'full') await syncRuns.setLastFullAt(end);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // A temporary SoR failure (or a lost lock) leaves the run to be resumed by the next sync.
      const resumable = err instanceof LockLost || (err instanceof SorConnectorError && err.code === 'temporary');
      await syncRuns.finish(run.id, resumable ? 'interrupted' : 'failed', this.deps.now(), message);
      this.deps.logger.error({ runId: run.id, err: message }, 'sor sync: run stopped');
    }
    return (await syncRuns.get(run.id)) ?? run;
  }

  private async syncEntity(run: SyncRun, entity: SorEntity, ctx: BatchContext, lock: SyncLock): Promise<void> {
    const { syncRuns } = this.deps.repos;
    const state = await syncRuns.getState();
    const previous = state.cursors[entity]?.modifiedSince;
    let progress: EntityProgress = run.progress[entity] ?? {
      done: false,
      ...(run.mode === 'incremental' && previous !== undefined && { since: previous }),
      readStartedAt: this.deps.now(),
      sweepSafe: true,
    };
    if (progress.done) return;
    let read = run.counts[entity].read;
    const record = async (result: BatchResult, checkpoint: string | undefined) => {
      const roomInvalid = Math.max(0, RUN_LIST_CAP - run.invalid.length);
      const roomProblems = Math.max(0, RUN_LIST_CAP - run.problems.length);
      const invalid = result.invalid.slice(0, roomInvalid);
      const problems = result.problems.slice(0, roomProblems);
      run.invalid.push(...invalid);
      run.problems.push(...problems);
      run.invalidTotal += result.invalid.length;
      run.problemsTotal += result.problems.length;
      const newestSeen = later(progress.newestSeen, result.newestSeen);
      progress = {
        ...progress,
        ...(checkpoint !== undefined && { checkpoint }),
        ...(newestSeen !== undefined && { newestSeen }),
        sweepSafe: progress.sweepSafe && !result.unkeyedInvalid,
      };
      run.progress[entity] = progress;
      for (const [k, v] of Object.entries(result.counts)) run.counts[entity][k as keyof typeof result.counts] += v;
      await syncRuns.recordBatch(run.id, { entity, progress, counts: result.counts, invalid, invalidTotal: run.invalidTotal, problems, problemsTotal: run.problemsTotal });
      if (!(await syncRuns.renewLock(lock.token, new Date(this.deps.now().getTime() + this.settings.leaseMs)))) {
        throw new LockLost('the sync lock was taken over by another process (lease expired)');
      }
      read += result.counts.read;
      this.deps.onProgress?.({ runId: run.id, entity, read, phase: 'reading' });
    };

    for await (const page of this.pages(entity, run, progress)) {
      const raws = this.onlyCustomer(entity, run.customerSorId, page.records);
      const tombstones = run.customerSorId === undefined ? (page.deleted ?? []) : [];
      for (let i = 0; i < Math.max(raws.length, 1); i += this.settings.batchSize) {
        const last = i + this.settings.batchSize >= raws.length;
        const result = await syncBatch({ ...ctx, now: this.deps.now() }, entity, raws.slice(i, i + this.settings.batchSize), last ? tombstones : []);
        // The checkpoint moves only with the page's last batch: a resumed run re-reads a partly written page.
        await record(result, last ? page.checkpoint : undefined);
      }
    }

    let swept = 0;
    if (run.mode !== 'incremental') {
      this.deps.onProgress?.({ runId: run.id, entity, read, phase: 'sweeping' });
      swept = await this.sweep(run, entity, progress, read);
      run.counts[entity].deleted += swept;
    }
    progress = { ...progress, done: true };
    run.progress[entity] = progress;
    await syncRuns.recordBatch(run.id, { entity, progress, counts: { deleted: swept }, invalid: [], invalidTotal: run.invalidTotal, problems: [], problemsTotal: run.problemsTotal });
    if (run.mode !== 'customer') {
      await syncRuns.setCursor(entity, nextCursor(previous, progress.newestSeen, progress.readStartedAt, this.settings.overlapMs));
    }
    this.deps.onProgress?.({ runId: run.id, entity, read, phase: 'done' });
  }

  /** The connector's pages from the run's checkpoint; an expired checkpoint restarts the entity from its beginning. */
  private async *pages(entity: SorEntity, run: SyncRun, progress: EntityProgress): AsyncGenerator<SorPage> {
    const options = {
      pageSize: this.settings.batchSize,
      ...(progress.since !== undefined && { modifiedSince: progress.since }),
      ...(run.customerSorId !== undefined && this.deps.connector.capabilities.customerFilter && { customerId: run.customerSorId }),
    };
    try {
      yield* this.deps.connector.read(entity, { ...options, ...(progress.checkpoint !== undefined && { resumeFrom: progress.checkpoint }) });
    } catch (err) {
      if (!(err instanceof SorConnectorError && err.code === 'cursor_expired' && progress.checkpoint !== undefined)) throw err;
      this.deps.logger.warn({ runId: run.id, entity }, 'sor sync: checkpoint expired; reading the entity again from the start');
      yield* this.deps.connector.read(entity, options);
    }
  }

  /** For a per-customer run on a connector that cannot filter: keep that customer's records only. */
  private onlyCustomer(entity: SorEntity, customerSorId: string | undefined, records: unknown[]): unknown[] {
    if (customerSorId === undefined || this.deps.connector.capabilities.customerFilter) return records;
    return records.filter((r) => {
      if (typeof r !== 'object' || r === null) return false;
      const owner = entity === 'customers' ? rawKey('customers', r) : (r as { customerId?: unknown }).customerId;
      return owner === customerSorId;
    });
  }

  /** Deletes what a full (or per-customer) run did not see, unless that would be unsafe. */
  private async sweep(run: SyncRun, entity: SorEntity, progress: EntityProgress, read: number): Promise<number> {
    const note = (message: string) => {
      this.deps.logger.warn({ runId: run.id, entity }, message);
      return this.addProblems(run, [{ entity, key: '*', kind: 'status_mismatch', message }]);
    };
    if (!progress.sweepSafe) {
      await note(`${entity}: not deleting records missing from the SoR, because some records arrived without an id`);
      return 0;
    }
    // An empty read is far more likely a wrong file or filter than a SoR that lost everything.
    if (read === 0 && run.mode === 'full') {
      this.deps.logger.warn({ runId: run.id, entity }, 'sor sync: the SoR returned no records; stored ones are kept');
      return 0;
    }
    const { repos } = this.deps;
    const c = run.customerSorId;
    if (entity === 'customers') return repos.customers.sweepUnseen(run.id, c);
    return repos[entity].sweepUnseen(run.id, c);
  }

  /** balance = amount − applications, over all invoices (or the run's customer), reported as problems. */
  private async checkBalances(run: SyncRun): Promise<void> {
    const c = run.customerSorId;
    const found: ConsistencyProblem[] = [];
    for await (const problem of balanceProblems(this.deps.repos.invoices.streamAmountsByNumber(c), this.deps.repos.payments.streamAppliedByInvoiceNumber(c))) {
      found.push(problem);
      if (found.length >= 1000) await this.addProblems(run, found.splice(0));
    }
    await this.addProblems(run, found);
  }

  private async addProblems(run: SyncRun, problems: ConsistencyProblem[]): Promise<void> {
    if (problems.length === 0) return;
    const kept = problems.slice(0, Math.max(0, RUN_LIST_CAP - run.problems.length));
    run.problems.push(...kept);
    run.problemsTotal += problems.length;
    await this.deps.repos.syncRuns.recordBatch(run.id, {
      entity: 'invoices',
      counts: {},
      invalid: [],
      invalidTotal: run.invalidTotal,
      problems: kept,
      problemsTotal: run.problemsTotal,
    });
  }
}
