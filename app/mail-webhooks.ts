// HTTP routes the mail providers push to. Each acknowledges at once and only enqueues work
// (a mail-sync run, or a subscription renewal): the sync itself reads the mailbox through its
// cursor, so a notification carries no data arbot trusts, and a lost or repeated one costs
// nothing (polling goes on).
//   Graph (https://learn.microsoft.com/graph/change-notifications-delivery-webhooks):
//     POST …/notifications?validationToken=… → 200 text/plain with the token (the handshake
//     when a subscription is created); a notification → 202, and only entries carrying our
//     clientState count. POST …/lifecycle (/graph/change-notifications-lifecycle-events):
//     reauthorizationRequired → renew now; subscriptionRemoved → create anew and sync;
//     missed → sync (the delta catches up on whatever was missed).
//   Gmail via Pub/Sub push (https://developers.google.com/workspace/gmail/api/guides/push):
//     POST …/push with { message: { data: base64 {emailAddress, historyId} } } → 204, after
//     checking Pub/Sub's OIDC token (GMAIL_PUSH_AUDIENCE) or the shared ?token= (GMAIL_PUSH_TOKEN).
import { timingSafeEqual } from 'node:crypto';
import express, { type Express, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { GMAIL_PUSH_PATH, GRAPH_LIFECYCLE_PATH, GRAPH_NOTIFICATIONS_PATH } from './mail-webhook-paths.js';

/** Work a notification can ask for. */
export type MailWebhookWork = { job: 'mail-sync'; data: { reason: string } } | { job: 'mail-subscription'; data: { force?: boolean; recreate?: boolean; reason: string } };

export interface MailWebhookDeps {
  /** Schedules the work (agenda, debounced); a failure is logged, the provider still gets its acknowledgement. */
  enqueue(work: MailWebhookWork): Promise<void>;
  logger: Pick<Logger, 'info' | 'warn' | 'debug' | 'error'>;
  graph?: { clientState: string };
  gmail?: {
    /** The impersonated mailbox; pushes for other addresses are acknowledged and ignored. */
    user: string;
    /** Expected ?token= value. */
    token?: string;
    /** Checks the Authorization header of an OIDC-authenticated push; resolves false to refuse it. */
    verifyOidc?: (authorization: string | undefined) => Promise<boolean>;
  };
}

interface GraphNotification {
  clientState?: unknown;
  lifecycleEvent?: unknown;
  subscriptionId?: unknown;
  changeType?: unknown;
}

/** Mounts the routes of the configured providers. */
export function mountMailWebhooks(app: Express, deps: MailWebhookDeps): void {
  const json = express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] });
  if (deps.graph) {
    const { clientState } = deps.graph;
    app.post(GRAPH_NOTIFICATIONS_PATH, json, (req, res) => {
      if (answerValidation(req, res)) return;
      const { ours, foreign } = splitByClientState(req.body, clientState);
      res.status(202).end();
      if (foreign > 0) deps.logger.warn({ foreign }, 'graph notification: entries without our clientState were ignored');
      if (ours.length > 0) later(deps, { job: 'mail-sync', data: { reason: 'graph-notification' } });
    });
    app.post(GRAPH_LIFECYCLE_PATH, json, (req, res) => {
      if (answerValidation(req, res)) return;
      const { ours, foreign } = splitByClientState(req.body, clientState);
      res.status(202).end();
      if (foreign > 0) deps.logger.warn({ foreign }, 'graph lifecycle notification: entries without our clientState were ignored');
      for (const work of lifecycleWork(ours)) later(deps, work);
    });
  }
  const gmail = deps.gmail;
  if (gmail) {
    app.post(GMAIL_PUSH_PATH, json, async (req, res) => {
      if (!(await pushAllowed(req, gmail))) {
        deps.logger.warn({ ip: req.ip }, 'gmail push: refused (no valid OIDC token or ?token=)');
        res.status(403).end();
        return;
      }
      const notice = decodePush(req.body);
      // Pub/Sub counts 204 as an acknowledgement, and redelivers on anything else: a message we cannot read is still acknowledged.
      res.status(204).end();
      if (notice === undefined) {
        deps.logger.warn('gmail push: a message without a readable { emailAddress, historyId } was acknowledged and ignored');
        return;
      }
      if (notice.emailAddress.toLowerCase() !== gmail.user.toLowerCase()) {
        deps.logger.debug({ emailAddress: notice.emailAddress }, 'gmail push: for another mailbox; ignored');
        return;
      }
      later(deps, { job: 'mail-sync', data: { reason: 'gmail-push' } });
    });
  }
}

/** The work Graph lifecycle events ask for (pure). */
export function lifecycleWork(notifications: readonly GraphNotification[]): MailWebhookWork[] {
  const events = new Set(notifications.map((n) => n.lifecycleEvent));
  const work: MailWebhookWork[] = [];
  if (events.has('subscriptionRemoved')) work.push({ job: 'mail-subscription', data: { recreate: true, reason: 'subscriptionRemoved' } });
  else if (events.has('reauthorizationRequired')) work.push({ job: 'mail-subscription', data: { force: true, reason: 'reauthorizationRequired' } });
  if (events.has('missed') || events.has('subscriptionRemoved')) work.push({ job: 'mail-sync', data: { reason: events.has('missed') ? 'missed' : 'subscriptionRemoved' } });
  return work;
}

/** The validation handshake: echo the token as text/plain, 200, within 10 seconds. */
function answerValidation(req: Request, res: Response): boolean {
  const token = req.query['validationToken'];
  if (typeof token !== 'string') return false;
  // Echoed as plain text only, never as HTML, so a crafted token cannot become markup.
  res.status(200).type('text/plain').send(token);
  return true;
}

function splitByClientState(body: unknown, clientState: string): { ours: GraphNotification[]; foreign: number } {
  const value = typeof body === 'object' && body !== null && Array.isArray((body as { value?: unknown }).value) ? ((body as { value: unknown[] }).value as GraphNotification[]) : [];
  const ours = value.filter((n) => typeof n === 'object' && n !== null && typeof n.clientState === 'string' && sameSecret(n.clientState, clientState));
  return { ours, foreign: value.length - ours.length };
}

async function pushAllowed(req: Request, gmail: NonNullable<MailWebhookDeps['gmail']>): Promise<boolean> {
  if (gmail.verifyOidc !== undefined) {
    if (await gmail.verifyOidc(req.get('authorization')).catch(() => false)) return true;
  }
  const token = req.query['token'];
  return gmail.token !== undefined && typeof token === 'string' && sameSecret(token, gmail.token);
}

/** The Gmail notice inside a Pub/Sub push body, or undefined. */
export function decodePush(body: unknown): { emailAddress: string; historyId: string } | undefined {
  const data = (body as { message?: { data?: unknown } } | undefined)?.message?.data;
  if (typeof data !== 'string') return undefined;
  try {
    const notice = JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as { emailAddress?: unknown; historyId?: unknown };
    if (typeof notice.emailAddress !== 'string') return undefined;
    return { emailAddress: notice.emailAddress, historyId: String(notice.historyId ?? '') };
  } catch {
    return undefined;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Enqueues after the response went out; a failure is logged (the next poll picks the mail up anyway). */
function later(deps: MailWebhookDeps, work: MailWebhookWork): void {
  deps.enqueue(work).catch((err: unknown) => deps.logger.error({ err, job: work.job }, 'mail webhook: could not enqueue the work; the next poll will catch up'));
}
