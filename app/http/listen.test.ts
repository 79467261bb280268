import { describe, expect, it } from 'vitest';
import { ArbotError } from '../errors.js';
import { listen, listenError } from './listen.js';

const ok = (_req: unknown, res: { end(): void }): void => res.end();

describe('listen', () => {
  it('reports the address it listens on, with the port picked for 0', async () => {
    const server = await listen(ok, '127.0.0.1', 0);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await server.close();
  });

  it('names PORT when the port is taken', async () => {
    const first = await listen(ok, '127.0.0.1', 0);
    const port = Number(new URL(first.url).port);
    try {
      await expect(listen(ok, '127.0.0.1', port)).rejects.toMatchObject({
        code: 'port_in_use',
        message: `PORT ${port} is already in use`,
      });
    } finally {
      await first.close();
    }
  });

  it('names ARBOT_HOST when the host is not local', () => {
    const err = Object.assign(new Error('listen EADDRNOTAVAIL'), { code: 'EADDRNOTAVAIL' });
    expect(listenError(err, '10.9.8.7', 80)).toEqual(new ArbotError('listen_failed', 'ARBOT_HOST 10.9.8.7 is not an address of this machine'));
  });
});
