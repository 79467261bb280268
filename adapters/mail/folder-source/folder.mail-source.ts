// A MailSource over a directory of .eml files, for the demo and offline use: drop a message
// into the folder (write it under a dot-name or elsewhere, then rename it in, so it is never
// read half-written) and the next sync takes it in.
//
// Files are taken in the order they arrived in the folder: by change time (ctime, which a
// rename into the folder sets, unlike mtime which `cp -p` or an unzip preserves), then name.
// The cursor is that order's high-water mark plus the names already taken at exactly that
// time, so files arriving later with an equal (coarse) timestamp are still new. A file that
// is changed in place gets a new ctime and is delivered again, which mail sync absorbs (it
// processes a Message-ID once).
//
// With `moveProcessed`, files at or before the cursor a caller passes in are moved into
// `processed/` first: a caller only passes a cursor it has stored, and stores it only after
// the messages are stored, so a file is never moved before it was taken in.
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { MailSourceError, type MailCursor, type MailPage, type MailSource, type SourcedMessage } from '../../../core/mail/mail-source.js';
import { folderSourceError, isErrno } from './folder-errors.js';

export interface FolderMailSourceOptions {
  /** The folder the .eml files arrive in. */
  dir: string;
  /** Move taken-in files to `<dir>/processed/` (see above); default false. */
  moveProcessed?: boolean;
  /** For problems that do not stop a sync (a file that could not be moved). */
  logger?: Pick<Logger, 'warn'>;
  /** Debounce of watch notifications, in ms (default 100). */
  watchDebounceMs?: number;
}

/** The folder cursor: files up to (ctimeNs, names at that ctime) were delivered. */
interface FolderCursor {
  v: 1;
  /** Change time in nanoseconds since the epoch, as a decimal string (beyond Number's precision). */
  ctimeNs: string;
  /** Names delivered whose ctime equals `ctimeNs`. */
  names: string[];
}

interface Entry {
  name: string;
  ctimeNs: bigint;
}

export const PROCESSED_DIR = 'processed';

/** Reads new .eml files from a folder. */
export class FolderMailSource implements MailSource {
  readonly name = 'folder';
  readonly address: string;
  private readonly dir: string;

  constructor(private readonly options: FolderMailSourceOptions) {
    this.dir = resolve(options.dir);
    this.address = `folder:${this.dir}`;
  }

  async fetchSince(cursor: MailCursor | null, limit: number): Promise<MailPage> {
    const from = cursor === null ? START : parseCursor(cursor);
    try {
      const entries = await this.list();
      if (this.options.moveProcessed && cursor !== null) await this.moveTaken(entries.filter((e) => !isAfter(e, from)));
      const pending = entries.filter((e) => isAfter(e, from)).sort(compareEntries);
      const messages: SourcedMessage[] = [];
      let next = from;
      let seen = 0;
      for (const entry of pending) {
        if (messages.length >= limit) break;
        seen += 1;
        const raw = await this.read(entry.name);
        // Gone since the listing (moved away by someone else): nothing to take in.
        if (raw !== null) messages.push({ id: entry.name, raw });
        next = advance(next, entry);
      }
      return { messages, cursor: toJson(next), more: seen < pending.length };
    } catch (err) {
      throw folderSourceError(err, this.dir);
    }
  }

  /** Calls `onChange` (debounced) when a file is added to or renamed in the folder. */
  async watch(onChange: () => void): Promise<() => Promise<void>> {
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher;
    try {
      watcher = watch(this.dir, { persistent: false }, (_event, name) => {
        if (name !== null && !isMessageName(name.toString())) return;
        clearTimeout(timer);
        timer = setTimeout(onChange, this.options.watchDebounceMs ?? 100);
      });
    } catch (err) {
      throw folderSourceError(err, this.dir);
    }
    watcher.on('error', (err) => this.options.logger?.warn({ err, dir: this.dir }, 'folder mail source: watching stopped; polling continues'));
    return async () => {
      clearTimeout(timer);
      watcher.close();
    };
  }

  private async list(): Promise<Entry[]> {
    const dirents = await readdir(this.dir, { withFileTypes: true });
    const entries: Entry[] = [];
    for (const d of dirents) {
      if (!d.isFile() || !isMessageName(d.name)) continue;
      try {
        const st = await stat(join(this.dir, d.name), { bigint: true });
        entries.push({ name: d.name, ctimeNs: st.ctimeNs });
      } catch (err) {
        if (!isErrno(err, 'ENOENT')) throw err;
        // Moved away between readdir and stat: not ours to take in.
      }
    }
    return entries;
  }

  private async read(name: string): Promise<Uint8Array | null> {
    try {
      return await readFile(join(this.dir, name));
    } catch (err) {
      if (isErrno(err, 'ENOENT')) return null;
      throw err;
    }
  }

  /** Moves files the stored cursor has passed into processed/; a failure is logged, never fatal. */
  private async moveTaken(entries: readonly Entry[]): Promise<void> {
    if (entries.length === 0) return;
    const target = join(this.dir, PROCESSED_DIR);
    await mkdir(target, { recursive: true });
    for (const e of entries) {
      try {
        await rename(join(this.dir, e.name), join(target, e.name));
      } catch (err) {
        if (!isErrno(err, 'ENOENT')) this.options.logger?.warn({ err, file: e.name, dir: this.dir }, 'folder mail source: could not move a processed file');
      }
    }
  }
}

const START: FolderCursor = { v: 1, ctimeNs: '0', names: [] };

function isMessageName(name: string): boolean {
  return !name.startsWith('.') && name.toLowerCase().endsWith('.eml');
}

/** Whether the file comes after the cursor in arrival order. */
function isAfter(e: Entry, c: FolderCursor): boolean {
  const mark = BigInt(c.ctimeNs);
  return e.ctimeNs > mark || (e.ctimeNs === mark && !c.names.includes(e.name));
}

function compareEntries(a: Entry, b: Entry): number {
  if (a.ctimeNs !== b.ctimeNs) return a.ctimeNs < b.ctimeNs ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function advance(c: FolderCursor, e: Entry): FolderCursor {
  const mark = e.ctimeNs.toString();
  return mark === c.ctimeNs ? { v: 1, ctimeNs: mark, names: [...c.names, e.name] } : { v: 1, ctimeNs: mark, names: [e.name] };
}

function toJson(c: FolderCursor): MailCursor {
  return { v: c.v, ctimeNs: c.ctimeNs, names: [...c.names] };
}

function parseCursor(cursor: MailCursor): FolderCursor {
  const { v, ctimeNs, names } = cursor;
  if (v === 1 && typeof ctimeNs === 'string' && /^\d+$/.test(ctimeNs) && Array.isArray(names) && names.every((n) => typeof n === 'string')) {
    return { v: 1, ctimeNs, names: names as string[] };
  }
  throw new MailSourceError('cursor_expired', 'folder mail source: the stored cursor is not a folder cursor; starting the folder over');
}
