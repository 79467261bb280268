// How arbot reaches an IMAP server: the settings, and one place that turns them into a
// connected imapflow client (constructed here, at the edge, and handed to the adapters).
import { ImapFlow } from 'imapflow';

export interface ImapSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 993); false: plain, upgraded with STARTTLS. */
  secure: boolean;
  user: string;
  password: string;
  /** Connection and greeting timeout in ms (default 30 s). */
  timeoutMs?: number;
}

/** Loopback needs no TLS (tests, a local bridge); anywhere else STARTTLS is required when not `secure`, so credentials never cross the network in clear. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** A connected, logged-in client. */
export async function connectImap(settings: ImapSettings): Promise<ImapFlow> {
  const timeout = settings.timeoutMs ?? 30_000;
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.secure || isLoopback(settings.host) ? {} : { doSTARTTLS: true }),
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: 5 * 60_000,
  });
  // imapflow emits 'error' for failures outside a command (a dropped socket); commands still
  // reject with their own error, so this only keeps an unhandled 'error' from ending the process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** `imap://user@host:port/folder`, the key a folder's cursor is stored under. */
export function imapAddress(settings: Pick<ImapSettings, 'host' | 'port' | 'user'>, folder: string): string {
  return `imap://${encodeURIComponent(settings.user)}@${settings.host}:${settings.port}/${encodeURIComponent(folder)}`;
}

/** Logs out politely; a connection that is already gone is just closed. */
export async function closeImap(client: ImapFlow): Promise<void> {
  try {
    if (client.usable) await client.logout();
  } catch {
    // The server hung up first: there is nothing left to log out of.
  } finally {
    client.close();
  }
}
