// The builder's output read back by mailparser: structure, encodings and header safety.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { MailSendError } from '../../../core/replies/mail-send-error.js';
import type { OutgoingMessage } from '../../../core/replies/reply-model.js';
import { buildMessage } from './build-message.js';
import { encodeHeaderText, foldedHeader } from './header-encoding.js';
import { quotedPrintable } from './quoted-printable.js';

const date = new Date('2026-11-20T09:00:00Z');

function outgoing(over: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    messageId: 'reply-1@northwind.example',
    from: 'ar@northwind.example',
    to: ['jane@acme.example'],
    cc: [],
    subject: 'RE: Invoice copy',
    text: 'Hello Jane,\nplease find the invoice attached.',
    html: '<p>Hello Jane,</p><p>please find the invoice attached.</p>',
    references: [],
    attachments: [],
    ...over,
  };
}

describe('buildMessage', () => {
  it('writes text, HTML and attachments that mailparser reads back unchanged', async () => {
    const pdf = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
    const raw = buildMessage(
      outgoing({
        cc: ['ar@northwind.example'],
        subject: 'AW: Rechnungskopie – Größe ✓ für Jürgen, and a rather long subject line that must be split',
        text: 'Grüße\nLine with trailing space \n' + 'x'.repeat(200) + '\nA=B',
        inReplyTo: '<q-1@acme.example>',
        references: ['q-0@acme.example', '<q-1@acme.example>'],
        attachments: [
          { filename: 'INV-204518.pdf', contentType: 'application/pdf', content: pdf },
          { filename: 'Kontoauszug März.pdf', contentType: 'application/pdf', content: new Uint8Array([1, 2, 3]) },
        ],
        autoSubmitted: true,
      }),
      date,
    );
    expect(raw.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    expect(raw.includes('\n') && !/[^\r]\n/.test(raw)).toBe(true);
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value).toEqual([{ address: 'ar@northwind.example', name: '' }]);
    expect(parsed.subject).toBe('AW: Rechnungskopie – Größe ✓ für Jürgen, and a rather long subject line that must be split');
    expect(parsed.date).toEqual(date);
    expect(parsed.messageId).toBe('<reply-1@northwind.example>');
    expect(parsed.inReplyTo).toBe('<q-1@acme.example>');
    expect(parsed.references).toEqual(['<q-0@acme.example>', '<q-1@acme.example>']);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.headers.get('mime-version')).toBe('1.0');
    expect(parsed.text).toBe('Grüße\nLine with trailing space \n' + 'x'.repeat(200) + '\nA=B');
    expect(parsed.html).toBe('<p>Hello Jane,</p><p>please find the invoice attached.</p>');
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([
      ['INV-204518.pdf', 'application/pdf', 3000],
      ['Kontoauszug März.pdf', 'application/pdf', 3],
    ]);
    expect(Buffer.compare(parsed.attachments[0]?.content ?? Buffer.alloc(0), Buffer.from(pdf))).toBe(0);
    expect(raw).toMatch(/^Content-Type: multipart\/mixed;/m);
    expect(raw).toMatch(/Content-Type: multipart\/alternative;/);
  });

  it('sends a plain single part when there is no HTML and no attachment, without Auto-Submitted for a person’s reply', async () => {
    const raw = buildMessage(outgoing({ html: '' }), date);
    const parsed = await simpleParser(raw);
    expect(parsed.text).toBe('Hello Jane,\nplease find the invoice attached.');
    expect(parsed.html).toBe(false);
    expect(parsed.headers.has('auto-submitted')).toBe(false);
    expect(raw).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
  });

  it('folds long recipient lists and keeps every address', async () => {
    const to = Array.from({ length: 8 }, (_, i) => `contact.number.${i}@acme-industrial.example`);
    const raw = buildMessage(outgoing({ to }), date);
    const header = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(header.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect((await simpleParser(raw)).to).toMatchObject({ value: to.map((address) => ({ address })) });
  });

  it('refuses addresses and ids that could inject headers, as a permanent rejection', () => {
    const attempts: Array<Partial<OutgoingMessage>> = [
      { to: ['jane@acme.example\r\nBcc: eve@evil.example'] },
      { to: ['Jane <jane@acme.example>'] },
      { from: 'ar@northwind.example\nX-Evil: 1' },
      { cc: ['not-an-address'] },
      { messageId: 'id@x\r\nBcc: eve@evil.example' },
      { inReplyTo: 'a b@c' },
      { to: [] },
      { attachments: [{ filename: 'x.pdf', contentType: 'application/pdf\r\nX-Evil: 1', content: new Uint8Array() }] },
    ];
    for (const attempt of attempts) {
      expect(() => buildMessage(outgoing(attempt), date)).toThrow(MailSendError);
      try {
        buildMessage(outgoing(attempt), date);
      } catch (err) {
        expect((err as MailSendError).code).toBe('rejected');
      }
    }
  });

  it('puts a line break in a subject on one line', async () => {
    const raw = buildMessage(outgoing({ subject: 'Hello\r\nBcc: eve@evil.example' }), date);
    expect((await simpleParser(raw)).subject).toBe('Hello Bcc: eve@evil.example');
    expect(raw).not.toMatch(/^Bcc:/m);
  });
});

describe('header and body encodings', () => {
  it('leaves plain ASCII alone and encodes the rest in words of at most 75 characters', () => {
    expect(encodeHeaderText('Invoice copy')).toBe('Invoice copy');
    const encoded = encodeHeaderText('€'.repeat(40));
    expect(encoded.split('\r\n ').every((w) => w.length <= 75 && w.startsWith('=?UTF-8?B?'))).toBe(true);
    expect(encodeHeaderText('looks =?like?= a word')).toMatch(/^=\?UTF-8\?B\?/);
  });

  it('folds between parts', () => {
    expect(foldedHeader('References', ['<a@x>', '<b@x>'], ' ')).toBe('References: <a@x> <b@x>');
    const long = foldedHeader('To', Array.from({ length: 4 }, (_, i) => `someone.${i}@a-long-domain.example`), ', ');
    expect(long.split('\r\n').length).toBeGreaterThan(1);
    expect(long.split('\r\n').every((l) => l.length <= 78)).toBe(true);
  });

  it('keeps quoted-printable lines within 76 characters and never splits an escape', () => {
    const qp = quotedPrintable('é'.repeat(100) + ' end ');
    expect(qp.split('\r\n').every((l) => l.length <= 76)).toBe(true);
    expect(qp).not.toMatch(/=[0-9A-F]?=\r\n/);
    expect(qp.endsWith('=20')).toBe(true);
  });
});
