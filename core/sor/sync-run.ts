// A sync run as it is recorded and shown (`arbot sync status`): what ran, how far it got,
// what it counted per entity, the records it refused and the inconsistencies it found.
import type { ConsistencyProblem } from './consistency.js';
import type { SyncMode } from './cursor.js';
import { SOR_ENTITIES, type SorEntity } from './sor-connector.js';

/**
 * running: in progress, or its process died (then the next sync resumes it); interrupted: stopped
 * by a temporary SoR failure, resumed by the next sync; abandoned: its source is no longer configured.
 */
export type SyncRunStatus = 'running' | 'interrupted' | 'succeeded' | 'failed' | 'abandoned';
export type SyncTrigger = 'schedule' | 'cli' | 'import' | 'chat';

export interface EntityCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  invalid: number;
}

/** Where reading an entity stands within a run: what a resumed run continues from. */
export interface EntityProgress {
  done: boolean;
  /** Checkpoint of the last page stored. */
  checkpoint?: string;
  /** The modified-since bound this run reads the entity with (absent: everything). */
  since?: Date;
  /** Newest modification stamp among the records stored so far. */
  newestSeen?: Date;
  readStartedAt: Date;
  /** False once a record without a usable key was refused: then the sweep could delete a record that still exists. */
  sweepSafe: boolean;
}

export interface InvalidRecord {
  entity: SorEntity;
  key?: string;
  reasons: string[];
}

export interface SyncRun {
  id: string;
  tenantId: string;
  sourceId: string;
  connector: string;
  mode: SyncMode;
  customerSorId?: string;
  trigger: SyncTrigger;
  status: SyncRunStatus;
  startedAt: Date;
  finishedAt?: Date;
  /** How many times a killed run was picked up again. */
  resumed: number;
  progress: Partial<Record<SorEntity, EntityProgress>>;
  counts: Record<SorEntity, EntityCounts>;
  /** The first refused records (capped: see invalidTotal). */
  invalid: InvalidRecord[];
  invalidTotal: number;
  /** The first consistency problems (capped: see problemsTotal). */
  problems: ConsistencyProblem[];
  problemsTotal: number;
  error?: string;
}

/** Most refused records and problems a run keeps; the totals count them all. */
export const RUN_LIST_CAP = 200;

export function emptyCounts(): Record<SorEntity, EntityCounts> {
  return Object.fromEntries(SOR_ENTITIES.map((e) => [e, { read: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0, invalid: 0 }])) as Record<SorEntity, EntityCounts>;
}
