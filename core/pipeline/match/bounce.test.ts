import { describe, expect, it } from 'vitest';
import { parsedEmailFixture } from '../../../test/fixtures/parsed-email.js';
import { bouncedRecipients, isDeliveryFailure } from './bounce.js';

const own = ['ar@northwind.example'];
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('delivery failures', () => {
  it('recognises a DSN by content type, or a bounce subject from a machine sender', () => {
    expect(isDeliveryFailure(parsedEmailFixture({ headers: { contentType: 'multipart/report; report-type=delivery-status; boundary="x"' } }), false)).toBe(true);
    expect(isDeliveryFailure(parsedEmailFixture({ headers: { contentType: 'multipart/report; report-type=disposition-notification' } }), false)).toBe(false);
    expect(isDeliveryFailure(parsedEmailFixture({ subject: 'Undeliverable: Statement of account' }), true)).toBe(true);
    expect(isDeliveryFailure(parsedEmailFixture({ subject: 'Undeliverable: Statement of account' }), false)).toBe(false);
  });

  it('reads Final-Recipient from the report text', () => {
    const email = parsedEmailFixture({
      text: 'I am sorry ...\nFinal-Recipient: rfc822; kevin.oneill@acme-canada.example\nOriginal-Recipient: rfc822;kevin.oneill@acme-canada.example\nAction: failed',
    });
    expect(bouncedRecipients(email, own)).toEqual(['kevin.oneill@acme-canada.example']);
  });

  it('reads delivery-status attachments and X-Failed-Recipients', () => {
    const email = parsedEmailFixture({
      text: 'Delivery failed.',
      attachments: [{ contentType: 'message/delivery-status', size: 60, inline: false, content: bytes('Reporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822;<Sophie@acme-canada.example>\r\n') }],
    });
    expect(bouncedRecipients(email, own)).toEqual(['sophie@acme-canada.example']);
    expect(bouncedRecipients(parsedEmailFixture({ text: 'X-Failed-Recipients: a@x.example, b@y.example' }), own)).toEqual(['a@x.example', 'b@y.example']);
  });

  it('reads the prose of Exchange reports', () => {
    const email = parsedEmailFixture({ text: "Your message to hmacleod@mapleleaf.example couldn't be delivered.\nhmacleod's mailbox is full." });
    expect(bouncedRecipients(email, own)).toEqual(['hmacleod@mapleleaf.example']);
  });

  it("falls back on the returned message's To, and never reports our own address", () => {
    const email = parsedEmailFixture({
      text: 'Returned mail: see transcript',
      attachments: [{ contentType: 'text/rfc822-headers', size: 80, inline: false, content: bytes('From: AR <ar@northwind.example>\r\nTo: dana@acme.example\r\nSubject: Statement\r\n') }],
    });
    expect(bouncedRecipients(email, own)).toEqual(['dana@acme.example']);
    expect(bouncedRecipients(parsedEmailFixture({ text: 'Final-Recipient: rfc822; ar@northwind.example' }), own)).toEqual([]);
  });
});
