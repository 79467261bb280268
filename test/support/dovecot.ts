// A real IMAP server for the tests: Dovecot started from a generated configuration in a temp
// dir, listening on a free loopback port, with one test user (any name, one password) whose
// mail lives in Maildirs under the temp dir. No SSL, no system files touched. Dovecot must be
// installed (CI installs dovecot-imapd); when it is missing, starting fails with a message
// that says so, and the tests fail: they are never skipped.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const DOVECOT_PATHS = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot', '/opt/homebrew/sbin/dovecot'];

export interface DovecotServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Root of the Maildirs (one per user). */
  mailRoot: string;
  stop(): Promise<void>;
}

/** Starts Dovecot; rejects with a clear message when it is not installed or does not come up. */
export async function startDovecot(options: { user?: string; password?: string } = {}): Promise<DovecotServer> {
  const binary = DOVECOT_PATHS.find((p) => existsSync(p));
  if (binary === undefined) {
    throw new Error(`Dovecot is not installed (looked for ${DOVECOT_PATHS.join(', ')}). The IMAP tests need it: apt-get install -y dovecot-imapd (CI's .ci/run does this).`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'arbot-dovecot-'));
  // Dovecot's login and mail processes run as other users when started by root.
  await chmod(dir, 0o755);
  const mailRoot = join(dir, 'mail');
  await mkdir(mailRoot, { recursive: true, mode: 0o777 });
  await chmod(mailRoot, 0o777);
  const port = await freePort();
  const user = options.user ?? 'ar@northwind.example';
  const password = options.password ?? 'test-password';
  const confPath = join(dir, 'dovecot.conf');
  await writeFile(confPath, dovecotConf({ dir, mailRoot, port, password }));
  const logPath = join(dir, 'dovecot.log');
  const child = spawn(binary, ['-F', '-c', confPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await waitForPort(port, child, 10_000);
  } catch (err) {
    child.kill('SIGKILL');
    const log = await readFile(logPath, 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`Dovecot did not start: ${(err as Error).message}\n${output}\n${log}`);
  }
  let stopped: Promise<void> | undefined;
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    mailRoot,
    stop: () => (stopped ??= stopChild(child).then(() => rm(dir, { recursive: true, force: true }))),
  };
}

function dovecotConf(o: { dir: string; mailRoot: string; port: number; password: string }): string {
  const me = userInfo();
  const root = me.uid === 0;
  // As root, Dovecot drops privileges to its own users (installed with the package); as anyone
  // else, everything runs as that user.
  const loginUser = root ? 'dovenull' : me.username;
  const internalUser = root ? 'dovecot' : me.username;
  const mailUid = root ? 'dovecot' : String(me.uid);
  const mailGid = root ? 'dovecot' : String(me.gid);
  return `
protocols = imap
listen = 127.0.0.1
base_dir = ${o.dir}/run
state_dir = ${o.dir}/state
log_path = ${o.dir}/dovecot.log
info_log_path = ${o.dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_login_user = ${loginUser}
default_internal_user = ${internalUser}
first_valid_uid = 0
mail_location = maildir:${o.mailRoot}/%u
mail_fsync = never
passdb {
  driver = static
  args = password=${o.password}
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${o.mailRoot}/%u
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
}
# No growing delay after the wrong-password tests (Dovecot's per-IP auth penalty).
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${o.port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with code ${child.exitCode}`);
    if (await canConnect(port)) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
