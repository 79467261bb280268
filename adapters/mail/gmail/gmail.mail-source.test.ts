// The Gmail source against the fake Gmail API (documented shapes over nock).
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MailSourceError } from '../../../core/mail/mail-source.js';
import { messageIdOf, sourceMessage } from '../../../test/conformance/mail-source.suite.js';
import { FakeGmail, gmailBodies } from '../../../test/fixtures/gmail/fake-gmail.js';
import { fakeGmailApi } from '../../../test/fixtures/gmail/gmail-harness.js';
import { GmailMailSource } from './gmail.mail-source.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

const ids = (page: { messages: Array<{ raw: Uint8Array }> }) => page.messages.map((m) => messageIdOf(m.raw));

describe('GmailMailSource', () => {
  it('full-syncs oldest first, then reads only history after the stored history id, ignoring other labels', async () => {
    const fake = new FakeGmail().install();
    const early = [sourceMessage('e1'), sourceMessage('e2'), sourceMessage('e3')];
    for (const m of early) fake.deliver(m.raw);
    const source = new GmailMailSource({ api: fakeGmailApi(fake) });
    const first = await source.fetchSince(null, 2);
    expect(ids(first)).toEqual(early.slice(0, 2).map((m) => m.messageId));
    expect(first.more).toBe(true);
    // Restart between pages: the remaining ids travel in the stored cursor.
    const stored = JSON.parse(JSON.stringify(first.cursor)) as typeof first.cursor;
    const restarted = new GmailMailSource({ api: fakeGmailApi(fake) });
    const second = await restarted.fetchSince(stored, 2);
    expect(ids(second)).toEqual([early[2]!.messageId]);

    fake.deliver(sourceMessage('sent-copy').raw, ['SENT']);
    const later = sourceMessage('later');
    fake.deliver(later.raw);
    const third = await restarted.fetchSince(second.cursor, 10);
    expect(ids(third)).toEqual([later.messageId]);
    expect(fake.requests.filter((r) => r.path.endsWith('/history')).at(-1)?.query.get('startHistoryId')).toBe(second.cursor['historyId']);
  });

  it('rejects a history id Gmail no longer keeps (404) with cursor_expired', async () => {
    const fake = new FakeGmail().install();
    const source = new GmailMailSource({ api: fakeGmailApi(fake) });
    const page = await source.fetchSince(null, 10);
    fake.pruneHistory();
    const err = await source.fetchSince(page.cursor, 10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailSourceError);
    expect((err as MailSourceError).code).toBe('cursor_expired');
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    const fake = new FakeGmail().install();
    fake.deliver(sourceMessage().raw);
    fake.fail({ match: /\/profile$/, status: 429, body: gmailBodies.rateLimited, headers: { 'Retry-After': '4' } });
    const waits: number[] = [];
    const page = await new GmailMailSource({ api: fakeGmailApi(fake, { waits }) }).fetchSince(null, 10);
    expect(page.messages).toHaveLength(1);
    expect(waits).toEqual([4000]);
  });
});
