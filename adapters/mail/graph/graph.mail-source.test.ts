// The Graph source against the fake Graph server (documented delta shapes over nock).
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MailSourceError } from '../../../core/mail/mail-source.js';
import { FakeGraph, graphErrors } from '../../../test/fixtures/graph/fake-graph.js';
import { fakeGraphApi } from '../../../test/fixtures/graph/graph-harness.js';
import { messageIdOf, sourceMessage } from '../../../test/conformance/mail-source.suite.js';
import { GraphMailSource } from './graph.mail-source.js';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const ids = (page: { messages: Array<{ raw: Uint8Array }> }) => page.messages.map((m) => messageIdOf(m.raw));

describe('GraphMailSource', () => {
  it('pages a round by @odata.nextLink, ends it with the @odata.deltaLink, and skips @removed entries', async () => {
    const fake = new FakeGraph().install();
    const sent = [sourceMessage('a'), sourceMessage('b'), sourceMessage('c')];
    const delivered = sent.map((m) => fake.deliver(m.raw));
    const source = new GraphMailSource({ api: fakeGraphApi(fake) });
    const first = await source.fetchSince(null, 2);
    expect(first.more).toBe(true);
    expect(String(first.cursor['link'])).toMatch(/\$skiptoken=/);
    const second = await source.fetchSince(first.cursor, 2);
    expect(second.more).toBe(false);
    expect(String(second.cursor['link'])).toMatch(/\$deltatoken=/);
    expect([...ids(first), ...ids(second)]).toEqual(sent.map((m) => m.messageId));

    fake.remove(delivered[0]!.id);
    const later = sourceMessage('later');
    fake.deliver(later.raw);
    const next = await source.fetchSince(second.cursor, 10);
    expect(ids(next)).toEqual([later.messageId]);
  });

  it('resumes in the middle of a round after a restart, from the stored nextLink', async () => {
    const fake = new FakeGraph().install();
    const sent = Array.from({ length: 5 }, (_, i) => sourceMessage(`r${i}`));
    for (const m of sent) fake.deliver(m.raw);
    const first = await new GraphMailSource({ api: fakeGraphApi(fake) }).fetchSince(null, 2);
    // The process dies here; the cursor was stored as JSON.
    const stored = JSON.parse(JSON.stringify(first.cursor)) as typeof first.cursor;
    const restarted = new GraphMailSource({ api: fakeGraphApi(fake) });
    const rest = await restarted.fetchSince(stored, 10);
    expect([...ids(first), ...ids(rest)]).toEqual(sent.map((m) => m.messageId));
    expect(fake.requests.filter((r) => r.path.endsWith('/delta')).length).toBe(2);
  });

  it('sends Prefer: IdType="ImmutableId" on every call, with the page size on delta calls', async () => {
    const fake = new FakeGraph().install();
    fake.deliver(sourceMessage().raw);
    await new GraphMailSource({ api: fakeGraphApi(fake) }).fetchSince(null, 7);
    expect(fake.requests.length).toBeGreaterThanOrEqual(2);
    for (const r of fake.requests) expect(String(r.headers['prefer'])).toContain('IdType="ImmutableId"');
    expect(String(fake.requests[0]!.headers['prefer'])).toContain('odata.maxpagesize=7');
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    const fake = new FakeGraph().install();
    fake.deliver(sourceMessage().raw);
    fake.fail({ match: /\/delta$/, status: 429, body: graphErrors.throttled, headers: { 'Retry-After': '7' } });
    fake.fail({ match: /\$value$/, status: 503, body: graphErrors.unavailable, headers: { 'Retry-After': '3' } });
    const waits: number[] = [];
    const page = await new GraphMailSource({ api: fakeGraphApi(fake, { waits }) }).fetchSince(null, 10);
    expect(page.messages).toHaveLength(1);
    expect(waits).toEqual([7000, 3000]);
  });

  it('rejects an expired delta link (410 Gone) with cursor_expired', async () => {
    const fake = new FakeGraph().install();
    const source = new GraphMailSource({ api: fakeGraphApi(fake) });
    const page = await source.fetchSince(null, 10);
    fake.expireDeltaTokens();
    const err = await source.fetchSince(page.cursor, 10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailSourceError);
    expect((err as MailSourceError).code).toBe('cursor_expired');
  });

  it('delivers one message per internetMessageId in a page and skips drafts', async () => {
    const fake = new FakeGraph().install();
    const m = sourceMessage('twice');
    fake.deliver(m.raw);
    fake.deliver(m.raw);
    const page = await new GraphMailSource({ api: fakeGraphApi(fake) }).fetchSince(null, 10);
    expect(ids(page)).toEqual([m.messageId]);
  });

  it('tags messages with the processed category once their cursor comes back, and does not deliver them again', async () => {
    const fake = new FakeGraph().install();
    const m = sourceMessage('tag');
    const stored = fake.deliver(m.raw);
    const source = new GraphMailSource({ api: fakeGraphApi(fake), processedCategory: 'arbot: processed' });
    const first = await source.fetchSince(null, 10);
    expect(ids(first)).toEqual([m.messageId]);
    expect(stored.categories).toEqual([]);
    const second = await source.fetchSince(first.cursor, 10);
    expect(stored.categories).toEqual(['arbot: processed']);
    // The tag is a change the next delta reports; it is not delivered again.
    const third = await source.fetchSince(second.cursor, 10);
    expect([...second.messages, ...third.messages]).toEqual([]);
  });
});
