import { describe, expect, it } from 'vitest';
import { fixtureEml } from '../../../test/fixtures/eml-files.js';
import { mimeMessage } from '../../../test/fixtures/mime.js';
import { parseEmail } from './parse-email.js';

describe('parseEmail: headers', () => {
  it('lower-cases addresses, flattens groups and keeps display names', async () => {
    const p = await parseEmail(
      mimeMessage({
        from: '"Roe, Jane" <Jane.Roe@ACME-Industrial.example>',
        to: 'AP Team: A@Example.COM, b@example.com;, "AR" <AR@Northwind.Example>',
        text: 'hello',
        headers: { Cc: 'Carl <CARL@x.example>', 'Reply-To': 'Jane <jane@freemail.example>', Sender: 'Bot <bot@acme.example>' },
      }),
    );
    expect(p.from).toEqual({ address: 'jane.roe@acme-industrial.example', name: 'Roe, Jane' });
    expect(p.to.map((a) => a.address)).toEqual(['a@example.com', 'b@example.com', 'ar@northwind.example']);
    expect(p.cc).toEqual([{ address: 'carl@x.example', name: 'Carl' }]);
    expect(p.replyTo).toEqual([{ address: 'jane@freemail.example', name: 'Jane' }]);
    expect(p.sender).toEqual({ address: 'bot@acme.example', name: 'Bot' });
    expect(p.problems).toEqual([]);
  });

  it('keeps Message-ID, In-Reply-To and References without brackets', async () => {
    const p = await parseEmail(
      mimeMessage({
        messageId: '<abc@acme.example>',
        headers: { 'In-Reply-To': '<ar.1@northwind.example>', References: '<ar.0@northwind.example>\r\n <ar.1@northwind.example>' },
      }),
    );
    expect(p.messageId).toBe('abc@acme.example');
    expect(p.messageIdSynthesized).toBe(false);
    expect(p.inReplyTo).toBe('ar.1@northwind.example');
    expect(p.references).toEqual(['ar.0@northwind.example', 'ar.1@northwind.example']);
  });

  it('synthesizes a stable Message-ID from the bytes when there is none, and says so', async () => {
    const raw = mimeMessage({ messageId: null, subject: 'no id' });
    const a = await parseEmail(raw);
    const b = await parseEmail(raw);
    expect(a.messageId).toMatch(/^[0-9a-f]{64}@arbot\.invalid$/);
    expect(a.messageId).toBe(b.messageId);
    expect(a.messageIdSynthesized).toBe(true);
    expect(a.problems).toContain('no Message-ID header');
  });

  it('collects authentication, auto-response, list and return-path headers', async () => {
    const p = await parseEmail(
      mimeMessage({
        headers: {
          'Return-Path': '<Bounce@Acme.example>',
          'Authentication-Results': 'mx1.northwind.example;\r\n\tspf=pass smtp.mailfrom=acme.example;\r\n\tdmarc=pass header.from=acme.example',
          'Received-SPF': 'Pass (mx1: domain of\r\n acme.example designates 203.0.113.25)',
          'Auto-Submitted': 'Auto-Replied',
          Precedence: 'Bulk',
          'X-Auto-Response-Suppress': 'All',
          'X-MS-Exchange-Generated-Message-Source': 'Mailbox Rules Agent',
          'List-Id': 'AP notices <ap.acme.example>',
        },
      }),
    );
    expect(p.headers.authenticationResults).toEqual(['mx1.northwind.example; spf=pass smtp.mailfrom=acme.example; dmarc=pass header.from=acme.example']);
    expect(p.headers.receivedSpf).toEqual(['Pass (mx1: domain of acme.example designates 203.0.113.25)']);
    expect(p.headers.autoSubmitted).toBe('auto-replied');
    expect(p.headers.precedence).toBe('bulk');
    expect(p.headers.autoResponseHeaders).toEqual(['x-auto-response-suppress: All', 'x-ms-exchange-generated-message-source: Mailbox Rules Agent']);
    expect(p.headers.listId).toBe('AP notices <ap.acme.example>');
    expect(p.headers.returnPath).toBe('bounce@acme.example');
  });

  it('keeps every Authentication-Results header, newest (topmost) first', async () => {
    const raw = Buffer.from(
      'Authentication-Results: mx2.northwind.example; dmarc=fail\r\nAuthentication-Results: mx1.northwind.example; dmarc=pass\r\nFrom: a@b.example\r\nMessage-ID: <x@y>\r\n\r\nhi',
    );
    expect((await parseEmail(raw)).headers.authenticationResults).toEqual(['mx2.northwind.example; dmarc=fail', 'mx1.northwind.example; dmarc=pass']);
  });

  it('shows the top-level Content-Type with its parameters, so a report is visible', async () => {
    const bounce = await parseEmail(fixtureEml('006.eml'));
    expect(bounce.headers.contentType).toBe('multipart/report; report-type=delivery-status');
    expect(bounce.headers.returnPath).toBe('<>');
    expect(bounce.headers.autoSubmitted).toBe('auto-replied');
    const receipt = await parseEmail(fixtureEml('032.eml'));
    expect(receipt.headers.contentType).toBe('multipart/report; report-type=disposition-notification');
    const plain = await parseEmail(fixtureEml('001.eml'));
    expect(plain.headers.contentType).toBe('text/plain; charset=us-ascii');
  });

  it('decodes encoded-word subjects and parses the date', async () => {
    const p = await parseEmail(fixtureEml('002.eml'));
    expect(p.subject).toBe('Demande de relevé de compte - 100-2232');
    expect(p.date?.toISOString()).toBe('2026-11-03T15:41:07.000Z');
    expect(p.from).toEqual({ address: 'sophie.tremblay@acme-industrial-canada.example', name: 'Tremblay, Sophie' });
  });
});

describe('parseEmail: bodies and attachments', () => {
  it('gives the text/plain part as text and the HTML part as html', async () => {
    const p = await parseEmail(mimeMessage({ text: 'Plain words', html: '<p>HTML words</p>' }));
    expect(p.text.trim()).toBe('Plain words');
    expect(p.html).toContain('<p>HTML words</p>');
  });

  it('leaves text empty for an HTML-only message (normalize converts it)', async () => {
    const p = await parseEmail(mimeMessage({ html: '<p>Only HTML</p>' }));
    expect(p.text).toBe('');
    expect(p.html).toContain('Only HTML');
  });

  it('keeps attachment bytes, type, name, content id and inline flag', async () => {
    const p = await parseEmail(
      mimeMessage({
        text: 'see attached',
        attachments: [
          { filename: 'remit.csv', contentType: 'text/csv', content: 'Invoice,Amount\r\nINV-1,10.00\r\n' },
          { filename: 'logo.png', contentType: 'image/png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47]), inline: true, cid: 'logo@x' },
        ],
      }),
    );
    expect(p.attachments).toHaveLength(2);
    const [csv, logo] = p.attachments;
    expect(csv).toMatchObject({ filename: 'remit.csv', contentType: 'text/csv', size: 29, inline: false });
    expect(Buffer.from(csv?.content ?? []).toString()).toBe('Invoice,Amount\r\nINV-1,10.00\r\n');
    expect(logo).toMatchObject({ filename: 'logo.png', contentType: 'image/png', contentId: 'logo@x', inline: true, size: 4 });
  });

  it('keeps an attachment over the limit as metadata only and notes it', async () => {
    const p = await parseEmail(
      mimeMessage({ text: 'big one', attachments: [{ filename: 'report.pdf', contentType: 'application/pdf', content: Buffer.alloc(2048, 1) }] }),
      { maxAttachmentBytes: 1024 },
    );
    expect(p.attachments[0]).toMatchObject({ filename: 'report.pdf', size: 2048 });
    expect(p.attachments[0]?.content).toBeUndefined();
    expect(p.problems).toContain('attachment report.pdf (2048 bytes) exceeds 1024 bytes and was not kept');
  });

  it('decodes windows-1252 bodies including the euro sign', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: a@b.example\r\nMessage-ID: <c@d>\r\nContent-Type: text/plain; charset="windows-1252"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
      Buffer.from([0x80, 0x20, 0x31, 0x2c, 0x30, 0x30, 0x20, 0xe8]),
    ]);
    const p = await parseEmail(raw);
    expect(p.text.trim()).toBe('€ 1,00 è');
    expect(p.problems).toEqual([]);
  });

  it('records the raw size', async () => {
    const raw = mimeMessage({ text: 'x' });
    expect((await parseEmail(raw)).rawSize).toBe(raw.length);
  });
});
