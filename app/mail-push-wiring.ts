// Builds the mail webhook routes for `arbot start`: what the configured provider accepts,
// and an enqueue that schedules agenda jobs on the shared database, debounced, so a burst of
// notifications becomes one sync run. The HTTP process may not run jobs itself; whichever
// worker does picks the job up.
import type { Express } from 'express';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { ArbotConfig } from './config/schema.js';
import { mountMailWebhooks, type MailWebhookDeps, type MailWebhookWork } from './mail-webhooks.js';

/** Debounce window: notifications within it are one run. */
const DEBOUNCE_MS = 5_000;

/** The mounts for the configured provider's push routes (none for other providers or when push is not configured). */
export async function mailWebhookMounts(opts: { db: Db; config: ArbotConfig; logger: Logger }): Promise<Array<(app: Express) => void>> {
  const { config, logger } = opts;
  const m = config.mail;
  const graph = m.provider === 'graph' && m.graphClientState !== undefined ? { clientState: m.graphClientState } : undefined;
  let gmail: MailWebhookDeps['gmail'];
  if (m.provider === 'gmail' && m.gmailUser !== undefined && m.gmailPubsubTopic !== undefined) {
    if (m.gmailPushAudience === undefined && m.gmailPushToken === undefined) {
      logger.warn('GMAIL_PUBSUB_TOPIC is set but neither GMAIL_PUSH_AUDIENCE nor GMAIL_PUSH_TOKEN: the push endpoint stays closed and arbot only polls');
    } else {
      gmail = { user: m.gmailUser, ...(m.gmailPushToken === undefined ? {} : { token: m.gmailPushToken }), ...(m.gmailPushAudience === undefined ? {} : { verifyOidc: await oidcVerifier(m.gmailPushAudience) }) };
    }
  }
  if (graph === undefined && gmail === undefined) return [];
  const enqueue = await agendaEnqueue(opts.db);
  const deps: MailWebhookDeps = { enqueue, logger: logger.child({ component: 'mail-webhooks' }), ...(graph ? { graph } : {}), ...(gmail ? { gmail } : {}) };
  return [(app) => mountMailWebhooks(app, deps)];
}

/** Schedules jobs through an agenda instance that is never started: it only writes job documents. */
async function agendaEnqueue(db: Db): Promise<(work: MailWebhookWork) => Promise<void>> {
  const [{ Agenda }, { MongoBackend }, { JOBS_COLLECTION }] = await Promise.all([import('agenda'), import('@agendajs/mongo-backend'), import('../jobs/runner.js')]);
  const agenda = new Agenda({ backend: new MongoBackend({ mongo: db, collection: JOBS_COLLECTION }) });
  return async (work) => {
    await agenda.nowDebounced(work.job, work.data, { name: work.job, 'data.reason': work.data.reason }, DEBOUNCE_MS);
  };
}

/** Verifies Pub/Sub's OIDC token: signed by Google for `audience`. */
async function oidcVerifier(audience: string): Promise<(authorization: string | undefined) => Promise<boolean>> {
  const { OAuth2Client } = await import('google-auth-library');
  const client = new OAuth2Client();
  return async (authorization) => {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (token === undefined) return false;
    const ticket = await client.verifyIdToken({ idToken: token, audience });
    return ticket.getPayload()?.email_verified === true;
  };
}
