// Durable storage for the embedded store: an append-only journal with group commit, and
// snapshots written by compaction. Files in the data directory, for generation N:
//   snapshot.N.bson  the whole state at the moment journal.N.log was started
//   journal.N.log    every write since, in order
// Recovery loads the newest snapshot S and replays journal.S, journal.S+1, … in order.
// Records are after-images, so a record present in both a snapshot and a journal is harmless.
import { open, readdir, readFile, rename, rm, truncate, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { JournalRecord } from '../engine/journal-record.js';
import type { Store } from '../engine/store.js';
import { decodeRecords, encodeRecords } from './frames.js';

const JOURNAL = /^journal\.(\d+)\.log$/;
const SNAPSHOT = /^snapshot\.(\d+)\.bson$/;

export interface RecoveryReport {
  generation: number;
  snapshotRecords: number;
  journalRecords: number;
  /** Bytes dropped from a journal's end because its last record was torn or corrupt. */
  tornBytes: number;
}

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class Journal {
  private fh: FileHandle | undefined;
  private generation = 0;
  private size = 0;
  private queue: Buffer[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  /** Compactions run one after another; this is the tail of that chain. */
  private compactions: Promise<void> = Promise.resolve();
  private autoCompactQueued = false;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly compactBytes: number,
    private readonly logger: Logger,
    private readonly store: Store,
  ) {}

  /** Loads the data directory into the store and opens the journal for appending. */
  async recover(): Promise<RecoveryReport> {
    const files = await readdir(this.dir);
    const gens = (re: RegExp) => files.flatMap((f) => (re.exec(f) ? [Number(re.exec(f)?.[1])] : [])).sort((a, b) => a - b);
    const snapshots = gens(SNAPSHOT);
    const journals = gens(JOURNAL);
    const base = snapshots.at(-1) ?? 0;
    for (const f of files.filter((f) => f.endsWith('.tmp'))) await rm(join(this.dir, f), { force: true });

    const report: RecoveryReport = { generation: base, snapshotRecords: 0, journalRecords: 0, tornBytes: 0 };
    if (snapshots.length > 0) {
      const decoded = decodeRecords(await readFile(this.snapshotPath(base)));
      if (decoded.tornTail) throw new Error(`snapshot ${this.snapshotPath(base)} is corrupt`);
      this.store.replay(decoded.records);
      report.snapshotRecords = decoded.records.length;
    }
    for (const gen of journals.filter((g) => g >= base)) {
      const path = this.journalPath(gen);
      const buf = await readFile(path);
      const decoded = decodeRecords(buf);
      this.store.replay(decoded.records);
      report.journalRecords += decoded.records.length;
      if (decoded.tornTail) {
        report.tornBytes += buf.length - decoded.validLength;
        this.logger.warn({ file: path, droppedBytes: buf.length - decoded.validLength }, 'embedded store: dropped a torn record at the end of the journal');
        await truncate(path, decoded.validLength);
      }
      report.generation = gen;
      this.size = decoded.validLength;
    }
    this.store.finishReplay();
    await this.removeOlderThan(base, snapshots, journals);

    this.generation = report.generation;
    this.fh = await open(this.journalPath(this.generation), 'a');
    if (!journals.includes(this.generation)) this.size = 0;
    await this.fsyncDir();
    return report;
  }

  /** Queues records; resolves once they (and everything queued before) are on disk. */
  append(records: readonly JournalRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('embedded store is closed'));
    this.queue.push(encodeRecords(records));
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  /** Group commit: whatever accumulates while one fsync runs goes out in the next single write + fsync. */
  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const data = Buffer.concat(this.queue);
      const waiters = this.waiters;
      this.queue = [];
      this.waiters = [];
      const fh = this.fh as FileHandle;
      try {
        let off = 0;
        while (off < data.length) off += (await fh.write(data, off)).bytesWritten;
        await fh.datasync();
        this.size += data.length;
        for (const w of waiters) w.resolve();
      } catch (e) {
        this.logger.error({ err: e }, 'embedded store: journal write failed');
        for (const w of waiters) w.reject(e);
      }
    }
    this.flushing = undefined;
    if (this.size >= this.compactBytes && !this.autoCompactQueued && !this.closed) {
      this.autoCompactQueued = true;
      this.compact()
        .catch((e: unknown) => this.logger.error({ err: e }, 'embedded store: compaction failed; the journal keeps growing until the next attempt'))
        .finally(() => (this.autoCompactQueued = false));
    }
  }

  /**
   * Writes a snapshot of the current state and starts a new journal generation.
   * The snapshot is taken and the journal switched in one synchronous step, so no write
   * falls between them; the snapshot reaches disk through write-temp, fsync, rename.
   */
  compact(): Promise<void> {
    const run = this.compactions.then(() => this.compactNow());
    this.compactions = run.catch(() => undefined);
    return run;
  }

  private async compactNow(): Promise<void> {
    if (this.closed) return;
    const oldGen = this.generation;
    const newGen = oldGen + 1;
    const newFh = await open(this.journalPath(newGen), 'a');
    // Synchronous from here to the switch: the state and the journal boundary agree.
    const snapshot = encodeRecords(Array.from(this.store.snapshotRecords()));
    const oldFh = this.fh as FileHandle;
    this.fh = newFh;
    this.generation = newGen;
    this.size = 0;

    const tmp = this.snapshotPath(newGen) + '.tmp';
    const out = await open(tmp, 'w');
    try {
      let off = 0;
      while (off < snapshot.length) off += (await out.write(snapshot, off)).bytesWritten;
      await out.sync();
    } finally {
      await out.close();
    }
    await rename(tmp, this.snapshotPath(newGen));
    await this.fsyncDir();
    await this.flushing;
    await oldFh.close();
    await rm(this.journalPath(oldGen), { force: true });
    await rm(this.snapshotPath(oldGen), { force: true });
    this.logger.debug({ generation: newGen, bytes: snapshot.length }, 'embedded store: compacted');
  }

  /** Flushes pending writes and closes the journal. */
  async close(): Promise<void> {
    await this.compactions;
    await this.flushing;
    this.closed = true;
    await this.fh?.close();
    this.fh = undefined;
  }

  get journalBytes(): number {
    return this.size;
  }

  private async removeOlderThan(base: number, snapshots: number[], journals: number[]): Promise<void> {
    for (const g of snapshots.filter((g) => g < base)) await rm(this.snapshotPath(g), { force: true });
    for (const g of journals.filter((g) => g < base)) await rm(this.journalPath(g), { force: true });
  }

  private async fsyncDir(): Promise<void> {
    const dh = await open(this.dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  }

  private journalPath(gen: number): string {
    return join(this.dir, `journal.${gen}.log`);
  }

  private snapshotPath(gen: number): string {
    return join(this.dir, `snapshot.${gen}.bson`);
  }
}
