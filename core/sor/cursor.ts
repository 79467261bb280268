// Cursor logic of the sync: which kind of run is due, and where an entity's modified-since
// cursor moves after a run. Pure, with the clock passed in.
import type { SorEntity } from './sor-connector.js';

export type SyncMode = 'full' | 'incremental' | 'customer';

/** Per-entity incremental cursor: records modified at or after `modifiedSince` are read next time. */
export type EntityCursors = Partial<Record<SorEntity, { modifiedSince?: Date }>>;

export interface ModeInput {
  /** What the caller asked for; `auto` lets the schedule decide. */
  requested: 'auto' | 'full' | 'incremental';
  /** End of the last successful full sync of this source, if any. */
  lastFullAt: Date | undefined;
  now: Date;
  /** A full sync is due when the last one ended longer ago than this. */
  fullEveryMs: number;
}

/** The mode a scheduled or requested run uses: incremental needs a full sync behind it, and a full one is due periodically. */
export function chooseMode(input: ModeInput): 'full' | 'incremental' {
  if (input.requested === 'full' || input.lastFullAt === undefined) return 'full';
  if (input.requested === 'incremental') return 'incremental';
  return input.now.getTime() - input.lastFullAt.getTime() >= input.fullEveryMs ? 'full' : 'incremental';
}

/**
 * Where an entity's cursor moves after it was read completely. It follows the newest
 * modification seen (the SoR's clock), but never past the moment reading began less an
 * overlap: a record changed while the run was reading it may carry an earlier stamp than
 * one read later, and must be read again next time (re-reading an unchanged record is free).
 */
export function nextCursor(previous: Date | undefined, newestSeen: Date | undefined, readStartedAt: Date, overlapMs: number): Date | undefined {
  if (newestSeen === undefined) return previous;
  const candidate = previous !== undefined && previous > newestSeen ? previous : newestSeen;
  const bound = new Date(readStartedAt.getTime() - overlapMs);
  return candidate < bound ? candidate : bound;
}

/** The later of two optional instants. */
export function later(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}
