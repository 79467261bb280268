// insert, update, delete, findAndModify. Each document write is checked against the unique
// indexes before it is applied, so a failed write changes nothing.
import { BSON, ObjectId } from 'bson';
import { CommandError, ErrorCodes, badValue } from '../errors.js';
import { findDocs, project } from '../engine/query.js';
import { applyUpdate, upsertDocument, validateUpdate } from '../engine/update.js';
import { isPlainObject, valueKey, type Doc } from '../engine/values.js';
import type { CollectionState } from '../engine/collection.js';
import { collectionName, existing, optionalDoc, type CommandContext, type CommandHandler } from './context.js';

const MAX_DOC_BYTES = 16 * 1024 * 1024;

interface WriteError {
  index: number;
  code: number;
  errmsg: string;
  [k: string]: unknown;
}

function toWriteError(index: number, e: unknown): WriteError {
  if (e instanceof CommandError) return { index, code: e.code, errmsg: e.message, ...e.extra };
  throw e;
}

function checkDocument(doc: Doc): void {
  if (Array.isArray(doc._id)) throw badValue("can't use an array for _id");
  if (BSON.calculateObjectSize(doc) > MAX_DOC_BYTES) throw new CommandError(ErrorCodes.BSONObjectTooLarge, 'object to insert exceeds the 16 MB BSON limit');
}

function writeDoc(ctx: CommandContext, coll: CollectionState, doc: Doc, selfId: string | undefined): void {
  checkDocument(doc);
  coll.checkUnique(doc, selfId);
  ctx.store.putDoc(ctx.batch, coll, doc);
}

function docsArgument(cmd: Doc, field: string): Doc[] {
  const v = cmd[field];
  if (!Array.isArray(v)) throw new CommandError(ErrorCodes.FailedToParse, `'${field}' must be an array`);
  return v as Doc[];
}

function writeReply(n: number, errors: WriteError[], extra: Doc = {}): Doc {
  const reply: Doc = { n, ...extra };
  if (errors.length > 0) reply.writeErrors = errors;
  reply.ok = 1;
  return reply;
}

const insert: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'insert');
  const docs = docsArgument(cmd, 'documents');
  const ordered = cmd.ordered !== false;
  const coll = ctx.store.ensureCollection(ctx.batch, ctx.db, name);
  const errors: WriteError[] = [];
  let n = 0;
  for (const [i, raw] of docs.entries()) {
    try {
      if (!isPlainObject(raw)) throw badValue('document to insert must be an object');
      // mongod stores _id as the first field whatever order the client sent.
      const doc = { _id: raw._id === undefined ? new ObjectId() : raw._id, ...raw };
      writeDoc(ctx, coll, doc, undefined);
      n++;
    } catch (e) {
      errors.push(toWriteError(i, e));
      if (ordered) break;
    }
  }
  return writeReply(n, errors);
};

interface UpdateStatement {
  q?: Doc;
  u?: unknown;
  upsert?: boolean;
  multi?: boolean;
  arrayFilters?: Doc[];
  sort?: Doc;
}

const update: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'update');
  const statements = docsArgument(cmd, 'updates') as UpdateStatement[];
  const ordered = cmd.ordered !== false;
  const errors: WriteError[] = [];
  const upserted: Doc[] = [];
  let n = 0;
  let nModified = 0;
  for (const [i, st] of statements.entries()) {
    try {
      const query = optionalDoc(st.q, 'q') ?? {};
      const u = validateUpdate(st.u);
      if (st.multi && !Array.isArray(u) && !Object.keys(u).every((k) => k.startsWith('$'))) {
        throw new CommandError(ErrorCodes.FailedToParse, 'multi update is not supported for replacement-style update');
      }
      const coll = existing(ctx, name);
      const targets = findDocs(coll, query, { sort: st.sort, limit: st.multi ? undefined : 1 });
      if (targets.length === 0 && st.upsert) {
        const target = ctx.store.ensureCollection(ctx.batch, ctx.db, name);
        const doc = upsertDocument(query, u, st.arrayFilters);
        writeDoc(ctx, target, doc, undefined);
        upserted.push({ index: i, _id: doc._id });
        n++;
        continue;
      }
      for (const old of targets) {
        const outcome = applyUpdate(old, u, { arrayFilters: st.arrayFilters, query });
        n++;
        if (!outcome.changed || !coll) continue;
        writeDoc(ctx, coll, outcome.doc, valueKey(old._id));
        nModified++;
      }
    } catch (e) {
      errors.push(toWriteError(i, e));
      if (ordered) break;
    }
  }
  return writeReply(n, errors, upserted.length > 0 ? { nModified, upserted } : { nModified });
};

const del: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'delete');
  const statements = docsArgument(cmd, 'deletes');
  const ordered = cmd.ordered !== false;
  const errors: WriteError[] = [];
  let n = 0;
  for (const [i, st] of statements.entries()) {
    try {
      const coll = existing(ctx, name);
      if (!coll) continue;
      const limit = st.limit === 1 ? 1 : 0;
      if (st.limit !== undefined && st.limit !== 0 && st.limit !== 1) throw badValue('The limit field in delete objects must be 0 or 1');
      const targets = findDocs(coll, optionalDoc(st.q, 'q') ?? {}, { limit: limit || undefined });
      for (const doc of targets) {
        ctx.store.deleteDoc(ctx.batch, coll, doc);
        n++;
      }
    } catch (e) {
      errors.push(toWriteError(i, e));
      if (ordered) break;
    }
  }
  return writeReply(n, errors);
};

const findAndModify: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'findAndModify');
  const query = optionalDoc(cmd.query, 'query') ?? {};
  const sort = optionalDoc(cmd.sort, 'sort');
  const fields = optionalDoc(cmd.fields, 'fields');
  const remove = cmd.remove === true;
  const returnNew = cmd.new === true;
  if (remove && cmd.update !== undefined) throw badValue('Cannot specify both an update and remove=true');
  if (!remove && cmd.update === undefined) throw badValue('Either an update or remove=true must be specified');
  if (remove && cmd.upsert === true) throw badValue('Cannot specify both upsert=true and remove=true');
  const arrayFilters = Array.isArray(cmd.arrayFilters) ? (cmd.arrayFilters as Doc[]) : undefined;
  const coll = existing(ctx, name);
  const [old] = findDocs(coll, query, { sort, limit: 1 });

  if (remove) {
    if (old && coll) ctx.store.deleteDoc(ctx.batch, coll, old);
    return { lastErrorObject: { n: old ? 1 : 0 }, value: old ? project(old, fields) : null, ok: 1 };
  }
  const u = validateUpdate(cmd.update);
  if (!old) {
    if (cmd.upsert !== true) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
    const target = ctx.store.ensureCollection(ctx.batch, ctx.db, name);
    const doc = upsertDocument(query, u, arrayFilters);
    writeDoc(ctx, target, doc, undefined);
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
      value: returnNew ? project(doc, fields) : null,
      ok: 1,
    };
  }
  const outcome = applyUpdate(old, u, { arrayFilters, query });
  if (outcome.changed && coll) writeDoc(ctx, coll, outcome.doc, valueKey(old._id));
  return {
    lastErrorObject: { n: 1, updatedExisting: true },
    value: project(returnNew ? outcome.doc : old, fields),
    ok: 1,
  };
};

export const writeCommands: Record<string, CommandHandler> = { insert, update, delete: del, findAndModify };
