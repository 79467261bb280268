// Reply rules: the requester only in To, Cc kept only for known contacts of the same customer,
// the original thread continued, documents attached.
import { describe, expect, it } from 'vitest';
import { InMemorySor } from '../../core/pipeline/in-memory-sor.js';
import type { ParsedEmail } from '../../core/pipeline/parsed-email.js';
import { sorSnapshotFixture } from '../../test/fixtures/sor-snapshot.js';
import { replyRecipients, replySubject } from './reply-composer.js';

const sor = new InMemorySor(sorSnapshotFixture({ contacts: [...sorSnapshotFixture().contacts, { customerSorId: 'C1', name: 'AP', email: 'ap@acme.example' }] }));

function parsed(to: string[], cc: string[]): ParsedEmail {
  return {
    messageId: 'm@acme.example', messageIdSynthesized: false, references: [], replyTo: [], subject: 'Copy', text: '', attachments: [], rawSize: 1, problems: [],
    from: { address: 'jane@acme.example' },
    to: to.map((address) => ({ address })),
    cc: cc.map((address) => ({ address })),
    headers: { autoResponseHeaders: [], contentType: 'text/plain', authenticationResults: [], receivedSpf: [] },
  };
}

describe('reply rules', () => {
  it('keeps Cc only for known contacts of the same customer, never our own mailbox or another customer', async () => {
    const r = await replyRecipients(parsed(['ar@northwind.example'], ['ap@acme.example', 'bob@beta.example', 'boss@acme.example', 'jane@acme.example']), 'C1', sor, 'known_contacts');
    expect(r).toEqual({ to: ['jane@acme.example'], cc: ['ap@acme.example'] });
    expect(await replyRecipients(parsed([], ['ap@acme.example']), 'C1', sor, 'none')).toEqual({ to: ['jane@acme.example'], cc: [] });
  });

  it('answers on the thread with a Re: subject', () => {
    expect(replySubject('Invoice copy', 'x')).toBe('Re: Invoice copy');
    expect(replySubject('RE: Invoice copy', 'x')).toBe('RE: Invoice copy');
    expect(replySubject('AW: Rechnung', 'x')).toBe('AW: Rechnung');
    expect(replySubject('  ', 'Your request')).toBe('Your request');
  });
});
