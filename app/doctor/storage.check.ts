// Storage: MongoDB answers a ping within the timeout (and says whether it is a replica set),
// or the embedded store's data folder can be written. Leaves the database in the context for
// the SoR check; the command closes it.
import { randomBytes } from 'node:crypto';
import { access, mkdir, open, unlink } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { errorText, fail, ok, skip, type CheckResult, type DoctorContext } from './check.js';

const NAME = 'storage';

/** What the command must close afterwards. */
export interface OpenedStore {
  close(): Promise<void>;
}

export async function checkStorage(ctx: DoctorContext, opened: OpenedStore[]): Promise<CheckResult[]> {
  const { storage } = ctx.config;
  const { openStorage, StorageError } = await import('../../storage/index.js');
  const silent = pino({ level: 'silent' });
  if (storage.mongodbUri !== undefined) {
    try {
      const handle = await openStorage({ mongodbUri: storage.mongodbUri, dataDir: storage.dataDir, dbName: storage.dbName, logger: silent, tenantId: ctx.config.tenant.id, serverSelectionTimeoutMS: ctx.timeoutMs });
      opened.push(handle);
      ctx.db = handle.db;
      const hello = (await handle.db.admin().command({ hello: 1 })) as { setName?: string; msg?: string };
      const topology = hello.setName ? `replica set ${hello.setName}` : hello.msg === 'isdbgrid' ? 'sharded cluster (mongos)' : 'standalone server: use a replica set in production';
      return [ok('MongoDB', `${handle.describe} answers (${topology})`)];
    } catch (err) {
      // StorageError messages name MONGODB_URI with the credentials scrubbed.
      const detail = err instanceof StorageError ? err.message : errorText(err);
      return [fail('MongoDB', detail.replace(/^MONGODB_URI: /, 'MONGODB_URI: '), 'check MONGODB_URI (host, port, credentials), that the server runs and that this machine may reach it (firewall, Atlas IP access list)')];
    }
  }
  const dir = resolve(ctx.cwd, storage.dataDir);
  const writable = await checkWritable(dir);
  if (writable !== null) return [fail(NAME, `embedded store: the data folder ${storage.dataDir} cannot be written (${writable})`, 'set ARBOT_DATA_DIR to a folder this user may write, or fix its permissions')];
  const results = [ok(NAME, `embedded store in ${storage.dataDir} (writable; one process only: set MONGODB_URI for several processes)`)];
  if (!(await exists(dir))) {
    results.push(skip(NAME, `${storage.dataDir} does not exist yet: \`arbot start\` creates it`));
    return results;
  }
  try {
    const handle = await openStorage({ dataDir: dir, dbName: storage.dbName, embeddedPort: 0, journalCompactBytes: storage.journalCompactBytes, logger: silent, tenantId: ctx.config.tenant.id, serverSelectionTimeoutMS: ctx.timeoutMs });
    opened.push(handle);
    ctx.db = handle.db;
  } catch (err) {
    results.push(fail(NAME, `embedded store in ${storage.dataDir} cannot be opened: ${errorText(err)}`, 'see the error; a damaged journal is reported by `arbot start` with its file'));
  }
  return results;
}

/** null when a file can be created in `dir` (made if missing, as `arbot start` would); else why not. */
async function checkWritable(dir: string): Promise<string | null> {
  const parent = (await exists(dir)) ? dir : resolve(dir, '..');
  const probe = join(parent, `.arbot-doctor-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(parent, { recursive: true });
    const handle = await open(probe, 'wx');
    await handle.close();
    await unlink(probe);
    return null;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? errorText(err);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
