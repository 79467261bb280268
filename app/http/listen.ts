import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ArbotError } from '../errors.js';

/** A listening HTTP server. */
export interface HttpServerHandle {
  url: string;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
}

/** Listens on host:port; a bind failure becomes a one-line ArbotError naming PORT or ARBOT_HOST. */
export async function listen(handler: RequestListener, host: string, port: number): Promise<HttpServerHandle> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(listenError(err, host, port)));
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${shownHost}:${address.port}`, close: () => closeServer(server) };
}

/** Maps a listen error to what the user should change. */
export function listenError(err: unknown, host: string, port: number): ArbotError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return new ArbotError('port_in_use', `PORT ${port} is already in use`, { cause: err });
  if (code === 'EACCES') {
    return new ArbotError('listen_failed', `PORT ${port} needs elevated privileges; use a port above 1023`, { cause: err });
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new ArbotError('listen_failed', `ARBOT_HOST ${host} is not an address of this machine`, { cause: err });
  }
  const reason = err instanceof Error ? err.message : String(err);
  return new ArbotError('listen_failed', `cannot listen on ${host}:${port} (ARBOT_HOST, PORT): ${reason}`, { cause: err });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // close() waits for keep-alive sockets; idle ones carry no work, so drop them now.
    server.closeIdleConnections();
  });
}
