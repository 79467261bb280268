// What every command handler receives. Handlers are synchronous: the state they read and the
// journal records they produce belong to one instant, which is what makes compaction safe.
import type { CursorRegistry } from '../cursors.js';
import type { Store, WriteBatch } from '../engine/store.js';
import type { CollectionState } from '../engine/collection.js';
import { CommandError, ErrorCodes, badValue } from '../errors.js';
import type { Doc } from '../engine/values.js';

export interface CommandContext {
  store: Store;
  cursors: CursorRegistry;
  db: string;
  batch: WriteBatch;
  connectionId: number;
}

export type CommandHandler = (cmd: Doc, ctx: CommandContext) => Doc;

/** The collection name that is the value of the command's first field. */
export function collectionName(cmd: Doc, field: string): string {
  const name = cmd[field];
  if (typeof name !== 'string' || name.length === 0) {
    throw new CommandError(ErrorCodes.InvalidOptions, `collection name must be a non-empty string in '${field}'`);
  }
  if (name.includes('\0') || name.startsWith('system.')) throw badValue(`Invalid collection name: ${name}`);
  return name;
}

export function existing(ctx: CommandContext, name: string): CollectionState | undefined {
  return ctx.store.getCollection(ctx.db, name);
}

export function optionalDoc(v: unknown, what: string): Doc | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new CommandError(ErrorCodes.TypeMismatch, `'${what}' must be an object`);
  return v as Doc;
}

export function optionalNumber(v: unknown, what: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new CommandError(ErrorCodes.TypeMismatch, `'${what}' must be a number`);
  if (v < 0) throw badValue(`'${what}' must be non-negative`);
  return v;
}
