import { describe, expect, it } from 'vitest';
import { mimeMessage } from '../../../test/fixtures/mime.js';
import { pdfWithText } from '../../../test/fixtures/pdf.js';
import type { ParsedAttachment } from '../parsed-email.js';
import { MAX_ATTACHMENT_TEXT_CHARS, attachmentTexts } from './attachment-text.js';

function attachment(over: Omit<Partial<ParsedAttachment>, 'content'> & { content: Uint8Array | string }): ParsedAttachment {
  const content = typeof over.content === 'string' ? Buffer.from(over.content, 'utf8') : over.content;
  return { contentType: 'application/octet-stream', inline: false, size: content.length, ...over, content };
}

async function one(a: ParsedAttachment): Promise<{ text: string; error?: string }> {
  const [r] = await attachmentTexts([a]);
  if (r === undefined) throw new Error('no result');
  return r;
}

describe('attachmentTexts', () => {
  it('reads the text of a PDF', async () => {
    const r = await one(attachment({ filename: 'advice.pdf', contentType: 'application/pdf', content: pdfWithText(['Zahlungsavis', 'INV-204742  7.215,40 EUR']) }));
    expect(r).toEqual({ filename: 'advice.pdf', contentType: 'application/pdf', text: 'Zahlungsavis\nINV-204742 7.215,40 EUR' });
  });

  it('reads a PDF sent as application/octet-stream by its name', async () => {
    const r = await one(attachment({ filename: 'advice.PDF', content: pdfWithText(['Remittance']) }));
    expect(r.text).toBe('Remittance');
  });

  it('does not detach the attachment bytes it reads (pdf.js takes ownership of its input)', async () => {
    const content = pdfWithText(['x']);
    await one(attachment({ filename: 'a.pdf', contentType: 'application/pdf', content }));
    expect(content.length).toBeGreaterThan(0);
  });

  it.each([
    ['not a PDF at all', Buffer.from('hello, not a pdf'), /^PDF could not be read/],
    ['a truncated PDF', pdfWithText(['cut']).subarray(0, 120), /^PDF could not be read/],
    ['an empty file', Buffer.alloc(0), /^PDF could not be read/],
    ['an encrypted PDF', pdfWithText(['secret'], { encrypted: true }), /^PDF is password-protected$/],
  ])('sets error for %s, never throws', async (_name, content, error) => {
    const r = await one(attachment({ filename: 'x.pdf', contentType: 'application/pdf', content }));
    expect(r.text).toBe('');
    expect(r.error).toMatch(error);
  });

  it('keeps CSV and text files as text, also as octet-stream by extension', async () => {
    const csv = 'Invoice Number,Amount Paid\r\nINV-204849,2879.60\r\n';
    expect((await one(attachment({ filename: 'remit.csv', contentType: 'text/csv', content: csv }))).text).toBe('Invoice Number,Amount Paid\nINV-204849,2879.60');
    expect((await one(attachment({ filename: 'remit.csv', content: csv }))).text).toBe('Invoice Number,Amount Paid\nINV-204849,2879.60');
    expect((await one(attachment({ filename: 'note.txt', content: 'Paid INV-1' }))).text).toBe('Paid INV-1');
    expect((await one(attachment({ filename: 'n.txt', contentType: 'text/plain', content: Buffer.from('Reçu', 'latin1') }))).text).toBe('Reçu');
  });

  it('reads a forwarded message attached as message/rfc822', async () => {
    const inner = mimeMessage({ from: 'Bank <alerts@bank.example>', subject: 'ACH confirmation', text: 'Amount: $23,938.89\nStatus: SETTLED' });
    const r = await one(attachment({ filename: 'confirmation.eml', contentType: 'message/rfc822', content: inner }));
    expect(r.text).toContain('From: Bank <alerts@bank.example>');
    expect(r.text).toContain('Subject: ACH confirmation');
    expect(r.text).toContain('Status: SETTLED');
    expect(r.error).toBeUndefined();
  });

  it('skips images and explains types it cannot read', async () => {
    expect(await one(attachment({ filename: 'logo.png', contentType: 'image/png', content: Buffer.from([1, 2]) }))).toEqual({ filename: 'logo.png', contentType: 'image/png', text: '' });
    expect((await one(attachment({ filename: 'a.zip', contentType: 'application/zip', content: Buffer.from([1]) }))).error).toBe('no text extraction for application/zip');
  });

  it('says why an attachment kept without content has no text', async () => {
    const r = await one({ filename: 'huge.pdf', contentType: 'application/pdf', size: 30_000_000, inline: false });
    expect(r.error).toBe('content not kept (attachment too large)');
  });

  it('limits the text kept per attachment', async () => {
    const r = await one(attachment({ filename: 'big.txt', contentType: 'text/plain', content: 'x'.repeat(MAX_ATTACHMENT_TEXT_CHARS + 5000) }));
    expect(r.text.length).toBe(MAX_ATTACHMENT_TEXT_CHARS);
  });
});
