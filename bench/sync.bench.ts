// `npm run bench:sync [-- --customers 100000 --invoices 1000000]`: a full SoR sync from
// generated CSV exports (scripts/gen-sor.ts) into the embedded store, then an incremental sync
// of 1% changes; prints records/s and peak RSS. With MONGODB_URI set, against MongoDB too.
// `--store-process` runs the embedded store in a child process instead, so the peak RSS shown
// is the sync's own (the store's is shown apart). Defaults are small enough for CI.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { CsvConnector } from '../adapters/sor/csv/csv.connector.js';
import { SorSync } from '../app/services/sor-sync.js';
import { SOR_ENTITIES } from '../core/sor/sor-connector.js';
import type { SyncRun } from '../core/sor/sync-run.js';
import { generateSor } from '../scripts/gen-sor.js';
import { openStorage } from '../storage/index.js';
import { peakRssMiB } from './measure.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CUSTOMERS = arg('--customers', 2_000);
const INVOICES = arg('--invoices', 20_000);
const BATCH = arg('--batch', 1_000);

interface Row {
  target: string;
  sync: string;
  records: number;
  written: number;
  seconds: number;
  perSecond: number;
  rssMiB: number;
}

const total = (run: SyncRun, key: 'read' | 'inserted' | 'updated') => SOR_ENTITIES.reduce((n, e) => n + run.counts[e][key], 0);

async function syncOnce(label: string, target: string, sync: SorSync, mode: 'full' | 'incremental'): Promise<Row> {
  const started = performance.now();
  const outcome = await sync.run({ mode, trigger: 'cli' });
  const seconds = (performance.now() - started) / 1000;
  if (outcome.kind !== 'done' || outcome.run.status !== 'succeeded') throw new Error(`${label}: ${JSON.stringify(outcome)}`);
  const records = total(outcome.run, 'read');
  return {
    target,
    sync: label,
    records,
    written: total(outcome.run, 'inserted') + total(outcome.run, 'updated'),
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(records / seconds),
    rssMiB: peakRssMiB(),
  };
}

async function bench(target: string, mongodbUri: string | undefined, work: string, ownStore = false): Promise<Row[]> {
  const dataDir = await mkdtemp(join(work, 'data-'));
  const storage = await openStorage({
    ...(mongodbUri !== undefined && { mongodbUri }),
    dataDir,
    dbName: `arbot_sync_bench_${Date.now()}`,
    embeddedPort: 0,
    journalCompactBytes: 1 << 30,
    logger: pino({ level: 'silent' }),
  });
  const exportDir = join(work, 'export');
  let clock = Date.parse('2026-11-20T00:00:00Z');
  const now = () => new Date((clock += 1));
  const syncOn = () =>
    new SorSync({ repos: storage.repos, connector: new CsvConnector(exportDir), logger: pino({ level: 'silent' }), now, owner: { worker: 'bench', host: 'bench', pid: process.pid }, settings: { batchSize: BATCH } });
  try {
    await generateSor(exportDir, { customers: CUSTOMERS, invoices: INVOICES });
    const rows = [await syncOnce('full', target, syncOn(), 'full')];
    const counts = await generateSor(exportDir, { customers: CUSTOMERS, invoices: INVOICES, changed: 0.01, changedAt: new Date('2026-11-25T00:00:00Z') });
    const row = await syncOnce(`incremental (${counts.changed} invoices + their payments changed)`, target, syncOn(), 'incremental');
    rows.push(row);
    return rows;
  } finally {
    // A store of our own (--store-process) is thrown away with its folder; MongoDB's database is dropped.
    if (mongodbUri !== undefined && !ownStore) await storage.db.dropDatabase();
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Starts the embedded store in a child process; `peakMiB` reads its peak RSS (VmHWM). */
async function storeProcess(dataDir: string): Promise<{ uri: string; peakMiB: () => Promise<number>; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...process.execArgv, 'bin/run-ts.js', 'bench/embedded-store-process.ts', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolveLine, reject) => {
    createInterface({ input: child.stdout }).once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`embedded store process exited with ${code}`)));
  });
  const { uri } = JSON.parse(first) as { uri: string };
  return {
    uri,
    peakMiB: async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      return kb === undefined ? Number.NaN : Math.round(Number(kb) / 1024);
    },
    stop: () =>
      new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

const work = await mkdtemp(join(tmpdir(), 'arbot-sync-bench-'));
try {
  const rows: Row[] = [];
  let storeNote = '';
  if (process.argv.includes('--store-process')) {
    const store = await storeProcess(join(work, 'store'));
    try {
      rows.push(...(await bench('embedded, own process', store.uri, work, true)));
      storeNote = `peak RSS of the embedded store's own process: ${await store.peakMiB()} MiB`;
    } finally {
      await store.stop();
    }
  } else {
    rows.push(...(await bench('embedded', undefined, work)));
  }
  if (process.env['MONGODB_URI']) rows.push(...(await bench('mongodb', process.env['MONGODB_URI'], work)));
  console.log(`\nSoR sync: ${CUSTOMERS} customers, ${INVOICES} invoices (CSV exports), batches of ${BATCH}`);
  console.log('| store | sync | records read | written | s | records/s | peak RSS MiB |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.target} | ${r.sync} | ${r.records} | ${r.written} | ${r.seconds} | ${r.perSecond} | ${r.rssMiB} |`);
  if (storeNote) console.log(`\npeak RSS above: the sync's process (driver, connector, engine); ${storeNote}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
