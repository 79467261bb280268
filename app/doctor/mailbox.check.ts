// The AR mailbox of ARBOT_MAIL_PROVIDER: the settings it needs, then a login (IMAP and SMTP),
// a token (Graph: client credentials against Entra ID; Gmail: the service account's JWT).
import { access, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { resolve } from 'node:path';
import { errorText, fail, networkError, ok, skip, type CheckResult, type DoctorContext } from './check.js';

const NAME = 'mailbox';

export async function checkMailbox(ctx: DoctorContext): Promise<CheckResult[]> {
  const { config } = ctx;
  const m = config.mail;
  const results: CheckResult[] = [];
  if (config.company.arMailbox === undefined && m.provider !== 'none') {
    results.push(fail(NAME, 'ARBOT_AR_MAILBOX is not set: replies cannot be sent (the outbox job does not run)', 'set ARBOT_AR_MAILBOX to the AR mailbox address, lower-case'));
  }
  switch (m.provider) {
    case 'none':
      return [skip(NAME, `not configured (ARBOT_MAIL_PROVIDER=none): no mail is read${config.company.arMailbox ? `; replies are written to ${config.replies.outboxDir}` : ''}`)];
    case 'folder':
      return [...results, ...(await checkFolder(ctx))];
    case 'imap':
      return [...results, ...(await checkImap(ctx))];
    case 'graph':
      return [...results, ...(await checkGraph(ctx))];
    case 'gmail':
      return [...results, ...(await checkGmail(ctx))];
  }
}

async function checkFolder(ctx: DoctorContext): Promise<CheckResult[]> {
  const dir = ctx.config.mail.folder;
  try {
    await access(resolve(ctx.cwd, dir), constants.R_OK);
    return [ok(NAME, `folder ${dir} is readable; replies go to ${ctx.config.replies.outboxDir}`)];
  } catch (err) {
    return [fail(NAME, `folder ${dir} cannot be read (${(err as NodeJS.ErrnoException).code ?? errorText(err)})`, 'create it or set ARBOT_MAIL_FOLDER')];
  }
}

/** The names of the settings without a value. */
function missingSettings(names: ReadonlyArray<[string, unknown]>): string[] {
  return names.filter(([, value]) => value === undefined || value === '').map(([name]) => name);
}

async function checkImap(ctx: DoctorContext): Promise<CheckResult[]> {
  const m = ctx.config.mail;
  const missing = missingSettings([['IMAP_HOST', m.imapHost], ['IMAP_USER', m.imapUser], ['IMAP_PASSWORD', m.imapPassword], ['SMTP_HOST', m.smtpHost]]);
  if (missing.length > 0) return [fail(NAME, `imap: ${missing.join(', ')} not set`, `set ${missing.join(', ')} (see README › Mailboxes)`)];
  const host = m.imapHost as string;
  if (ctx.offline && !isLoopbackHost(host)) return [skip(NAME, `imap: settings complete; login to ${host} not checked: offline`)];
  const { connectImap, closeImap } = await import('../../adapters/mail/imap/imap-connection.js');
  const results: CheckResult[] = [];
  try {
    const client = await connectImap({ host, port: m.imapPort, secure: m.imapSecure, user: m.imapUser as string, password: m.imapPassword as string, timeoutMs: ctx.timeoutMs });
    try {
      const status = await client.status(m.imapFolder, { messages: true });
      results.push(ok(NAME, `imap: logged in to ${host}:${m.imapPort} as ${m.imapUser}; ${m.imapFolder} holds ${(status && status.messages) ?? '?'} messages`));
    } finally {
      await closeImap(client);
    }
  } catch (err) {
    results.push(fail(NAME, `imap: cannot log in to ${host}:${m.imapPort} as ${m.imapUser}: ${errorText(err)}`, 'check IMAP_HOST, IMAP_PORT, IMAP_SECURE, IMAP_USER and IMAP_PASSWORD (an app password where the host requires one)'));
  }
  results.push(...(await checkSmtp(ctx)));
  return results;
}

async function checkSmtp(ctx: DoctorContext): Promise<CheckResult[]> {
  const m = ctx.config.mail;
  const host = m.smtpHost as string;
  const user = m.smtpUser ?? m.imapUser;
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({
    host,
    port: m.smtpPort,
    secure: m.smtpSecure,
    requireTLS: !m.smtpSecure && !isLoopbackHost(host),
    auth: { user, pass: m.smtpPassword ?? m.imapPassword },
    connectionTimeout: ctx.timeoutMs,
    greetingTimeout: ctx.timeoutMs,
  });
  try {
    await transport.verify();
    return [ok(NAME, `smtp: logged in to ${host}:${m.smtpPort} as ${user}`)];
  } catch (err) {
    return [fail(NAME, `smtp: cannot log in to ${host}:${m.smtpPort} as ${user}: ${errorText(err)}`, 'check SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER and SMTP_PASSWORD')];
  } finally {
    transport.close();
  }
}

async function checkGraph(ctx: DoctorContext): Promise<CheckResult[]> {
  const m = ctx.config.mail;
  const missing = missingSettings([['GRAPH_TENANT_ID', m.graphTenantId], ['GRAPH_CLIENT_ID', m.graphClientId], ['GRAPH_MAILBOX', m.graphMailbox]]);
  if (m.graphClientSecret === undefined && m.graphCertificatePath === undefined) missing.push('GRAPH_CLIENT_SECRET (or GRAPH_CERTIFICATE_PATH)');
  if (missing.length > 0) {
    return [fail(NAME, `graph: ${missing.join(', ')} not set`, `set ${missing.join(', ')} from the app registration that may read and send as the AR mailbox (docs/deployment.md §6)`)];
  }
  if (ctx.offline) return [skip(NAME, 'graph: settings complete; token not checked: offline')];
  const { graphCredential, GRAPH_SCOPE } = await import('../../adapters/mail/graph/graph-client.js');
  try {
    const credential = graphCredential({
      tenantId: m.graphTenantId as string,
      clientId: m.graphClientId as string,
      ...(m.graphClientSecret === undefined ? {} : { clientSecret: m.graphClientSecret }),
      ...(m.graphCertificatePath === undefined ? {} : { certificatePath: resolve(ctx.cwd, m.graphCertificatePath) }),
    });
    const token = await credential.getToken(GRAPH_SCOPE, { abortSignal: AbortSignal.timeout(ctx.timeoutMs) });
    if (token === null) throw new Error('no token was issued');
    return [ok(NAME, `graph: app ${m.graphClientId} gets a token for tenant ${m.graphTenantId} (mailbox ${m.graphMailbox}; mailbox access is checked on the first sync)`)];
  } catch (err) {
    return [fail(NAME, `graph: no token for app ${m.graphClientId}: ${firstLine(networkError(err, ctx.timeoutMs))}`, 'check GRAPH_TENANT_ID, GRAPH_CLIENT_ID and the secret or certificate (expired?) of the app registration')];
  }
}

async function checkGmail(ctx: DoctorContext): Promise<CheckResult[]> {
  const m = ctx.config.mail;
  const missing = missingSettings([['GMAIL_SERVICE_ACCOUNT_FILE', m.gmailServiceAccountFile], ['GMAIL_USER', m.gmailUser]]);
  if (missing.length > 0) return [fail(NAME, `gmail: ${missing.join(', ')} not set`, `set ${missing.join(', ')} (docs/deployment.md §6)`)];
  const file = resolve(ctx.cwd, m.gmailServiceAccountFile as string);
  let key: { client_email?: unknown; private_key?: unknown };
  try {
    key = JSON.parse(await readFile(file, 'utf8')) as typeof key;
  } catch (err) {
    return [fail(NAME, `gmail: the key file ${m.gmailServiceAccountFile} cannot be read as JSON (${(err as NodeJS.ErrnoException).code ?? errorText(err)})`, 'download the service account\'s JSON key and set GMAIL_SERVICE_ACCOUNT_FILE to it')];
  }
  if (typeof key.client_email !== 'string' || typeof key.private_key !== 'string') {
    return [fail(NAME, `gmail: ${m.gmailServiceAccountFile} is not a service account key (no client_email or private_key)`, 'use the JSON key of the service account, not an OAuth client file')];
  }
  if (ctx.offline) return [skip(NAME, `gmail: key file of ${key.client_email} present; token not checked: offline`)];
  const { gmailServiceAccountAuth } = await import('../../adapters/mail/gmail/gmail-client.js');
  try {
    const auth = gmailServiceAccountAuth(file, m.gmailUser as string) as { getAccessToken(): Promise<{ token?: string | null }> };
    const token = await withTimeout(auth.getAccessToken(), ctx.timeoutMs);
    if (!token.token) throw new Error('no token was issued');
    return [ok(NAME, `gmail: ${key.client_email} acts as ${m.gmailUser} with the gmail.modify scope`)];
  } catch (err) {
    return [fail(NAME, `gmail: ${key.client_email} cannot act as ${m.gmailUser}: ${firstLine(networkError(err, ctx.timeoutMs))}`, 'grant the service account\'s client id domain-wide delegation for https://www.googleapis.com/auth/gmail.modify in the Google Admin console')];
  }
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms / 1000} s`), { name: 'TimeoutError' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
