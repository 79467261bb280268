// Indexes, collections and databases.
import { Query } from 'mingo';
import { CommandError, ErrorCodes, badValue } from '../errors.js';
import { ID_INDEX } from '../engine/collection.js';
import { normalizeIndexSpec, sameKey, sameOptions, type IndexSpec } from '../engine/index-spec.js';
import type { Doc } from '../engine/values.js';
import { collectionName, existing, optionalDoc, type CommandHandler } from './context.js';

function indexDoc(spec: IndexSpec): Doc {
  return { v: 2, ...spec };
}

const createIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'createIndexes');
  if (!Array.isArray(cmd.indexes) || cmd.indexes.length === 0) throw badValue("'indexes' must be a non-empty array");
  const specs = cmd.indexes.map(normalizeIndexSpec);
  const created = !existing(ctx, name);
  const coll = ctx.store.ensureCollection(ctx.batch, ctx.db, name);
  const before = coll.indexes.length + 1;
  for (const spec of specs) {
    if (spec.name === '_id_' || JSON.stringify(spec.key) === JSON.stringify(ID_INDEX.key)) continue;
    const sameName = coll.indexes.find((i) => i.name === spec.name);
    if (sameName) {
      if (!sameKey(sameName, spec)) {
        throw new CommandError(ErrorCodes.IndexKeySpecsConflict, `An existing index has the same name as the requested index but a different key: ${spec.name}`);
      }
      if (!sameOptions(sameName, spec)) {
        throw new CommandError(ErrorCodes.IndexOptionsConflict, `An existing index has the same name as the requested index but different options: ${spec.name}`);
      }
      continue;
    }
    const sameKeyIndex = coll.indexes.find((i) => sameKey(i, spec) && sameOptions(i, spec));
    if (sameKeyIndex) {
      throw new CommandError(ErrorCodes.IndexOptionsConflict, `Index already exists with a different name: ${sameKeyIndex.name}`);
    }
    // Build first: a unique index over colliding documents is refused with E11000 before anything is recorded.
    ctx.store.createIndex(ctx.batch, coll, spec);
  }
  const after = coll.indexes.length + 1;
  const reply: Doc = { createdCollectionAutomatically: created, numIndexesBefore: before, numIndexesAfter: after };
  if (before === after) reply.note = 'all indexes already exist';
  reply.ok = 1;
  return reply;
};

const listIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'listIndexes');
  const coll = existing(ctx, name);
  if (!coll) throw new CommandError(ErrorCodes.NamespaceNotFound, `ns does not exist: ${ctx.db}.${name}`);
  const docs = [ID_INDEX, ...coll.indexes].map(indexDoc);
  return ctx.cursors.first(`${ctx.db}.${name}`, docs, optionalDoc(cmd.cursor, 'cursor')?.batchSize as number | undefined);
};

const dropIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'dropIndexes');
  const coll = existing(ctx, name);
  if (!coll) throw new CommandError(ErrorCodes.NamespaceNotFound, `ns not found ${ctx.db}.${name}`);
  const nIndexesWas = coll.indexes.length + 1;
  const which = cmd.index;
  let names: string[];
  if (which === '*') names = coll.indexes.map((i) => i.name);
  else if (typeof which === 'string') names = [which];
  else if (Array.isArray(which)) names = which.map(String);
  else if (which && typeof which === 'object') {
    const match = coll.indexes.find((i) => JSON.stringify(i.key) === JSON.stringify(which));
    if (!match) throw new CommandError(ErrorCodes.IndexNotFound, `can't find index with key: ${JSON.stringify(which)}`);
    names = [match.name];
  } else throw badValue("'index' must be a name, a key pattern, an array of names or '*'");
  for (const n of names) {
    if (n === '_id_') throw new CommandError(ErrorCodes.InvalidOptions, 'cannot drop _id index');
    if (!coll.indexes.some((i) => i.name === n)) throw new CommandError(ErrorCodes.IndexNotFound, `index not found with name [${n}]`);
  }
  for (const n of names) ctx.store.record(ctx.batch, { o: 'di', d: ctx.db, c: name, name: n });
  return { nIndexesWas, ok: 1 };
};

const listCollections: CommandHandler = (cmd, ctx) => {
  const filter = optionalDoc(cmd.filter, 'filter');
  const all = Array.from(ctx.store.dbs.get(ctx.db)?.values() ?? []).map((c) =>
    cmd.nameOnly === true
      ? { name: c.name, type: 'collection' }
      : { name: c.name, type: 'collection', options: {}, info: { readOnly: false }, idIndex: indexDoc(ID_INDEX) },
  );
  const docs = filter && Object.keys(filter).length > 0 ? all.filter((d) => new Query(filter).test(d)) : all;
  return ctx.cursors.first(`${ctx.db}.$cmd.listCollections`, docs, optionalDoc(cmd.cursor, 'cursor')?.batchSize as number | undefined);
};

const create: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'create');
  if (existing(ctx, name)) throw new CommandError(ErrorCodes.NamespaceExists, `Collection ${ctx.db}.${name} already exists.`);
  for (const opt of ['capped', 'timeseries', 'viewOn', 'clusteredIndex']) {
    if (cmd[opt]) throw new CommandError(ErrorCodes.CommandNotSupported, `create with '${opt}' is not supported by the embedded store`);
  }
  ctx.store.ensureCollection(ctx.batch, ctx.db, name);
  return { ok: 1 };
};

const drop: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'drop');
  const coll = existing(ctx, name);
  if (!coll) return { ok: 1 };
  const nIndexesWas = coll.indexes.length + 1;
  ctx.store.record(ctx.batch, { o: 'dc', d: ctx.db, c: name });
  return { ns: coll.ns, nIndexesWas, ok: 1 };
};

const dropDatabase: CommandHandler = (_cmd, ctx) => {
  if (ctx.store.dbs.has(ctx.db)) ctx.store.record(ctx.batch, { o: 'dd', d: ctx.db });
  return { dropped: ctx.db, ok: 1 };
};

const listDatabases: CommandHandler = (cmd, ctx) => {
  const databases = Array.from(ctx.store.dbs.entries()).map(([name, colls]) => ({
    name,
    sizeOnDisk: 0,
    empty: Array.from(colls.values()).every((c) => c.docs.size === 0),
  }));
  if (cmd.nameOnly === true) return { databases: databases.map((d) => ({ name: d.name })), ok: 1 };
  return { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
};

const renameCollection: CommandHandler = (cmd, ctx) => {
  const from = cmd.renameCollection;
  const to = cmd.to;
  if (typeof from !== 'string' || typeof to !== 'string') throw badValue("'renameCollection' and 'to' must be namespaces");
  const split = (ns: string): [string, string] => {
    const dot = ns.indexOf('.');
    if (dot <= 0) throw badValue(`Invalid namespace: ${ns}`);
    return [ns.slice(0, dot), ns.slice(dot + 1)];
  };
  const [d, c] = split(from);
  const [td, tc] = split(to);
  if (!ctx.store.getCollection(d, c)) throw new CommandError(ErrorCodes.NamespaceNotFound, `Source collection ${from} does not exist`);
  if (ctx.store.getCollection(td, tc)) {
    if (cmd.dropTarget !== true) throw new CommandError(ErrorCodes.NamespaceExists, `Target namespace ${to} exists`);
    ctx.store.record(ctx.batch, { o: 'dc', d: td, c: tc });
  }
  ctx.store.record(ctx.batch, { o: 'rn', d, c, td, tc });
  return { ok: 1 };
};

export const adminCommands: Record<string, CommandHandler> = {
  createIndexes, listIndexes, dropIndexes, deleteIndexes: dropIndexes, listCollections, create, drop, dropDatabase, listDatabases, renameCollection,
};
