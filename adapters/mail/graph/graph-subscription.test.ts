// Creating and renewing the Graph subscription against the fake Graph server.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeGraph } from '../../../test/fixtures/graph/fake-graph.js';
import { fakeGraphApi } from '../../../test/fixtures/graph/graph-harness.js';
import { GRAPH_SUBSCRIPTION_MINUTES, GraphSubscriptionRegistrar } from './graph-subscription.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const now = new Date('2026-11-20T09:00:00Z');

function registrar(fake: FakeGraph) {
  return new GraphSubscriptionRegistrar({
    api: fakeGraphApi(fake),
    address: 'graph://ar@northwind.example/inbox',
    folder: 'inbox',
    notificationUrl: 'https://bot.example.com/api/mail/graph/notifications',
    lifecycleNotificationUrl: 'https://bot.example.com/api/mail/graph/lifecycle',
    clientState: 'secretClientValue',
  });
}

describe('GraphSubscriptionRegistrar', () => {
  it('creates a subscription for new messages in the folder, with clientState and a lifecycle URL', async () => {
    const fake = new FakeGraph().install();
    const state = await registrar(fake).ensure(null, now);
    const created = fake.subscriptions.get(state.id);
    expect(created).toMatchObject({
      changeType: 'created',
      resource: "users/ar@northwind.example/mailFolders('inbox')/messages",
      clientState: 'secretClientValue',
      lifecycleNotificationUrl: 'https://bot.example.com/api/mail/graph/lifecycle',
    });
    expect(state.expiresAt.getTime() - now.getTime()).toBe(GRAPH_SUBSCRIPTION_MINUTES * 60_000);
  });

  it('renews by PATCH, and creates a new one when Graph no longer knows the old (404)', async () => {
    const fake = new FakeGraph().install();
    const r = registrar(fake);
    const first = await r.ensure(null, now);
    const later = new Date(now.getTime() + 2 * 24 * 3600_000);
    const renewed = await r.ensure(first, later);
    expect(renewed.id).toBe(first.id);
    expect(renewed.expiresAt.getTime()).toBe(later.getTime() + GRAPH_SUBSCRIPTION_MINUTES * 60_000);
    fake.subscriptions.clear();
    const recreated = await r.ensure(renewed, later);
    expect(recreated.id).not.toBe(first.id);
    expect(fake.subscriptions.has(recreated.id)).toBe(true);
  });
});
