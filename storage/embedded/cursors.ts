// Server-side cursors for find/aggregate/listIndexes/listCollections results larger than one batch.
import { BSON, Long } from 'bson';
import { CommandError, ErrorCodes } from './errors.js';
import type { Doc } from './engine/values.js';

const MAX_BATCH_BYTES = 8 * 1024 * 1024;
const IDLE_MS = 10 * 60 * 1000;

interface OpenCursor {
  ns: string;
  docs: Doc[];
  pos: number;
  lastUsed: number;
}

export class CursorRegistry {
  private readonly open = new Map<number, OpenCursor>();
  private nextId = 1;

  constructor(private readonly now: () => number = Date.now) {}

  /** Builds a `cursor` reply: the first batch, and a cursor id if more remains. */
  first(ns: string, docs: Doc[], batchSize: number | undefined, singleBatch = false): Doc {
    const batch = takeBatch(docs, 0, batchSize ?? 101);
    let id = 0;
    if (!singleBatch && batch.length < docs.length) {
      id = this.nextId++;
      this.open.set(id, { ns, docs, pos: batch.length, lastUsed: this.now() });
    }
    return { cursor: { id: Long.fromNumber(id), ns, firstBatch: batch }, ok: 1 };
  }

  /** getMore: the next batch, closing the cursor when exhausted. */
  more(id: number, ns: string, batchSize: number | undefined): Doc {
    const cur = this.open.get(id);
    if (!cur || cur.ns !== ns) throw new CommandError(ErrorCodes.CursorNotFound, `cursor id ${id} not found`);
    const batch = takeBatch(cur.docs, cur.pos, batchSize ?? Number.MAX_SAFE_INTEGER);
    cur.pos += batch.length;
    cur.lastUsed = this.now();
    let outId = id;
    if (cur.pos >= cur.docs.length) {
      this.open.delete(id);
      outId = 0;
    }
    return { cursor: { id: Long.fromNumber(outId), ns, nextBatch: batch }, ok: 1 };
  }

  kill(ids: number[]): Doc {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) (this.open.delete(id) ? killed : notFound).push(Long.fromNumber(id));
    return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
  }

  /** Drops cursors idle for longer than mongod's default cursor timeout (10 minutes). */
  reapIdle(): number {
    const limit = this.now() - IDLE_MS;
    let n = 0;
    for (const [id, cur] of this.open) if (cur.lastUsed < limit && this.open.delete(id)) n++;
    return n;
  }

  get size(): number {
    return this.open.size;
  }
}

function takeBatch(docs: Doc[], from: number, count: number): Doc[] {
  const out: Doc[] = [];
  let bytes = 0;
  for (let i = from; i < docs.length && out.length < count; i++) {
    const doc = docs[i] as Doc;
    bytes += BSON.calculateObjectSize(doc, { ignoreUndefined: true });
    if (out.length > 0 && bytes > MAX_BATCH_BYTES) break;
    out.push(doc);
  }
  return out;
}
