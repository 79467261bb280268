// The Graph sender's large-attachment path and its clean-up, against the fake Graph server.
import { randomBytes } from 'node:crypto';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MailSendError } from '../../../core/replies/mail-send-error.js';
import { outgoingFixture } from '../../../test/conformance/mail-sender.suite.js';
import { FakeGraph, graphErrors } from '../../../test/fixtures/graph/fake-graph.js';
import { fakeGraphApi } from '../../../test/fixtures/graph/graph-harness.js';
import { GraphMailSender, UPLOAD_CHUNK, splitAttachments } from './graph.mail-sender.js';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => nock.enableNetConnect());

describe('GraphMailSender', () => {
  it('adds an attachment above 3 MB through an upload session, in ranges, without the Graph token', async () => {
    const fake = new FakeGraph().install();
    const big = new Uint8Array(randomBytes(5 * 1024 * 1024 + 12345));
    const message = outgoingFixture();
    message.attachments.push({ filename: 'statement-2026.pdf', contentType: 'application/pdf', content: big });
    const { providerMessageId } = await new GraphMailSender({ api: fakeGraphApi(fake) }).send(message);

    const sent = fake.sent(message.messageId);
    expect(sent?.id).toBe(providerMessageId);
    expect(sent?.uploads.map((u) => u.name)).toEqual(['statement-2026.pdf']);
    expect(Buffer.compare(sent!.uploads[0]!.content, Buffer.from(big))).toBe(0);
    // The small attachments travelled inside the MIME.
    expect(sent!.raw.toString('latin1')).toContain('INV-204518.pdf');
    expect(sent!.raw.toString('latin1')).not.toContain('statement-2026.pdf');
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(Math.ceil(big.byteLength / UPLOAD_CHUNK)).toBe(2);
    for (const p of puts) expect(p.headers['authorization']).toBeUndefined();
    expect(puts[0]!.headers['content-range']).toBe(`bytes 0-${UPLOAD_CHUNK - 1}/${big.byteLength}`);
  });

  it('deletes the draft when sending fails, so a retry leaves no copies in Drafts', async () => {
    const fake = new FakeGraph().install();
    fake.fail({ match: /^POST .*\/send$/, status: 400, body: graphErrors.invalidRecipients });
    const err = await new GraphMailSender({ api: fakeGraphApi(fake) }).send(outgoingFixture()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailSendError);
    expect((err as MailSendError).code).toBe('rejected');
    expect(fake.messages.filter((m) => m.folder === 'drafts')).toEqual([]);
  });

  it('splits attachments: above 3 MB or beyond the 4 MB request budget go to upload sessions', () => {
    const mb = (n: number) => ({ content: new Uint8Array(n * 1024 * 1024) });
    const { inline, uploaded } = splitAttachments([mb(1), mb(4), mb(1), mb(1)]);
    expect(inline).toHaveLength(1);
    expect(uploaded).toHaveLength(3);
  });
});
