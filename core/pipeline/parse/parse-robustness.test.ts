// Bad input never throws: each case comes back as a ParsedEmail with a problem saying what was wrong.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mimeMessage } from '../../../test/fixtures/mime.js';
import { parseEmail } from './parse-email.js';

const crlf = (lines: string[]): Buffer => Buffer.from(lines.join('\r\n'), 'latin1');

describe('parseEmail on bad input', () => {
  it('an empty message', async () => {
    const p = await parseEmail(new Uint8Array(0));
    expect(p.problems).toEqual(expect.arrayContaining(['empty message', 'no Message-ID header', 'no From address']));
    expect(p.text).toBe('');
    expect(p.messageIdSynthesized).toBe(true);
  });

  it('binary garbage', async () => {
    const p = await parseEmail(randomBytes(64 * 1024));
    expect(p.problems[0]).toMatch(/binary data/);
    expect(p.text).toBe('');
    expect(p.attachments).toEqual([]);
  });

  it('a message with only headers', async () => {
    const p = await parseEmail(crlf(['From: Jane <jane@acme.example>', 'Subject: nothing here', 'Message-ID: <h@acme.example>', '']));
    expect(p.subject).toBe('nothing here');
    expect(p.problems).toContain('message body is empty');
  });

  it('a message with no header section reads the whole thing as text', async () => {
    const p = await parseEmail(Buffer.from('please send me a copy of INV-204518\nthanks\n'));
    expect(p.text).toContain('please send me a copy of INV-204518');
    expect(p.problems).toContain('no header section; the whole message was read as body text');
    expect(p.problems).toContain('no From address');
  });

  it('a multipart message without a boundary parameter is recovered from its delimiter lines', async () => {
    const p = await parseEmail(
      crlf(['From: a@acme.example', 'Message-ID: <m@acme.example>', 'Content-Type: multipart/mixed', '', '--xyz', 'Content-Type: text/plain', '', 'hello there', '--xyz--', '']),
    );
    expect(p.text.trim()).toBe('hello there');
    expect(p.problems).toContain('multipart/mixed without a boundary parameter');
    expect(p.problems).toContain('recovered the MIME structure using boundary "xyz" found in the body');
  });

  it('a multipart message whose declared boundary never occurs', async () => {
    const p = await parseEmail(
      crlf(['From: a@acme.example', 'Message-ID: <m@acme.example>', 'Content-Type: multipart/alternative; boundary="abc"', '', '--xyz', 'Content-Type: text/plain', '', 'hello there', '--xyz--', '']),
    );
    expect(p.text.trim()).toBe('hello there');
    expect(p.problems).toContain('multipart boundary "abc" never occurs in the body');
  });

  it('a multipart message with no usable structure keeps its raw body as text', async () => {
    const p = await parseEmail(crlf(['From: a@acme.example', 'Message-ID: <m@acme.example>', 'Content-Type: multipart/mixed; boundary="abc"', '', 'just text, no parts', '']));
    expect(p.text).toContain('just text, no parts');
    expect(p.problems).toContain('no readable MIME part; the raw body was kept as text');
  });

  it('a truncated message (base64 cut off, closing boundary missing)', async () => {
    const whole = mimeMessage({ text: 'see PDF', attachments: [{ filename: 'advice.pdf', contentType: 'application/pdf', content: Buffer.alloc(3000, 7) }] });
    const p = await parseEmail(whole.subarray(0, whole.length - 1500));
    expect(p.text.trim()).toBe('see PDF');
    expect(p.attachments[0]?.filename).toBe('advice.pdf');
    expect(p.problems.some((x) => /never closed; the message may be truncated/.test(x))).toBe(true);
  });

  it('text declared utf-8 that is really latin-1', async () => {
    const raw = Buffer.concat([
      crlf(['From: a@acme.example', 'Message-ID: <m@acme.example>', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', '']),
      Buffer.from('Grüße für Sie', 'latin1'),
    ]);
    const p = await parseEmail(raw);
    expect(p.text).toBe('Grüße für Sie');
    expect(p.problems).toContain('text declared utf-8 is not valid UTF-8; decoded as latin-1');
  });

  it('valid UTF-8 with a few bad bytes keeps UTF-8 and notes the damage', async () => {
    const raw = Buffer.concat([
      crlf(['From: a@acme.example', 'Message-ID: <m@acme.example>', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', '']),
      Buffer.from('Grüße ', 'utf8'),
      Buffer.from([0xff]),
      Buffer.from(' Straße', 'utf8'),
    ]);
    const p = await parseEmail(raw);
    expect(p.text).toBe('Grüße \ufffd Straße');
    expect(p.problems).toContain('text declared utf-8 contains invalid bytes; they were replaced');
  });

  it('an unknown charset is decoded as latin-1', async () => {
    const raw = Buffer.concat([
      crlf(['From: a@acme.example', 'Message-ID: <m@acme.example>', 'Content-Type: text/plain; charset=x-foo', 'Content-Transfer-Encoding: 8bit', '', '']),
      Buffer.from('Grüße für Sie', 'latin1'),
    ]);
    const p = await parseEmail(raw);
    expect(p.text).toBe('Grüße für Sie');
    expect(p.problems).toContain('unknown charset x-foo; decoded as latin-1');
  });

  it('8-bit text without any charset label', async () => {
    const raw = Buffer.concat([crlf(['From: a@acme.example', 'Message-ID: <m@acme.example>', 'Content-Type: text/plain', '', '']), Buffer.from('Reçu, merci', 'latin1')]);
    const p = await parseEmail(raw);
    expect(p.text).toBe('Reçu, merci');
    expect(p.problems).toContain('8-bit text without a charset; decoded as latin-1');
  });

  it('latin-1 bytes in the header section and unknown charsets in encoded words', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: ', 'latin1'),
      Buffer.from('Jürgen <j@acme.example>', 'latin1'),
      crlf(['', 'Subject: =?x-bar?Q?Gr=FC=DFe?=', 'Message-ID: <m@acme.example>', '', 'hi']),
    ]);
    const p = await parseEmail(raw);
    expect(p.from).toEqual({ address: 'j@acme.example', name: 'Jürgen' });
    expect(p.subject).toBe('Grüße');
    expect(p.problems).toEqual(expect.arrayContaining(['header section is not valid UTF-8; decoded as latin-1', 'unknown charset x-bar in a header; decoded as latin-1']));
  });

  it('an unparsable Date is dropped, not replaced by "now"', async () => {
    const p = await parseEmail(mimeMessage({ text: 'hi', date: 'yesterday-ish' }));
    expect(p.date).toBeUndefined();
    expect(p.problems).toContain('unparsable Date header "yesterday-ish"');
  });

  it('malformed header lines are counted', async () => {
    const p = await parseEmail(crlf(['From: a@acme.example', 'this is not a header', 'Message-ID: <m@acme.example>', '', 'hi']));
    expect(p.problems).toContain('1 malformed header line(s) ignored');
  });

  it('old-Mac bare CR line ends', async () => {
    const p = await parseEmail(Buffer.from('From: a@acme.example\rSubject: cr only\rMessage-ID: <m@acme.example>\r\rbody text here'));
    expect(p.subject).toBe('cr only');
    expect(p.text.trim()).toBe('body text here');
    expect(p.problems).toEqual(['lines end with bare CR characters; read as CRLF']);
  });

  it('UTF-7 text is refused and noted', async () => {
    const p = await parseEmail(crlf(['From: a@acme.example', 'Message-ID: <m@acme.example>', 'Content-Type: text/html; charset=utf-7', '', '+ADw-script+AD4-alert(1)+ADw-/script+AD4-']));
    expect(p.html).not.toContain('<script>');
    expect(p.problems).toContain('text in charset utf-7 was not decoded (it can smuggle markup past filters)');
  });

  it('a header section over mailparser\'s limit', async () => {
    const p = await parseEmail(Buffer.from(`From: a@acme.example\r\nX-Big: ${'a'.repeat(1_200_000)}\r\n\r\nplease send INV-1`));
    expect(p.problems[0]).toMatch(/^MIME parsing failed: /);
    expect(p.text).toContain('please send INV-1');
  });

  it('a 30 MB attachment is kept as metadata, noted, and parsed quickly', async () => {
    const size = 30 * 1024 * 1024;
    const raw = mimeMessage({ text: 'remittance attached', attachments: [{ filename: 'report.pdf', contentType: 'application/pdf', content: Buffer.alloc(size, 0x41) }] });
    const started = performance.now();
    const p = await parseEmail(raw);
    const elapsed = performance.now() - started;
    expect(p.attachments[0]).toMatchObject({ filename: 'report.pdf', size });
    expect(p.attachments[0]?.content).toBeUndefined();
    expect(p.problems).toContain(`attachment report.pdf (${size} bytes) exceeds 26214400 bytes and was not kept`);
    expect(p.text.trim()).toBe('remittance attached');
    expect(elapsed).toBeLessThan(5000);
  });
});
