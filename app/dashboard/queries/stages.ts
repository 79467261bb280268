// Aggregation building blocks shared by the panels. Only stages and operators that both
// MongoDB and the embedded store (mingo) run the same way are used: plain localField/
// foreignField $lookup (the embedded store hashes the foreign side; a $lookup with a
// sub-pipeline would rerun it per document), $facet, $group, $unwind, $dateToString, $switch.
import type { Db, Document } from 'mongodb';
import type { Paging, Row } from '../panel.js';

/**
 * Joins the one document of `from` whose `foreignField` equals `localField` as `as` (or leaves
 * `as` unset). Only for keys that are our own generated ids (ObjectId hex, unique across
 * tenants), so no tenant check is needed on the joined side: per-document expressions are the
 * embedded store's main cost.
 */
export function lookupOne(from: string, localField: string, foreignField: string, as: string): Document[] {
  return [
    { $lookup: { from, localField, foreignField, as } },
    { $addFields: { [as]: { $arrayElemAt: [`$${as}`, 0] } } },
  ];
}

/** Joins every document of `from` whose `foreignField` equals our generated id in `localField` as the array `as`. */
export function lookupById(from: string, localField: string, foreignField: string, as: string): Document[] {
  return [{ $lookup: { from, localField, foreignField, as } }];
}

/** Joins every document of `from` whose `foreignField` equals `localField` (same tenant: for business keys such as SoR ids) as the array `as`. */
export function lookupMany(from: string, localField: string, foreignField: string, as: string, tenantId: string): Document[] {
  return [
    { $lookup: { from, localField, foreignField, as } },
    { $addFields: { [as]: sameTenant(`$${as}`, tenantId) } },
  ];
}

function sameTenant(input: string, tenantId: string): Document {
  return { $filter: { input, as: 'joined', cond: { $eq: ['$$joined.tenantId', tenantId] } } };
}

/** The UTC day (yyyy-mm-dd) of a date field. */
export function dayOf(field: string): Document {
  return { $dateToString: { format: '%Y-%m-%d', date: field } };
}

/** Minutes between two date expressions (null when either is missing). */
export function minutesBetween(start: string, end: string): Document {
  return {
    $cond: [
      { $and: [{ $eq: [{ $type: start }, 'date'] }, { $eq: [{ $type: end }, 'date'] }] },
      { $divide: [{ $subtract: [end, start] }, 60_000] },
      null,
    ],
  };
}

/** Counts per value of `key` (most first, then by key), at most `limit`. */
export function countBy(key: string | Document, limit?: number): Document[] {
  return [
    { $group: { _id: key, n: { $sum: 1 } } },
    { $sort: { n: -1, _id: 1 } },
    ...(limit === undefined ? [] : [{ $limit: limit }]),
  ];
}

/**
 * One page of rows plus the total, in one round trip. `sort` names projected fields. When each
 * of them is a plain field or field path of the input, the rows are sorted and cut first and
 * only the page is projected (projections are the costly part on the embedded store); else the
 * rows are projected first ($facet copies its input for every branch on MongoDB's side too).
 */
export function pageFacet(sort: Document, paging: Paging, project: Document): Document[] {
  const page = [{ $skip: (paging.page - 1) * paging.pageSize }, { $limit: paging.pageSize }];
  const inputSort = sortOnInput(sort, project);
  if (inputSort) {
    return [{ $facet: { rows: [{ $sort: inputSort }, ...page, { $project: project }], total: [{ $count: 'n' }] } }];
  }
  return [
    { $project: project },
    { $facet: { rows: [{ $sort: sort }, ...page], total: [{ $count: 'n' }] } },
  ];
}

/** `sort` over the projection's input (`{ id: '$_id' }` sorts on `_id`), or undefined when a key is computed. */
function sortOnInput(sort: Document, project: Document): Document | undefined {
  const out: Document = {};
  for (const [key, dir] of Object.entries(sort)) {
    const p: unknown = project[key];
    if (p === 1 || p === true) out[key] = dir;
    else if (typeof p === 'string' && /^\$[A-Za-z_][\w.]*$/.test(p)) out[p.slice(1)] = dir;
    else return undefined;
  }
  return out;
}

/** Runs a pipeline and returns its documents. */
export function aggregate<T extends Document = Document>(db: Db, collection: string, pipeline: Document[]): Promise<T[]> {
  return db.collection(collection).aggregate<T>(pipeline, { allowDiskUse: true }).toArray();
}

/** The rows and total of a `pageFacet` result. */
export function unpackPage(result: Document[]): { rows: Row[]; total: number } {
  const first = result[0] as { rows?: Row[]; total?: Array<{ n: number }> } | undefined;
  return { rows: (first?.rows ?? []).map(cleanRow), total: first?.total?.[0]?.n ?? 0 };
}

/** Dates become ISO strings and missing values null, so rows serialise the same everywhere. */
export function cleanRow(doc: Document): Row {
  const row: Row = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k === '_id' && v === undefined) continue;
    row[k] = v instanceof Date ? v.toISOString() : v === undefined ? null : Array.isArray(v) ? v.join(', ') : (v as Row[string]);
  }
  return row;
}
