// One process owns a data directory. A second arbot process (a CLI command next to a
// running server) finds the owner's port in the lock file and connects to it instead.
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class EmbeddedLockedError extends Error {
  readonly code = 'EMBEDDED_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
    readonly ownerPort: number | undefined,
  ) {
    super(`data directory ${dataDir} is in use by process ${ownerPid}${ownerPort ? ` (embedded store on port ${ownerPort})` : ''}`);
    this.name = 'EmbeddedLockedError';
  }
}

interface LockContent {
  pid: number;
  port?: number;
}

const heldInThisProcess = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(path: string): Promise<LockContent | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (parsed && typeof parsed === 'object' && typeof (parsed as LockContent).pid === 'number') return parsed as LockContent;
    return undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (e instanceof SyntaxError) return undefined; // half-written by a process that died: stale
    throw e;
  }
}

export class DataDirLock {
  private constructor(private readonly path: string) {}

  /** Takes the lock, removing a stale one left by a dead process; throws EmbeddedLockedError if a live process holds it. */
  static async acquire(dataDir: string): Promise<DataDirLock> {
    const path = join(dataDir, 'embedded.lock');
    if (heldInThisProcess.has(path)) throw new EmbeddedLockedError(dataDir, process.pid, undefined);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fh = await open(path, 'wx');
        await fh.writeFile(JSON.stringify({ pid: process.pid }));
        await fh.close();
        heldInThisProcess.add(path);
        return new DataDirLock(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const owner = await readLock(path);
        if (owner && owner.pid !== process.pid && alive(owner.pid)) throw new EmbeddedLockedError(dataDir, owner.pid, owner.port);
        await rm(path, { force: true });
      }
    }
    throw new Error(`could not take the lock ${path}`);
  }

  /** Publishes the port so other processes can connect to the owner. */
  async publishPort(port: number): Promise<void> {
    await writeFile(this.path, JSON.stringify({ pid: process.pid, port }));
  }

  async release(): Promise<void> {
    heldInThisProcess.delete(this.path);
    await rm(this.path, { force: true });
  }
}
