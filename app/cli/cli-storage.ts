import { resolve } from 'node:path';
import pino from 'pino';
import type { StorageHandle } from '../../storage/index.js';
import type { ArbotConfig } from '../config/schema.js';
import { ArbotError } from '../errors.js';
import type { CliContext } from './context.js';

/**
 * Opens the configured storage for a one-shot command: MONGODB_URI when set, else the embedded
 * store in ARBOT_DATA_DIR (joining a running arbot that serves it). Storage is imported on first
 * use so commands that never open it stay fast; its failures become one-line `arbot:` errors.
 */
export async function openCliStorage(config: ArbotConfig, context: CliContext): Promise<StorageHandle> {
  const storage = await import('../../storage/index.js');
  try {
    return await storage.openStorage({
      ...(config.storage.mongodbUri === undefined ? {} : { mongodbUri: config.storage.mongodbUri }),
      dataDir: resolve(context.cwd, config.storage.dataDir),
      dbName: config.storage.dbName,
      embeddedPort: config.storage.embeddedPort,
      journalCompactBytes: config.storage.journalCompactBytes,
      // Commands print their own results; storage's info lines would only clutter them.
      logger: pino({ level: 'silent' }),
      tenantId: config.tenant.id,
    });
  } catch (err) {
    if (err instanceof storage.StorageError) throw new ArbotError('storage_unavailable', err.message, { cause: err });
    throw err;
  }
}
