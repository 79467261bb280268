// find, getMore, killCursors, count, distinct, aggregate.
import { CommandError, ErrorCodes, badValue } from '../errors.js';
import { findDocs, matchDocs } from '../engine/query.js';
import { runStages } from '../engine/pipeline.js';
import { valueKey, getPath, type Doc } from '../engine/values.js';
import { collectionName, existing, optionalDoc, optionalNumber, type CommandContext, type CommandHandler } from './context.js';

const find: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'find');
  const limit = optionalNumber(cmd.limit, 'limit');
  const docs = findDocs(existing(ctx, name), optionalDoc(cmd.filter, 'filter'), {
    sort: optionalDoc(cmd.sort, 'sort'),
    projection: optionalDoc(cmd.projection, 'projection'),
    skip: optionalNumber(cmd.skip, 'skip'),
    limit,
  });
  const batchSize = optionalNumber(cmd.batchSize, 'batchSize');
  return ctx.cursors.first(`${ctx.db}.${name}`, docs, batchSize, cmd.singleBatch === true);
};

const getMore: CommandHandler = (cmd, ctx) => {
  const id = cmd.getMore;
  if (typeof id !== 'number') throw new CommandError(ErrorCodes.TypeMismatch, "'getMore' must be a cursor id");
  const name = collectionName(cmd, 'collection');
  return ctx.cursors.more(id, `${ctx.db}.${name}`, optionalNumber(cmd.batchSize, 'batchSize'));
};

const killCursors: CommandHandler = (cmd, ctx) => {
  collectionName(cmd, 'killCursors');
  const ids = Array.isArray(cmd.cursors) ? cmd.cursors.filter((x): x is number => typeof x === 'number') : [];
  return ctx.cursors.kill(ids);
};

const count: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'count');
  const coll = existing(ctx, name);
  const query = optionalDoc(cmd.query, 'query');
  let n = query && Object.keys(query).length > 0 ? matchDocs(coll, query).length : (coll?.docs.size ?? 0);
  const skip = optionalNumber(cmd.skip, 'skip') ?? 0;
  const limit = optionalNumber(cmd.limit, 'limit') ?? 0;
  n = Math.max(0, n - skip);
  if (limit > 0) n = Math.min(n, limit);
  return { n, ok: 1 };
};

const distinct: CommandHandler = (cmd, ctx) => {
  const name = collectionName(cmd, 'distinct');
  if (typeof cmd.key !== 'string') throw new CommandError(ErrorCodes.TypeMismatch, "'key' must be a string");
  const key = cmd.key;
  const seen = new Map<string, unknown>();
  for (const doc of matchDocs(existing(ctx, name), optionalDoc(cmd.query, 'query'))) {
    const v = getPath(doc, key);
    for (const x of Array.isArray(v) ? v : [v]) {
      if (x === undefined) continue;
      const k = valueKey(x);
      if (!seen.has(k)) seen.set(k, x);
    }
  }
  return { values: Array.from(seen.values()), ok: 1 };
};

const FORBIDDEN_STAGES = new Set(['$out', '$merge', '$changeStream', '$currentOp', '$listSessions', '$collStats', '$indexStats', '$planCacheStats']);

const aggregate: CommandHandler = (cmd, ctx) => {
  const target = cmd.aggregate;
  if (!Array.isArray(cmd.pipeline)) throw new CommandError(ErrorCodes.TypeMismatch, "'pipeline' must be an array");
  if (cmd.explain === true) throw new CommandError(ErrorCodes.CommandNotSupported, 'explain is not supported by the embedded store');
  const pipeline = cmd.pipeline as Doc[];
  for (const stage of pipeline) {
    const stageName = Object.keys(stage)[0] ?? '';
    if (FORBIDDEN_STAGES.has(stageName)) {
      throw new CommandError(ErrorCodes.CommandNotSupported, `${stageName} is not supported by the embedded store; use MongoDB (MONGODB_URI) for it`);
    }
  }
  let input: Doc[] = [];
  let ns = `${ctx.db}.$cmd.aggregate`;
  let rest = pipeline;
  if (typeof target === 'string') {
    ns = `${ctx.db}.${target}`;
    const first = pipeline[0];
    // A leading $match can use the same fast paths as find.
    if (first && '$match' in first && first.$match && typeof first.$match === 'object') {
      input = matchDocs(existing(ctx, target), first.$match as Doc);
      rest = pipeline.slice(1);
    } else {
      input = existing(ctx, target)?.all() ?? [];
    }
  } else if (target !== 1) {
    throw new CommandError(ErrorCodes.TypeMismatch, "'aggregate' must be a collection name or 1");
  }
  const cursorOpts = optionalDoc(cmd.cursor, 'cursor');
  if (!cursorOpts) throw new CommandError(ErrorCodes.FailedToParse, "The 'cursor' option is required");
  let out: Doc[];
  try {
    out = runStages(rest, input, { resolve: (name: string) => existing(ctx, name) });
  } catch (e) {
    throw badValue((e as Error).message);
  }
  return ctx.cursors.first(ns, out, optionalNumber(cursorOpts.batchSize, 'cursor.batchSize'));
};

export const readCommands: Record<string, CommandHandler> = { find, getMore, killCursors, count, distinct, aggregate };
export type { CommandContext };
