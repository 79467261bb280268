// The SMTP sender's own rules, with a fake transport and Sent folder: the envelope, a failed
// copy to Sent that must not fail the send, and findSent's errors.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { MailSendError } from '../../../core/replies/mail-send-error.js';
import { outgoingFixture } from '../../../test/conformance/mail-sender.suite.js';
import { SmtpMailSender, type SmtpTransport } from './smtp.mail-sender.js';

const transport = (): SmtpTransport & { sent: Array<{ envelope: { from: string; to: string[] }; raw: string }> } => {
  const sent: Array<{ envelope: { from: string; to: string[] }; raw: string }> = [];
  return { sent, sendMail: async (mail) => (sent.push(mail), { accepted: mail.envelope.to, rejected: [] }) };
};

describe('SmtpMailSender', () => {
  it('sends our raw message to every To and Cc address, and files a copy in Sent', async () => {
    const t = transport();
    const appended: string[] = [];
    const sender = new SmtpMailSender({
      transport: t,
      sent: { folder: { append: async (raw) => void appended.push(String(raw)), contains: async () => false }, append: true },
      now: () => new Date('2026-11-20T09:00:00Z'),
    });
    const message = outgoingFixture();
    expect(await sender.send(message)).toEqual({ providerMessageId: message.messageId });
    expect(t.sent[0]!.envelope).toEqual({ from: message.from, to: [...message.to, ...message.cc] });
    expect(t.sent[0]!.raw).toContain(`Message-ID: <${message.messageId}>`);
    expect(t.sent[0]!.raw).toContain('Date: Fri, 20 Nov 2026 09:00:00 +0000');
    expect(appended).toEqual([t.sent[0]!.raw]);
  });

  it('does not append when the server files sent mail itself, but still looks there', async () => {
    const appended: unknown[] = [];
    const sender = new SmtpMailSender({ transport: transport(), sent: { folder: { append: async (raw) => void appended.push(raw), contains: async (id) => id === 'x@y' }, append: false } });
    await sender.send(outgoingFixture());
    expect(appended).toEqual([]);
    expect(await sender.findSent('x@y')).toEqual({ providerMessageId: 'x@y' });
  });

  it('reports a sent message as sent even when the copy to Sent fails, and logs it', async () => {
    const warnings: unknown[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line)) });
    const sender = new SmtpMailSender({
      transport: transport(),
      sent: { folder: { append: async () => Promise.reject(Object.assign(new Error('quota'), { serverResponseCode: 'OVERQUOTA' })), contains: async () => false }, append: true },
      logger,
    });
    const message = outgoingFixture();
    expect(await sender.send(message)).toEqual({ providerMessageId: message.messageId });
    expect(warnings).toMatchObject([{ messageId: message.messageId, msg: 'smtp: sent, but the copy could not be filed in the Sent folder' }]);
  });

  it('maps a failing Sent search to a retryable MailSendError', async () => {
    const sender = new SmtpMailSender({
      transport: transport(),
      sent: { folder: { append: async () => undefined, contains: async () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) }, append: true },
    });
    const err = await sender.findSent('a@b').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MailSendError);
    expect((err as MailSendError).code).toBe('temporary');
  });
});
