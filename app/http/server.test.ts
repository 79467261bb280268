import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { listen, type HttpServerHandle } from './listen.js';
import { createHttpApp, type HttpAppDeps } from './server.js';

const logger = createLogger({ level: 'silent' });
let server: HttpServerHandle | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(db: HttpAppDeps['db']): Promise<string> {
  server = await listen(createHttpApp({ db, storage: 'embedded', version: '1.2.3', logger }), '127.0.0.1', 0);
  return server.url;
}

describe('createHttpApp', () => {
  it('answers /healthz after pinging the database', async () => {
    const commands: unknown[] = [];
    const url = await serve({ command: async (command) => (commands.push(command), { ok: 1 }) });
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', storage: 'embedded', version: '1.2.3' });
    expect(commands).toEqual([{ ping: 1 }]);
  });

  it('answers 503 when the database does not respond', async () => {
    const url = await serve({ command: async () => Promise.reject(new Error('connection closed')) });
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable' });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const url = await serve({ command: async () => ({ ok: 1 }) });
    const response = await fetch(`${url}/nope`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ error: 'not_found', message: 'no route for POST /nope' });
  });
});
