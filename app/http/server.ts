import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Db } from 'mongodb';
import type { Logger } from '../logger.js';

/** Which kind of MongoDB the app runs on, as reported by the health check. */
export type StorageKind = 'embedded' | 'mongodb';

export interface HttpAppDeps {
  /** Only `command` is used: the health check pings the database. */
  db: Pick<Db, 'command'>;
  storage: StorageKind;
  version: string;
  logger: Logger;
  /** Routes of other parts (chat platforms, the tab), added before the 404 handler. */
  mounts?: ReadonlyArray<(app: Express) => void>;
}

/** The HTTP application: health check now, chat endpoints and the tab later. Listening is left to the caller. */
export function createHttpApp(deps: HttpAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    const body = { storage: deps.storage, version: deps.version };
    try {
      await deps.db.command({ ping: 1 });
      res.json({ status: 'ok', ...body });
    } catch (err) {
      deps.logger.warn({ err }, 'health check: database ping failed');
      res.status(503).json({ status: 'unavailable', ...body });
    }
  });

  for (const mount of deps.mounts ?? []) mount(app);

  app.use((req, res) => {
    res.status(404).json({ error: 'not_found', message: `no route for ${req.method} ${req.path}` });
  });

  // Express recognises error handlers by their four parameters, so `_next` must stay.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    deps.logger.error({ err, method: req.method, path: req.path }, 'request failed');
    res.status(500).json({ error: 'internal_error', message: 'internal server error' });
  });

  return app;
}
