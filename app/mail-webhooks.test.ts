// The mail notification routes over real HTTP (express on loopback), with the documented
// Graph and Pub/Sub payloads from test/fixtures.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { GMAIL_PUSH_PATH, GRAPH_LIFECYCLE_PATH, GRAPH_NOTIFICATIONS_PATH } from './mail-webhook-paths.js';
import { mountMailWebhooks, type MailWebhookDeps, type MailWebhookWork } from './mail-webhooks.js';

const graphFixtures = JSON.parse(readFileSync(new URL('../test/fixtures/graph/notifications.json', import.meta.url), 'utf8')) as Record<string, { value: Array<Record<string, unknown>> }>;
const gmailFixtures = JSON.parse(readFileSync(new URL('../test/fixtures/gmail/responses.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(deps: Partial<MailWebhookDeps>): Promise<{ url: string; work: MailWebhookWork[] }> {
  const work: MailWebhookWork[] = [];
  const app = express();
  mountMailWebhooks(app, {
    enqueue: async (w) => {
      work.push(w);
    },
    logger: pino({ level: 'silent' }),
    ...deps,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, work };
}

const post = (url: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('Graph notification routes', () => {
  const graph = { clientState: 'secretClientValue' };

  it('answers the validation handshake with the token as text/plain', async () => {
    const { url } = await serve({ graph });
    for (const path of [GRAPH_NOTIFICATIONS_PATH, GRAPH_LIFECYCLE_PATH]) {
      const res = await fetch(`${url}${path}?validationToken=${encodeURIComponent('Validation: Testing client application reachability for subscription Request-Id: 9a1b <script>')}`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe('Validation: Testing client application reachability for subscription Request-Id: 9a1b <script>');
    }
  });

  it('acknowledges with 202 and enqueues a sync only for notifications carrying our clientState', async () => {
    const { url, work } = await serve({ graph });
    expect((await post(`${url}${GRAPH_NOTIFICATIONS_PATH}`, graphFixtures['created'])).status).toBe(202);
    const forged = { value: graphFixtures['created']!.value.map((n) => ({ ...n, clientState: 'guess' })) };
    expect((await post(`${url}${GRAPH_NOTIFICATIONS_PATH}`, forged)).status).toBe(202);
    await settle();
    expect(work).toEqual([{ job: 'mail-sync', data: { reason: 'graph-notification' } }]);
  });

  it('turns lifecycle events into a renewal, a new subscription, or a sync', async () => {
    const { url, work } = await serve({ graph });
    for (const name of ['reauthorizationRequired', 'subscriptionRemoved', 'missed']) {
      expect((await post(`${url}${GRAPH_LIFECYCLE_PATH}`, graphFixtures[name])).status).toBe(202);
    }
    await settle();
    expect(work).toEqual([
      { job: 'mail-subscription', data: { force: true, reason: 'reauthorizationRequired' } },
      { job: 'mail-subscription', data: { recreate: true, reason: 'subscriptionRemoved' } },
      { job: 'mail-sync', data: { reason: 'subscriptionRemoved' } },
      { job: 'mail-sync', data: { reason: 'missed' } },
    ]);
  });

  it('is not mounted when Graph push is not configured', async () => {
    const { url } = await serve({});
    expect((await post(`${url}${GRAPH_NOTIFICATIONS_PATH}`, graphFixtures['created'])).status).toBe(404);
  });
});

describe('Gmail push route', () => {
  const push = (emailAddress: string) => ({
    ...gmailFixtures['pushMessage'],
    message: { ...(gmailFixtures['pushMessage']!['message'] as object), data: Buffer.from(JSON.stringify({ emailAddress, historyId: '9876543210' })).toString('base64') },
  });

  it('acknowledges a push with the right ?token= and enqueues a sync for our mailbox only', async () => {
    const { url, work } = await serve({ gmail: { user: 'ar@northwind.example', token: 'push-secret' } });
    expect((await post(`${url}${GMAIL_PUSH_PATH}?token=push-secret`, push('AR@northwind.example'))).status).toBe(204);
    expect((await post(`${url}${GMAIL_PUSH_PATH}?token=push-secret`, push('someone@else.example'))).status).toBe(204);
    expect((await post(`${url}${GMAIL_PUSH_PATH}?token=push-secret`, { message: { data: 'not json' } })).status).toBe(204);
    await settle();
    expect(work).toEqual([{ job: 'mail-sync', data: { reason: 'gmail-push' } }]);
  });

  it('refuses a push without a valid token or OIDC identity', async () => {
    const { url, work } = await serve({ gmail: { user: 'ar@northwind.example', token: 'push-secret', verifyOidc: async (h) => h === 'Bearer good' } });
    expect((await post(`${url}${GMAIL_PUSH_PATH}?token=wrong`, push('ar@northwind.example'))).status).toBe(403);
    expect((await post(`${url}${GMAIL_PUSH_PATH}`, push('ar@northwind.example'), { Authorization: 'Bearer bad' })).status).toBe(403);
    expect((await post(`${url}${GMAIL_PUSH_PATH}`, push('ar@northwind.example'), { Authorization: 'Bearer good' })).status).toBe(204);
    await settle();
    expect(work).toHaveLength(1);
  });
});
