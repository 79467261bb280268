import type { Db, Document } from 'mongodb';
import type { Logger } from 'pino';
import { canonicalJson } from './canonical-json.js';
import { errorCode } from './errors.js';
import { allIndexes, type CollectionIndexes, type IndexSpec } from './repositories/index.js';

/** One versioned schema change; `up` must be safe to run again if a crash interrupted it. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db, logger: Logger): Promise<void>;
}

/** What one `migrate` run changed; all lists empty means the schema was already up to date. */
export interface MigrationReport {
  applied: { version: number; name: string }[];
  /** "collection.indexName" of indexes created. */
  indexesCreated: string[];
  /** "collection.indexName" of indexes whose keys or options changed, dropped and created again. */
  indexesRebuilt: string[];
}

/** Records which migration versions ran. */
export const MIGRATIONS_COLLECTION = '_migrations';

/** The server's error code when a collection already exists (a concurrent start-up created it). */
const NAMESPACE_EXISTS = 48;

/** The schema changes in version order; append, never edit an applied one. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'create the domain collections',
    up: (db, logger) => createCollections(db, allIndexes.map((c) => c.collection), logger),
  },
];

/**
 * Brings a database to the current schema: runs migrations not yet recorded in `_migrations`,
 * then creates missing indexes (and rebuilds changed ones) from the repositories' specs.
 * Running it again changes nothing and reports nothing.
 */
export async function migrate(
  db: Db,
  logger: Logger,
  specs: readonly CollectionIndexes[] = allIndexes,
  steps: readonly Migration[] = migrations,
): Promise<MigrationReport> {
  const report: MigrationReport = { applied: [], indexesCreated: [], indexesRebuilt: [] };
  const history = db.collection<{ _id: number; name: string; appliedAt: Date }>(MIGRATIONS_COLLECTION);
  const done = new Set((await history.find({}).toArray()).map((m) => m._id));
  for (const step of [...steps].sort((a, b) => a.version - b.version)) {
    if (done.has(step.version)) continue;
    logger.info({ version: step.version, migration: step.name }, 'storage: applying migration');
    await step.up(db, logger);
    // appliedAt is bookkeeping for people reading the collection, so the wall clock is fine here.
    await history.updateOne({ _id: step.version }, { $setOnInsert: { name: step.name, appliedAt: new Date() } }, { upsert: true });
    report.applied.push({ version: step.version, name: step.name });
  }
  const existing = new Set(await collectionNames(db));
  for (const spec of specs) {
    const current = existing.has(spec.collection) ? await db.collection(spec.collection).listIndexes().toArray() : [];
    await ensureIndexes(db, spec, current, report);
  }
  const changed = report.applied.length + report.indexesCreated.length + report.indexesRebuilt.length;
  if (changed > 0) logger.info({ ...report }, 'storage: schema updated');
  else logger.debug('storage: schema up to date');
  return report;
}

async function ensureIndexes(db: Db, spec: CollectionIndexes, current: Document[], report: MigrationReport): Promise<void> {
  const collection = db.collection(spec.collection);
  const missing: IndexSpec[] = [];
  for (const index of spec.indexes) {
    const found = current.find((c) => c['name'] === index.name);
    if (found === undefined) {
      missing.push(index);
    } else if (!sameIndex(found, index)) {
      await collection.dropIndex(index.name);
      missing.push(index);
      report.indexesRebuilt.push(`${spec.collection}.${index.name}`);
    }
  }
  if (missing.length === 0) return;
  await collection.createIndexes(
    missing.map((index) => ({
      name: index.name,
      key: index.keys,
      ...(index.unique && { unique: true }),
      ...(index.partialFilterExpression && { partialFilterExpression: index.partialFilterExpression }),
    })),
  );
  const rebuilt = new Set(report.indexesRebuilt);
  for (const index of missing) {
    const qualified = `${spec.collection}.${index.name}`;
    if (!rebuilt.has(qualified)) report.indexesCreated.push(qualified);
  }
}

/** Whether an index listed by the server has the keys (in order), uniqueness and partial filter of a spec. */
function sameIndex(listed: Document, spec: IndexSpec): boolean {
  return (
    JSON.stringify(listed['key']) === JSON.stringify(spec.keys) &&
    Boolean(listed['unique']) === Boolean(spec.unique) &&
    canonicalJson(listed['partialFilterExpression'] ?? null) === canonicalJson(spec.partialFilterExpression ?? null)
  );
}

async function createCollections(db: Db, names: readonly string[], logger: Logger): Promise<void> {
  const existing = new Set(await collectionNames(db));
  for (const name of names.filter((n) => !existing.has(n))) {
    try {
      await db.createCollection(name);
    } catch (e) {
      if (errorCode(e) !== NAMESPACE_EXISTS) throw e;
      logger.debug({ collection: name }, 'storage: collection created concurrently by another process');
    }
  }
}

async function collectionNames(db: Db): Promise<string[]> {
  const listed = await db.listCollections({}, { nameOnly: true }).toArray();
  return listed.map((c) => c.name);
}
