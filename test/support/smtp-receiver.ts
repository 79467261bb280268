// A local SMTP server for the tests (smtp-server on a free loopback port) that records every
// message it accepts: envelope and raw bytes. It can require a login, refuse recipients for
// good (550) or for now (451), as a real server would.
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface SmtpReceiver {
  host: string;
  port: number;
  user: string;
  password: string;
  received: ReceivedMail[];
  stop(): Promise<void>;
}

export interface SmtpReceiverOptions {
  /** Require AUTH with user/password (plain, since there is no TLS on loopback). */
  auth?: { user: string; password: string };
  /** Recipients refused with 550 (no such user). */
  refuse?: string[];
  /** Recipients refused with 451 (try again later). */
  defer?: string[];
}

export async function startSmtpReceiver(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const auth = options.auth;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: auth === undefined,
    logger: false,
    onAuth(credentials, _session, callback) {
      if (auth && credentials.username === auth.user && credentials.password === auth.password) return callback(null, { user: credentials.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      if (options.refuse?.includes(to)) return callback(Object.assign(new Error(`No such user: ${to}`), { responseCode: 550 }));
      if (options.defer?.includes(to)) return callback(Object.assign(new Error(`Mailbox busy: ${to}`), { responseCode: 451 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    host: '127.0.0.1',
    port,
    user: auth?.user ?? '',
    password: auth?.password ?? '',
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
