// Aggregation pipelines: the common stages run natively here, anything else through mingo,
// stage by stage. mingo costs 10–20 µs per document per stage (operator contexts, lazy
// iterators, deep copies for $facet); the native stages read paths directly and copy only
// the top level of a document they change. Every native piece either answers exactly as
// mingo does or declines (`Decline`) — for a whole stage, or for one field of one document —
// and mingo answers instead. pipeline.test.ts checks that against mingo on generated data.
import { Aggregator, Query } from 'mingo';
import { Context, evalExpr } from 'mingo/core';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import { ObjectId } from 'bson';
import type { CollectionState } from './collection.js';
import { isPlainObject, valueKey, type Doc } from './values.js';

/** Thrown where a native evaluation cannot be sure to agree with mingo. */
class Decline extends Error {
  constructor() {
    super('declined');
  }
}
const DECLINE = new Decline();
const decline = (): never => {
  throw DECLINE;
};

export type Resolver = (name: string) => CollectionState | undefined;

const EXPR_OPTIONS = { context: Context.init({ expression: expressionOperators, accumulator: accumulatorOperators }) } as never;

/** mingo's value for an expression on one document (the reference the native code falls back to). */
function mingoExpr(doc: Doc, expr: unknown): unknown {
  return evalExpr(doc, expr as never, EXPR_OPTIONS);
}

// ---------------------------------------------------------------------------------------------
// Values: paths, ordering, truthiness

type Vars = Record<string, unknown>;
type Fn = (doc: Doc, vars: Vars) => unknown;

/** An aggregation field path on a value: arrays on the way fan out over their object elements, as in MongoDB. */
function readPath(cur: unknown, parts: readonly string[], from: number): unknown {
  for (let i = from; i < parts.length; i++) {
    if (Array.isArray(cur)) {
      const out: unknown[] = [];
      for (const el of cur) {
        if (Array.isArray(el)) decline();
        if (!isPlainObject(el)) continue;
        const v = readPath(el, parts, i);
        if (Array.isArray(v)) decline(); // nested arrays: leave to mingo
        if (v !== undefined) out.push(v);
      }
      return out;
    }
    if (!isPlainObject(cur)) return undefined;
    cur = cur[parts[i] as string];
  }
  return cur;
}

/** Class of a value in MongoDB's comparison order; arrays, documents and other bson types decline. */
function typeClass(v: unknown): number {
  if (v === null) return 1;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) decline();
    return 2;
  }
  if (typeof v === 'string') return 3;
  if (v instanceof ObjectId) return 7;
  if (typeof v === 'boolean') return 8;
  if (v instanceof Date) return 9;
  return decline();
}

function scalarValue(v: unknown): number | string {
  if (v instanceof Date) return v.getTime();
  if (v instanceof ObjectId) return v.toHexString();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null) return 0;
  return v as number | string;
}

/**
 * Comparison of two scalars of one type. Missing values and values of different types decline:
 * mingo does not order across types as MongoDB does, and the store keeps mingo's answers there.
 */
function compare(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) decline();
  if (typeClass(a) !== typeClass(b)) decline();
  const va = scalarValue(a);
  const vb = scalarValue(b);
  return va < vb ? -1 : va > vb ? 1 : 0;
}

function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0) return false;
  if ((typeof v === 'number' && Number.isNaN(v)) || v === '') decline(); // mingo takes '' as false, MongoDB as true
  return true;
}

// ---------------------------------------------------------------------------------------------
// Expressions

const NATIVE_VARS = new Set(['ROOT', 'CURRENT']);

function compilePath(expr: string): Fn | undefined {
  if (expr.startsWith('$$')) {
    const parts = expr.slice(2).split('.');
    const name = parts[0] as string;
    if (NATIVE_VARS.has(name)) return (doc) => readPath(doc, parts, 1);
    if (!/^[a-z][A-Za-z0-9_]*$/.test(name)) return undefined;
    return (_doc, vars) => {
      if (!(name in vars)) decline();
      return readPath(vars[name], parts, 1);
    };
  }
  const parts = expr.slice(1).split('.');
  if (parts.some((p) => p === '' || p.startsWith('$'))) return undefined;
  return (doc) => readPath(doc, parts, 0);
}

function args(spec: unknown, n?: number): Fn[] | undefined {
  const list = Array.isArray(spec) ? spec : [spec];
  if (n !== undefined && list.length !== n) return undefined;
  const out: Fn[] = [];
  for (const a of list) {
    const f = compileExpr(a);
    if (!f) return undefined;
    out.push(f);
  }
  return out;
}

function cmpOp(test: (d: number) => boolean, equality = false): (spec: unknown) => Fn | undefined {
  return (spec) => {
    const a = args(spec, 2);
    if (!a) return undefined;
    const [x, y] = a as [Fn, Fn];
    return (doc, vars) => {
      const p = x(doc, vars);
      const q = y(doc, vars);
      // Scalars of different types are never equal.
      if (equality && p !== undefined && q !== undefined && typeClass(p) !== typeClass(q)) return test(1);
      return test(compare(p, q));
    };
  };
}

function numberOrNull(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number') decline();
  return v as number;
}

const OPERATORS: Record<string, (spec: unknown) => Fn | undefined> = {
  $literal: (spec) => (isPlainObject(spec) || Array.isArray(spec) ? undefined : () => spec),
  $ifNull: (spec) => {
    const a = args(spec);
    if (!a || a.length < 2) return undefined;
    return (doc, vars) => {
      for (let i = 0; i < a.length - 1; i++) {
        const v = (a[i] as Fn)(doc, vars);
        if (v !== null && v !== undefined) return v;
      }
      return (a[a.length - 1] as Fn)(doc, vars);
    };
  },
  $eq: cmpOp((d) => d === 0, true),
  $ne: cmpOp((d) => d !== 0, true),
  $gt: cmpOp((d) => d > 0),
  $gte: cmpOp((d) => d >= 0),
  $lt: cmpOp((d) => d < 0),
  $lte: cmpOp((d) => d <= 0),
  $and: (spec) => {
    const a = args(spec);
    return a && ((doc, vars) => a.every((f) => truthy(f(doc, vars))));
  },
  $or: (spec) => {
    const a = args(spec);
    return a && ((doc, vars) => a.some((f) => truthy(f(doc, vars))));
  },
  $not: (spec) => {
    const a = args(spec, 1);
    return a && ((doc, vars) => !truthy((a[0] as Fn)(doc, vars)));
  },
  $cond: (spec) => {
    const parts = Array.isArray(spec) ? spec : isPlainObject(spec) ? [spec.if, spec.then, spec.else] : undefined;
    const a = parts && args(parts, 3);
    if (!a) return undefined;
    const [c, t, e] = a as [Fn, Fn, Fn];
    return (doc, vars) => (truthy(c(doc, vars)) ? t(doc, vars) : e(doc, vars));
  },
  $switch: (spec) => {
    if (!isPlainObject(spec) || !Array.isArray(spec.branches) || spec.default === undefined) return undefined;
    const branches: Array<[Fn, Fn]> = [];
    for (const b of spec.branches) {
      if (!isPlainObject(b)) return undefined;
      const a = args([b.case, b.then], 2);
      if (!a) return undefined;
      branches.push(a as [Fn, Fn]);
    }
    const dflt = compileExpr(spec.default);
    if (!dflt) return undefined;
    return (doc, vars) => {
      for (const [c, t] of branches) if (truthy(c(doc, vars))) return t(doc, vars);
      return dflt(doc, vars);
    };
  },
  $in: (spec) => {
    const a = args(spec, 2);
    if (!a) return undefined;
    const [needle, hay] = a as [Fn, Fn];
    return (doc, vars) => {
      const n = needle(doc, vars);
      const h = hay(doc, vars);
      if (!Array.isArray(h)) return decline();
      return h.some((x) => compare(x, n) === 0);
    };
  },
  $size: (spec) => {
    const a = args(spec, 1);
    if (!a) return undefined;
    return (doc, vars) => {
      const v = (a[0] as Fn)(doc, vars);
      return Array.isArray(v) ? v.length : decline();
    };
  },
  $arrayElemAt: (spec) => {
    const a = args(spec, 2);
    if (!a) return undefined;
    const [arr, at] = a as [Fn, Fn];
    return (doc, vars) => {
      const list = arr(doc, vars);
      const i = at(doc, vars);
      if (list === null || list === undefined) return null;
      if (!Array.isArray(list) || typeof i !== 'number' || !Number.isInteger(i)) return decline();
      return i < 0 ? list[list.length + i] : list[i];
    };
  },
  $max: (spec) => extreme(spec, 1),
  $min: (spec) => extreme(spec, -1),
  $type: (spec) => {
    const a = args(spec, 1);
    if (!a) return undefined;
    return (doc, vars) => {
      const v = (a[0] as Fn)(doc, vars);
      if (v === undefined) return 'missing';
      if (v === null) return 'null';
      if (typeof v === 'string') return 'string';
      if (typeof v === 'boolean') return 'bool';
      if (v instanceof Date) return 'date';
      if (Array.isArray(v)) return 'array';
      if (isPlainObject(v)) return 'object';
      return decline(); // numbers (int, long or double by stored width) and ObjectId: mingo's names
    };
  },
  $isNumber: (spec) => {
    const a = args(spec, 1);
    return a && ((doc, vars) => typeof (a[0] as Fn)(doc, vars) === 'number');
  },
  $subtract: (spec) => {
    const a = args(spec, 2);
    if (!a) return undefined;
    const [x, y] = a as [Fn, Fn];
    return (doc, vars) => {
      const p = x(doc, vars);
      const q = y(doc, vars);
      if (p === null || p === undefined || q === null || q === undefined) return null;
      if (p instanceof Date && q instanceof Date) return p.getTime() - q.getTime();
      if (typeof p === 'number' && typeof q === 'number') return p - q;
      return decline();
    };
  },
  $divide: (spec) => {
    const a = args(spec, 2);
    if (!a) return undefined;
    const [x, y] = a as [Fn, Fn];
    return (doc, vars) => {
      const p = numberOrNull(x(doc, vars));
      const q = numberOrNull(y(doc, vars));
      if (p === null || q === null) return null;
      if (q === 0) return decline();
      return p / q;
    };
  },
  $multiply: (spec) => {
    const a = args(spec);
    if (!a) return undefined;
    return (doc, vars) => {
      let out = 1;
      for (const f of a) {
        const v = numberOrNull(f(doc, vars));
        if (v === null) return null;
        out *= v;
      }
      return out;
    };
  },
  $floor: (spec) => {
    const a = args(spec, 1);
    if (!a) return undefined;
    return (doc, vars) => {
      const v = numberOrNull((a[0] as Fn)(doc, vars));
      return v === null ? null : Math.floor(v);
    };
  },
  $round: (spec) => {
    if (!Array.isArray(spec) || spec.length < 1 || spec.length > 2) return undefined;
    const a = args(spec);
    if (!a) return undefined;
    // The arguments natively; the rounding itself is mingo's, to give its exact digits.
    return (doc, vars) => {
      const n = (a[0] as Fn)(doc, vars);
      const places = a[1] ? (a[1] as Fn)(doc, vars) : 0;
      if (typeof n !== 'number' || typeof places !== 'number') return decline();
      return mingoExpr({}, { $round: [n, places] });
    };
  },
  $sum: (spec) => {
    const a = args(spec);
    if (!a) return undefined;
    const add = (total: number, v: unknown): number => (typeof v === 'number' ? total + v : total);
    if (a.length === 1) {
      const f = a[0] as Fn;
      return (doc, vars) => {
        const v = f(doc, vars);
        return Array.isArray(v) ? v.reduce<number>(add, 0) : decline(); // mingo refuses a single non-array
      };
    }
    return (doc, vars) => a.reduce<number>((t, f) => add(t, noArray(f(doc, vars))), 0);
  },
  $dateToString: (spec) => {
    if (!isPlainObject(spec) || spec.format !== '%Y-%m-%d' || spec.timezone !== undefined || spec.onNull !== undefined) return undefined;
    const date = compileExpr(spec.date);
    if (!date) return undefined;
    const days = new Map<number, string>(); // per compiled expression: one string per UTC day
    return (doc, vars) => {
      const v = date(doc, vars);
      if (v === null || v === undefined) return null;
      if (!(v instanceof Date) || Number.isNaN(v.getTime())) return decline();
      const day = Math.floor(v.getTime() / 86_400_000);
      const known = days.get(day);
      if (known !== undefined) return known;
      const y = v.getUTCFullYear();
      if (y < 0 || y > 9999) return decline();
      const text = `${String(y).padStart(4, '0')}-${String(v.getUTCMonth() + 1).padStart(2, '0')}-${String(v.getUTCDate()).padStart(2, '0')}`;
      days.set(day, text);
      return text;
    };
  },
  $split: (spec) => {
    const a = args(spec, 2);
    if (!a) return undefined;
    const [s, sep] = a as [Fn, Fn];
    return (doc, vars) => {
      const v = s(doc, vars);
      const d = sep(doc, vars);
      if (v === null || v === undefined) return null;
      if (typeof v !== 'string' || typeof d !== 'string' || d === '') return decline();
      return v.split(d);
    };
  },
  $filter: (spec) => {
    if (!isPlainObject(spec) || typeof spec.as !== 'string' || spec.limit !== undefined) return undefined;
    const input = compileExpr(spec.input);
    const cond = compileExpr(spec.cond);
    const as = spec.as;
    if (!input || !cond) return undefined;
    return (doc, vars) => {
      const list = input(doc, vars);
      if (list === null || list === undefined) return null;
      if (!Array.isArray(list)) return decline();
      return list.filter((el) => truthy(cond(doc, { ...vars, [as]: el })));
    };
  },
  $map: (spec) => {
    if (!isPlainObject(spec) || typeof spec.as !== 'string') return undefined;
    const input = compileExpr(spec.input);
    const each = compileExpr(spec.in);
    const as = spec.as;
    if (!input || !each) return undefined;
    return (doc, vars) => {
      const list = input(doc, vars);
      if (list === null || list === undefined) return null;
      if (!Array.isArray(list)) return decline();
      return list.map((el) => {
        const v = each(doc, { ...vars, [as]: el });
        return v === undefined ? decline() : v;
      });
    };
  },
};

/** $max/$min: of one array operand (its non-null elements), or of several operands. */
function extreme(spec: unknown, sign: number): Fn | undefined {
  const a = args(spec);
  if (!a) return undefined;
  const pick = (values: unknown[]): unknown => {
    let best: unknown = null;
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (Array.isArray(v)) decline();
      if (best === null || compare(v, best) * sign > 0) best = v;
    }
    return best;
  };
  if (a.length === 1) {
    const f = a[0] as Fn;
    return (doc, vars) => {
      const v = f(doc, vars);
      return Array.isArray(v) ? pick(v) : decline();
    };
  }
  return (doc, vars) => pick(a.map((f) => f(doc, vars) ?? decline()));
}

/** A native function for an expression, or undefined when any part of it is not supported. */
export function compileExpr(expr: unknown): Fn | undefined {
  if (typeof expr === 'string') {
    if (expr.startsWith('$')) return compilePath(expr);
    return () => expr;
  }
  if (expr === null || typeof expr === 'number' || typeof expr === 'boolean') return () => expr;
  if (expr instanceof Date || expr instanceof ObjectId) return () => expr;
  if (Array.isArray(expr)) {
    const a = args(expr);
    return a && ((doc, vars) => a.map((f) => f(doc, vars)));
  }
  if (isPlainObject(expr)) {
    const keys = Object.keys(expr);
    if (keys.length === 1 && (keys[0] as string).startsWith('$')) {
      const op = OPERATORS[keys[0] as string];
      return op?.(expr[keys[0] as string]);
    }
    if (keys.length === 0 || keys.some((k) => k.startsWith('$') || k.includes('.'))) return undefined;
    const fields = keys.map((k) => [k, compileExpr(expr[k])] as const);
    if (fields.some(([, f]) => !f)) return undefined;
    return (doc, vars) => {
      const out: Doc = {};
      for (const [k, f] of fields) {
        const v = (f as Fn)(doc, vars);
        if (v === undefined) decline(); // missing fields in an object expression: mingo's rule
        out[k] = v;
      }
      return out;
    };
  }
  return undefined;
}

/** An evaluator for an expression: native where it can, mingo for this document where it declines. */
function evaluator(expr: unknown): (doc: Doc) => unknown {
  const f = compileExpr(expr);
  if (!f) return (doc) => mingoExpr(doc, expr);
  return (doc) => {
    try {
      return f(doc, {});
    } catch (e) {
      if (e === DECLINE) return mingoExpr(doc, expr);
      throw e;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Query predicates ($match)

type Pred = (doc: Doc) => boolean | undefined;

/**
 * The value at a path for matching. Paths through arrays (MongoDB's multikey rules) and
 * documents (compared field by field) decline; an array at the end is returned for the
 * tests that know its rules.
 */
function matchValue(doc: Doc, parts: readonly string[]): unknown {
  let cur: unknown = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) decline();
    if (!isPlainObject(cur)) return undefined;
    cur = cur[p];
  }
  if (cur !== null && typeof cur === 'object' && !Array.isArray(cur) && !(cur instanceof Date) && !(cur instanceof ObjectId)) decline();
  return cur;
}

function eqScalar(got: unknown, want: unknown): boolean {
  if (want === null) return got === null || got === undefined;
  if (got === undefined) return false;
  const t = typeof want;
  if (t === 'string' || t === 'number' || t === 'boolean') return got === want; // same type and value (0 === -0)
  return valueKey(got) === valueKey(want);
}

/** Equality with a scalar as a query means it: an array matches when one of its elements is equal. */
function eqQuery(got: unknown, want: unknown): boolean {
  if (!Array.isArray(got)) return eqScalar(got, want);
  for (const el of got) {
    if (Array.isArray(el) || (el !== null && typeof el === 'object' && !(el instanceof Date) && !(el instanceof ObjectId))) {
      if (want === null) decline(); // null against documents/arrays inside arrays: mingo
      continue;
    }
    if (el !== undefined && eqScalar(el, want)) return true;
  }
  return false;
}

function isScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date || v instanceof ObjectId || (typeof v === 'number' && !Number.isNaN(v));
}

function noArray(v: unknown): unknown {
  return Array.isArray(v) ? decline() : v;
}

function compileFieldCondition(parts: string[], cond: unknown): Pred | undefined {
  if (isScalar(cond)) return (doc) => eqQuery(matchValue(doc, parts), cond);
  if (!isPlainObject(cond)) return undefined;
  const tests: Array<(v: unknown) => boolean> = [];
  for (const [op, arg] of Object.entries(cond)) {
    if (op === '$eq' && isScalar(arg)) tests.push((v) => eqQuery(v, arg));
    else if (op === '$ne' && isScalar(arg)) tests.push((v) => !eqQuery(v, arg));
    else if (op === '$in' && Array.isArray(arg) && arg.every(isScalar)) tests.push((v) => arg.some((a) => eqQuery(v, a)));
    else if (op === '$nin' && Array.isArray(arg) && arg.every(isScalar)) tests.push((v) => !arg.some((a) => eqQuery(v, a)));
    else if ((op === '$gt' || op === '$gte' || op === '$lt' || op === '$lte') && (typeof arg === 'number' || arg instanceof Date) && !Number.isNaN(scalarValue(arg))) {
      const cls = typeClass(arg);
      const bound = scalarValue(arg) as number;
      tests.push((v) => {
        if (v === undefined || v === null) return false;
        if (typeClass(noArray(v)) !== cls) return false;
        const x = scalarValue(v) as number;
        return op === '$gt' ? x > bound : op === '$gte' ? x >= bound : op === '$lt' ? x < bound : x <= bound;
      });
    } else if (op === '$exists' && typeof arg === 'boolean') tests.push((v) => (v !== undefined) === arg);
    else if (op === '$type' && (arg === 'string' || arg === 'date' || arg === 'bool')) {
      tests.push((v) => {
        noArray(v);
        return arg === 'string' ? typeof v === 'string' : arg === 'date' ? v instanceof Date : typeof v === 'boolean';
      });
    } else return undefined;
  }
  return (doc) => {
    const v = matchValue(doc, parts);
    for (const t of tests) if (!t(v)) return false;
    return true;
  };
}

/** A predicate for a filter: native where it can decide, mingo's Query otherwise. */
export function compileMatch(filter: Doc): (doc: Doc) => boolean {
  const preds: Pred[] = [];
  let native = true;
  for (const [field, cond] of Object.entries(filter)) {
    if (field.startsWith('$')) {
      native = false;
      break;
    }
    const p = compileFieldCondition(field.split('.'), cond);
    if (!p) {
      native = false;
      break;
    }
    preds.push(p);
  }
  let q: Query | undefined;
  const mingoTest = (doc: Doc): boolean => (q ??= new Query(filter)).test(doc);
  if (!native) {
    q = new Query(filter);
    return (doc) => (q as Query).test(doc);
  }
  return (doc) => {
    try {
      for (const p of preds) if (!p(doc)) return false;
      return true;
    } catch (e) {
      if (e === DECLINE) return mingoTest(doc);
      throw e;
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Stages

interface RunContext {
  resolve: Resolver;
}

type Stage = (docs: Doc[], arg: unknown, ctx: RunContext) => Doc[] | undefined;

function topLevelName(name: string): boolean {
  return name.length > 0 && !name.includes('.') && !name.startsWith('$');
}

const STAGES: Record<string, Stage> = {
  $limit: (docs, arg) => (typeof arg === 'number' && Number.isInteger(arg) && arg > 0 ? docs.slice(0, arg) : undefined),
  $skip: (docs, arg) => (typeof arg === 'number' && Number.isInteger(arg) && arg >= 0 ? docs.slice(arg) : undefined),
  $count: (docs, arg) => (typeof arg === 'string' && topLevelName(arg) ? (docs.length > 0 ? [{ [arg]: docs.length }] : []) : undefined),
  $sort: (docs, arg) => sortDocs(docs, arg),
  $group: (docs, arg) => {
    if (!isPlainObject(arg) || !('_id' in arg)) return undefined;
    const idOf = compileExpr(arg._id);
    if (!idOf) return undefined;
    const accs: Array<[string, Accumulator]> = [];
    for (const [k, spec] of Object.entries(arg)) {
      if (k === '_id') continue;
      const acc = compileAccumulator(spec);
      if (!acc || !topLevelName(k)) return undefined;
      accs.push([k, acc]);
    }
    try {
      // Output in order of first appearance (mingo's); string ids keyed as they are, others by valueKey.
      const groups = new Map<string, { id: unknown; state: unknown[] }>();
      const byString = new Map<string, { id: unknown; state: unknown[] }>();
      const order: Array<{ id: unknown; state: unknown[] }> = [];
      for (const doc of docs) {
        const id = idOf(doc, {}) ?? null; // a missing _id groups with null, as _id: null
        const str = typeof id === 'string';
        const key = str ? id : groupKey(id);
        let g = str ? byString.get(key) : groups.get(key);
        if (!g) {
          g = { id, state: accs.map(([, a]) => a.init()) };
          (str ? byString : groups).set(key, g);
          order.push(g);
        }
        for (let i = 0; i < accs.length; i++) (g.state as unknown[])[i] = (accs[i] as [string, Accumulator])[1].add(g.state[i], doc);
      }
      const out: Doc[] = [];
      for (const g of order) {
        const row: Doc = {};
        if (g.id !== undefined) row._id = g.id;
        accs.forEach(([k, a], i) => (row[k] = a.result(g.state[i])));
        out.push(row);
      }
      return out;
    } catch (e) {
      if (e === DECLINE) return undefined;
      throw e;
    }
  },
  $facet: (docs, arg, ctx) => {
    if (!isPlainObject(arg)) return undefined;
    const row: Doc = {};
    for (const [k, sub] of Object.entries(arg)) {
      if (!Array.isArray(sub)) return undefined;
      // Native and mingo stages never change their input documents, so the branches share them.
      row[k] = runStages(sub as Doc[], docs.slice(), ctx);
    }
    return [row];
  },
};

/**
 * One document in, none, one or several out; may throw DECLINE (the whole stage goes to mingo).
 * `owned` says the document was made by an earlier stage of the same fused run and is seen by
 * nothing else, so the stage may change it in place instead of copying it.
 */
type PerDoc = (doc: Doc, owned: boolean) => Doc | Doc[] | null;

/** Stages that work document by document; consecutive ones run fused, without arrays in between. */
const STREAM_STAGES: Record<string, (arg: unknown, ctx: RunContext) => PerDoc | undefined> = {
  $match: (arg) => {
    if (!isPlainObject(arg)) return undefined;
    if (Object.keys(arg).length === 0) return (doc) => doc;
    const test = compileMatch(arg);
    return (doc) => (test(doc) ? doc : null);
  },
  $addFields: addFields,
  $set: addFields,
  $project: (arg) => {
    if (!isPlainObject(arg)) return undefined;
    let withId = true;
    const included = new Set<string>();
    const computed: Array<[string, (doc: Doc) => unknown]> = [];
    for (const [k, v] of Object.entries(arg)) {
      if (k === '_id' && (v === 0 || v === false)) {
        withId = false;
        continue;
      }
      if (!topLevelName(k) && k !== '_id') return undefined;
      if (v === 1 || v === true) included.add(k);
      else if (k !== '_id' && ((typeof v === 'string' && v.startsWith('$')) || (isPlainObject(v) && Object.keys(v).length === 1 && (Object.keys(v)[0] as string).startsWith('$')))) {
        computed.push([k, evaluator(v)]);
      } else return undefined; // exclusions, literals, computed _id: mingo
    }
    if (withId) included.add('_id');
    if (included.size === (withId ? 1 : 0) && computed.length === 0) return undefined;
    // MongoDB's order: included fields as they come in the document, then computed fields as specified.
    return (doc) => {
      const out: Doc = {};
      for (const k in doc) if (included.has(k) && doc[k] !== undefined) out[k] = doc[k];
      for (const [k, f] of computed) {
        const value = f(doc);
        if (value !== undefined) out[k] = value;
      }
      return out;
    };
  },
  $unwind: (arg) => {
    if (typeof arg !== 'string' || !arg.startsWith('$') || !topLevelName(arg.slice(1))) return undefined;
    const field = arg.slice(1);
    return (doc) => {
      const v = doc[field];
      if (v === undefined || v === null) return null;
      if (!Array.isArray(v)) return decline(); // mingo drops some scalars ('') where MongoDB keeps them
      return v.map((el) => ({ ...doc, [field]: el }));
    };
  },
  $lookup: (arg, ctx) => {
    if (!isPlainObject(arg)) return undefined;
    const { from, localField, foreignField, as } = arg;
    if (Object.keys(arg).some((k) => !['from', 'localField', 'foreignField', 'as'].includes(k))) return undefined;
    if (typeof from !== 'string' || typeof localField !== 'string' || typeof foreignField !== 'string' || typeof as !== 'string' || !topLevelName(as)) return undefined;
    const coll = ctx.resolve(from);
    const hash = coll ? joinHash(coll, foreignField) : new JoinHash();
    if (!hash) return undefined;
    const local = localField.split('.');
    const empty: Doc[] = [];
    return (doc, owned) => {
      const v = scalarPathValue(doc, local) ?? null;
      // An array (join on any element) is left to mingo, which answers it its own way.
      if (!isScalar(v)) decline();
      const out = owned ? doc : { ...doc };
      out[as] = hash.get(v) ?? empty;
      return out;
    };
  },
};

function addFields(arg: unknown): PerDoc | undefined {
  if (!isPlainObject(arg)) return undefined;
  const fields = Object.entries(arg);
  if (fields.length === 0) return (doc) => doc;
  if (fields.some(([k]) => !topLevelName(k))) return undefined;
  const evals = fields.map(([k, v]) => [k, evaluator(v)] as const);
  if (evals.length === 1) {
    const [k, f] = evals[0] as (typeof evals)[0];
    return (doc, owned) => {
      const v = f(doc);
      const out = owned ? doc : { ...doc };
      if (v === undefined) delete out[k];
      else out[k] = v;
      return out;
    };
  }
  return (doc, owned) => {
    // Every expression sees the input document, none the fields set beside it.
    const values = evals.map(([, f]) => f(doc));
    const out = owned ? doc : { ...doc };
    evals.forEach(([k], i) => {
      const v = values[i];
      if (v === undefined) delete out[k];
      else out[k] = v;
    });
    return out;
  };
}

/** Runs document-by-document stages over `docs`; undefined when one of them declines. */
function runFused(docs: readonly Doc[], fns: readonly PerDoc[]): Doc[] | undefined {
  const out: Doc[] = [];
  const push = (doc: Doc, from: number, docOwned: boolean): void => {
    let cur: Doc = doc;
    let owned = docOwned;
    for (let i = from; i < fns.length; i++) {
      const r = (fns[i] as PerDoc)(cur, owned);
      if (r === null) return;
      if (Array.isArray(r)) {
        for (const d of r) push(d, i + 1, true);
        return;
      }
      owned ||= r !== cur;
      cur = r;
    }
    out.push(cur);
  };
  try {
    for (const doc of docs) push(doc, 0, false);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
  return out;
}

/**
 * $sort on scalar values of one type per key (other cases decline to mingo). With `keep`, only
 * the first `keep` documents are wanted (a $limit follows): a bounded insertion instead of a
 * full sort. Ties keep their input order either way.
 */
function sortDocs(docs: Doc[], arg: unknown, keep?: number): Doc[] | undefined {
  if (!isPlainObject(arg)) return undefined;
  const keys = Object.entries(arg).map(([k, d]) => [k.split('.'), d] as const);
  if (keys.length === 0 || keys.some(([p, d]) => (d !== 1 && d !== -1) || p.some((x) => x === '' || x.startsWith('$')))) return undefined;
  const n = keys.length;
  const dirs = keys.map(([, d]) => d as number);
  interface Row {
    doc: Doc;
    c: number[];
    v: Array<number | string>;
  }
  const cmp = (a: Row, b: Row): number => {
    for (let i = 0; i < n; i++) {
      const ca = a.c[i] as number;
      if (ca !== b.c[i]) decline(); // mixed types: mingo's order
      const va = a.v[i] as number | string;
      const vb = b.v[i] as number | string;
      if (va !== vb) return (va < vb ? -1 : 1) * (dirs[i] as number);
    }
    return 0;
  };
  try {
    const rowOf = (doc: Doc): Row => {
      const c: number[] = [];
      const v: Array<number | string> = [];
      for (const [p] of keys) {
        const x = sortValue(doc, p) ?? null; // missing sorts with null
        c.push(typeClass(x));
        v.push(scalarValue(x));
      }
      return { doc, c, v };
    };
    if (keep !== undefined && keep * 8 < docs.length) {
      const best: Row[] = [];
      for (const doc of docs) {
        const row = rowOf(doc);
        if (best.length === keep && cmp(row, best[keep - 1] as Row) >= 0) continue;
        let lo = 0;
        let hi = best.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cmp(row, best[mid] as Row) < 0) hi = mid;
          else lo = mid + 1;
        }
        best.splice(lo, 0, row);
        if (best.length > keep) best.pop();
      }
      return best.map((r) => r.doc);
    }
    const rows = docs.map(rowOf);
    rows.sort(cmp);
    return rows.map((r) => r.doc);
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

/** How many documents the stages after a $sort at `at` can use, when a $limit (after an optional $skip) follows it. */
function keptAfterSort(stages: readonly Doc[], at: number): number | undefined {
  const next = stages[at + 1];
  const after = stages[at + 2];
  const limitOf = (st: Doc | undefined): number | undefined =>
    st && Object.keys(st).length === 1 && typeof st.$limit === 'number' && Number.isInteger(st.$limit) && st.$limit > 0 ? st.$limit : undefined;
  const direct = limitOf(next);
  if (direct !== undefined) return direct;
  if (next && Object.keys(next).length === 1 && typeof next.$skip === 'number' && Number.isInteger(next.$skip) && next.$skip >= 0) {
    const lim = limitOf(after);
    if (lim !== undefined) return next.$skip + lim;
  }
  return undefined;
}

/** A value to sort on: scalars only (arrays and documents sort by rules mingo keeps). */
function sortValue(doc: Doc, parts: readonly string[]): unknown {
  const cur = scalarPathValue(doc, parts);
  if (cur !== undefined) typeClass(cur);
  return cur;
}

function groupKey(id: unknown): string {
  if (id === undefined) return 'z';
  if (isScalar(id)) return valueKey(id);
  if (isPlainObject(id)) {
    let key = '{';
    for (const [k, v] of Object.entries(id)) {
      if (!isScalar(v)) decline();
      key += JSON.stringify(k) + ':' + valueKey(v) + ',';
    }
    return key;
  }
  return decline();
}

interface Accumulator {
  init(): unknown;
  add(state: unknown, doc: Doc): unknown;
  result(state: unknown): unknown;
}

function compileAccumulator(spec: unknown): Accumulator | undefined {
  if (!isPlainObject(spec)) return undefined;
  const keys = Object.keys(spec);
  if (keys.length !== 1) return undefined;
  const op = keys[0] as string;
  const arg = spec[op];
  if (op === '$sum' && typeof arg === 'number') return { init: () => 0, add: (s) => (s as number) + arg, result: (s) => s };
  const f = compileExpr(arg);
  if (!f) return undefined;
  const value = (doc: Doc): unknown => f(doc, {});
  switch (op) {
    case '$sum':
      return {
        init: () => 0,
        add: (s, doc) => {
          const v = value(doc);
          return typeof v === 'number' ? (s as number) + v : s;
        },
        result: (s) => s,
      };
    case '$avg':
      return {
        init: () => [0, 0],
        add: (s, doc) => {
          const v = value(doc);
          const [sum, n] = s as [number, number];
          return typeof v === 'number' ? [sum + v, n + 1] : s;
        },
        result: (s) => {
          const [sum, n] = s as [number, number];
          return n === 0 ? null : sum / n;
        },
      };
    case '$max':
    case '$min': {
      const sign = op === '$max' ? 1 : -1;
      return {
        init: () => null,
        add: (s, doc) => {
          const v = value(doc);
          if (v === null || v === undefined) return s;
          if (Array.isArray(v)) decline();
          return s === null || compare(v, s) * sign > 0 ? v : s;
        },
        result: (s) => s,
      };
    }
    case '$addToSet':
      return {
        init: () => new Map<string, unknown>(),
        add: (s, doc) => {
          const v = value(doc);
          if (v === undefined || !isScalar(v)) decline();
          const set = s as Map<string, unknown>;
          const k = valueKey(v);
          if (!set.has(k)) set.set(k, v);
          return s;
        },
        result: (s) => Array.from((s as Map<string, unknown>).values()),
      };
    case '$push':
      return {
        init: () => [],
        add: (s, doc) => {
          const v = value(doc);
          if (v === undefined) decline();
          (s as unknown[]).push(v);
          return s;
        },
        result: (s) => s,
      };
    default:
      return undefined;
  }
}

/** The value at a path that must not cross an array (a path through an array declines to mingo). */
function scalarPathValue(doc: Doc, parts: readonly string[]): unknown {
  let cur: unknown = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) decline();
    if (!isPlainObject(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

/** Scalar → documents; strings keyed as they are (no key string to build per probe), others by valueKey. */
class JoinHash {
  private readonly strings = new Map<string, Doc[]>();
  private readonly others = new Map<string, Doc[]>();

  add(v: unknown, doc: Doc): void {
    const [map, k] = typeof v === 'string' ? [this.strings, v] : [this.others, valueKey(v)];
    const list = map.get(k);
    if (list) list.push(doc);
    else map.set(k, [doc]);
  }

  get(v: unknown): Doc[] | undefined {
    return typeof v === 'string' ? this.strings.get(v) : this.others.get(valueKey(v));
  }
}

/** foreignField value → documents of `coll` holding it, cached until the collection changes; undefined when not hashable. */
function joinHash(coll: CollectionState, foreignField: string): JoinHash | undefined {
  const cacheKey = `lookup:${foreignField}`;
  const cached = coll.derived.get(cacheKey) as JoinHash | null | undefined;
  if (cached !== undefined) return cached ?? undefined;
  const parts = foreignField.split('.');
  const hash = new JoinHash();
  let ok = true;
  try {
    for (const doc of coll.docs.values()) {
      const v = scalarPathValue(doc, parts) ?? null;
      for (const x of Array.isArray(v) ? v : [v]) {
        if (!isScalar(x)) decline();
        hash.add(x, doc);
      }
    }
  } catch (e) {
    if (e !== DECLINE) throw e;
    ok = false;
  }
  coll.derived.set(cacheKey, ok ? hash : null);
  return ok ? hash : undefined;
}

/** Runs `stages` on `docs`: document-by-document stages fused, others natively when they can, else through mingo. */
export function runStages(stages: readonly Doc[], docs: Doc[], ctx: RunContext): Doc[] {
  let cur = docs;
  let i = 0;
  while (i < stages.length) {
    const fns: PerDoc[] = [];
    let j = i;
    for (; j < stages.length; j++) {
      const f = streamStage(stages[j] as Doc, ctx);
      if (!f) break;
      fns.push(f);
    }
    if (fns.length > 0) {
      const out = runFused(cur, fns);
      if (out) {
        cur = out;
        i = j;
        continue;
      }
      // One of them declined: stage by stage, each natively or through mingo.
      for (let k = i; k < j; k++) cur = runFused(cur, [fns[k - i] as PerDoc]) ?? viaMingo(stages[k] as Doc, cur, ctx);
      i = j;
      continue;
    }
    const stage = stages[i] as Doc;
    const names = Object.keys(stage);
    const name = names[0] as string;
    const native = names.length === 1 ? STAGES[name] : undefined;
    const out = name === '$sort' && names.length === 1 ? sortDocs(cur, stage.$sort, keptAfterSort(stages, i)) : native?.(cur, stage[name], ctx);
    cur = out ?? viaMingo(stage, cur, ctx);
    i++;
  }
  return cur;
}

function streamStage(stage: Doc, ctx: RunContext): PerDoc | undefined {
  const names = Object.keys(stage);
  if (names.length !== 1) return undefined;
  return STREAM_STAGES[names[0] as string]?.(stage[names[0] as string], ctx);
}

function viaMingo(stage: Doc, docs: Doc[], ctx: RunContext): Doc[] {
  return new Aggregator([stage], { collectionResolver: (n: string) => ctx.resolve(n)?.all() ?? [] }).run(docs) as Doc[];
}
