// The customer search index (bot/search): posting lists keyed by a text key ("w:acme",
// "e:jane@acme.example", "p:88213" …), one document each whose `_id` is tenant, generation and
// key. Every read is an `_id` lookup, the one query the embedded store answers without a scan;
// a rebuild writes a new generation beside the live one and switches over when complete.
import type { Collection, Db } from 'mongodb';
import { collectionOf } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

/** One posting list: the refs stored (at most the cap it was written with) and how many there were. */
export interface SearchPosting {
  refs: string[];
  /** Refs the key had when written; more than refs.length when the list was capped. */
  total: number;
}

/** Which generation of the index is live, and what it holds. */
export interface SearchIndexMeta {
  generation: number;
  /** Bumped by every incremental add: readers caching posting lists start over when it moves. */
  seq?: number;
  builtAt: Date;
  counts: Record<string, number>;
}

interface PostingDoc {
  _id: string;
  tenantId: string;
  g: number;
  r: string[];
  n: number;
}

interface MetaDoc {
  _id: string;
  tenantId: string;
  generation: number;
  builtAt: Date;
  counts: Record<string, number>;
  seq?: number;
}

export const indexes: CollectionIndexes = {
  collection: 'search_index',
  // Lookups are by _id; this one serves dropping a whole generation.
  indexes: [{ name: 'tenant_generation', keys: { tenantId: 1, g: 1 } }],
};

const INSERT_BATCH = 5000;

/** Posting lists of one tenant's customer search. */
export class SearchIndexRepo {
  private readonly postings: Collection<PostingDoc>;
  private readonly meta: Collection<MetaDoc>;

  constructor(db: Db, private readonly tenantId: string) {
    this.postings = collectionOf<PostingDoc>(db, indexes.collection);
    this.meta = collectionOf<MetaDoc>(db, indexes.collection);
  }

  private id(generation: number, key: string): string {
    return `${this.tenantId}|${generation}|${key}`;
  }

  /** The live generation, or null when the index was never built. */
  async current(): Promise<SearchIndexMeta | null> {
    const doc = await this.meta.findOne({ _id: `${this.tenantId}|meta` });
    return doc === null ? null : { generation: doc.generation, builtAt: doc.builtAt, counts: doc.counts, seq: doc.seq ?? 0 };
  }

  /** The posting lists of these keys in a generation; keys without one are absent from the map. */
  async get(generation: number, keys: readonly string[]): Promise<Map<string, SearchPosting>> {
    const unique = [...new Set(keys)];
    const out = new Map<string, SearchPosting>();
    if (unique.length === 0) return out;
    // One query by _id (an _id $in is an index lookup in MongoDB and in the embedded store).
    const byId = new Map(unique.map((k) => [this.id(generation, k), k]));
    for await (const doc of this.postings.find({ _id: { $in: [...byId.keys()] } })) {
      const key = byId.get(doc._id);
      if (key !== undefined) out.set(key, { refs: doc.r, total: doc.n });
    }
    return out;
  }

  /** Writes complete posting lists into a generation that is not live yet (a rebuild), capping each at `cap` refs. */
  async writeGeneration(generation: number, lists: Iterable<[string, Iterable<string>]>, cap: number): Promise<number> {
    let batch: PostingDoc[] = [];
    let written = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await this.postings.insertMany(batch, { ordered: false });
      written += batch.length;
      batch = [];
    };
    for (const [key, refs] of lists) {
      const all = [...refs];
      batch.push({ _id: this.id(generation, key), tenantId: this.tenantId, g: generation, r: all.length > cap ? all.slice(0, cap) : all, n: all.length });
      if (batch.length >= INSERT_BATCH) await flush();
    }
    await flush();
    return written;
  }

  /** Adds refs to posting lists of a generation (incremental indexing); existing refs are kept once. */
  async add(generation: number, lists: ReadonlyMap<string, readonly string[]>): Promise<void> {
    const ops = [...lists].map(([key, refs]) => ({
      updateOne: {
        filter: { _id: this.id(generation, key) },
        update: { $addToSet: { r: { $each: [...refs] } }, $setOnInsert: { tenantId: this.tenantId, g: generation }, $max: { n: refs.length } },
        upsert: true,
      },
    }));
    for (let i = 0; i < ops.length; i += INSERT_BATCH) await this.postings.bulkWrite(ops.slice(i, i + INSERT_BATCH), { ordered: false });
    await this.meta.updateOne({ _id: `${this.tenantId}|meta` }, { $inc: { seq: 1 } });
  }

  /** Makes a generation live. */
  async activate(meta: SearchIndexMeta): Promise<void> {
    await this.meta.updateOne(
      { _id: `${this.tenantId}|meta` },
      { $set: { tenantId: this.tenantId, generation: meta.generation, builtAt: meta.builtAt, counts: meta.counts, seq: 0 } },
      { upsert: true },
    );
  }

  /** Deletes every posting list of a generation (an old or an abandoned one). */
  async dropGeneration(generation: number): Promise<number> {
    const r = await this.postings.deleteMany({ tenantId: this.tenantId, g: generation });
    return r.deletedCount;
  }

  /** Generations that have posting lists stored (the live one and leftovers of interrupted rebuilds). */
  async generations(): Promise<number[]> {
    const gs = await this.postings.distinct('g', { tenantId: this.tenantId });
    return gs.filter((g): g is number => typeof g === 'number').sort((a, b) => a - b);
  }
}
