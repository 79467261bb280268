// The MailSender conformance suite: every sender (the outbox folder, SMTP, later Graph and
// Gmail) must deliver our message with our Message-ID and threading headers, its attachments
// byte for byte, tell by `findSent` whether a Message-ID went out when it can tell (and never
// claim one that did not), and fail only with MailSendError and the right code. What was
// delivered is read back from the receiving side (the SMTP receiver, the outbox file) and
// parsed by mailparser, an independent reader.
import { createHash, randomBytes } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailSendError, type MailSendErrorCode } from '../../core/replies/mail-send-error.js';
import type { MailSender, OutgoingMessage } from '../../core/replies/reply-model.js';
import { uniqueNumber } from '../fixtures/unique.js';

export interface MailSenderHarness {
  sender: MailSender;
  /** The message as the receiving side got it, by Message-ID; `envelopeTo` when the side sees an envelope. */
  delivered(messageId: string): Promise<{ raw: Uint8Array; envelopeTo?: string[] } | undefined>;
  /** Whether `findSent` can tell that a message went out (a Sent folder, the outbox folder). */
  findsSent: boolean;
  /** Senders or messages that cannot be sent, and the code each must fail with. */
  failing: Array<{ what: string; sender: () => MailSender; message?: Partial<OutgoingMessage>; code: MailSendErrorCode }>;
  teardown(): Promise<void>;
}

/** A reply as the outbox hands it over: threaded, with an invoice PDF, marked automatic. */
export function outgoingFixture(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  const n = uniqueNumber();
  return {
    messageId: `reply-${n}-${randomBytes(4).toString('hex')}@northwind.example`,
    from: 'ar@northwind.example',
    to: ['jane.roe@acme-industrial.example', 'ap@acme-industrial.example'],
    cc: ['controller@acme-industrial.example'],
    subject: 'RE: Copie de la facture n° 204518 — urgent',
    text: 'Bonjour Jane,\n\nVeuillez trouver ci-joint la facture 204518.\n\nCordialement',
    html: '<p>Bonjour Jane,</p><p>Veuillez trouver ci-joint la facture <b>204518</b>.</p>',
    inReplyTo: `question-${n}@acme-industrial.example`,
    references: [`first-${n}@acme-industrial.example`, `question-${n}@acme-industrial.example`],
    attachments: [
      { filename: 'INV-204518.pdf', contentType: 'application/pdf', content: new Uint8Array(randomBytes(5000)) },
      { filename: 'relevé.csv', contentType: 'text/csv', content: new Uint8Array(Buffer.from('invoice;amount\r\n204518;1234.50\r\n', 'utf8')) },
    ],
    autoSubmitted: true,
    ...overrides,
  };
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? ''));

/** The MailSendError `promise` rejects with (fails the test otherwise). */
async function sendError(promise: Promise<unknown>): Promise<MailSendError> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a MailSendError, but the call resolved with ${JSON.stringify(outcome.resolved)}`);
  expect(outcome.error).toBeInstanceOf(MailSendError);
  return outcome.error as MailSendError;
}

/** Registers the suite for one MailSender implementation; `setup` runs before each test. */
export function mailSenderSuite(name: string, setup: () => Promise<MailSenderHarness>): void {
  describe(`MailSender conformance: ${name}`, () => {
    let h: MailSenderHarness;
    beforeEach(async () => {
      h = await setup();
    });
    afterEach(async () => {
      await h.teardown();
    });

    it('sends with our Message-ID, threading headers, recipients and Auto-Submitted', async () => {
      const message = outgoingFixture();
      await h.sender.send(message);
      const got = await h.delivered(message.messageId);
      expect(got).toBeDefined();
      const parsed = await simpleParser(Buffer.from(got!.raw));
      expect(parsed.messageId).toBe(`<${message.messageId}>`);
      expect(parsed.inReplyTo).toBe(`<${message.inReplyTo}>`);
      expect([parsed.references ?? []].flat()).toEqual(message.references.map((r) => `<${r}>`));
      expect(parsed.subject).toBe(message.subject);
      expect(addresses(parsed.from)).toEqual([message.from]);
      expect(addresses(parsed.to)).toEqual(message.to);
      expect(addresses(parsed.cc)).toEqual(message.cc);
      expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
      if (got!.envelopeTo !== undefined) expect([...got!.envelopeTo].sort()).toEqual([...message.to, ...message.cc].sort());
    });

    it('keeps attachments, text and HTML intact', async () => {
      const message = outgoingFixture();
      await h.sender.send(message);
      const parsed = await simpleParser(Buffer.from((await h.delivered(message.messageId))!.raw));
      expect(parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, sha256: sha256(a.content) }))).toEqual(
        message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, sha256: sha256(a.content) })),
      );
      expect(parsed.text?.trim()).toBe(message.text);
      expect(parsed.html).toContain('<b>204518</b>');
    });

    it('finds a sent message by its Message-ID when it can tell, and never claims an unsent one', async () => {
      const message = outgoingFixture();
      expect(await h.sender.findSent(message.messageId)).toBeUndefined();
      const { providerMessageId } = await h.sender.send(message);
      expect(providerMessageId).not.toBe('');
      const found = await h.sender.findSent(message.messageId);
      if (h.findsSent) expect(found).toEqual({ providerMessageId });
      else expect(found).toBeUndefined();
      expect(await h.sender.findSent(`never-sent-${uniqueNumber()}@northwind.example`)).toBeUndefined();
    });

    it('refuses a header injection as rejected, sending nothing', async () => {
      const message = outgoingFixture({ to: ['jane@acme.example\r\nBcc: everyone@example.com'] });
      expect((await sendError(h.sender.send(message))).code).toBe('rejected');
      expect(await h.delivered(message.messageId)).toBeUndefined();
    });

    it('fails with a MailSendError carrying the right code', async () => {
      for (const f of h.failing) {
        const error = await sendError(f.sender().send(outgoingFixture(f.message)));
        expect({ what: f.what, code: error.code }).toEqual({ what: f.what, code: f.code });
      }
    });
  });
}
