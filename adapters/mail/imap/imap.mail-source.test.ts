// The IMAP source against a real Dovecot beyond the conformance suite: a folder recreated on
// the server (a new UIDVALIDITY) is read again from the start and flagged `reset`; IDLE
// announces new mail; a connection the server dropped is replaced on the next call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeMessage } from '../../../test/fixtures/mime.js';
import { uniqueNumber } from '../../../test/fixtures/unique.js';
import { startDovecot, type DovecotServer } from '../../../test/support/dovecot.js';
import { closeImap, connectImap, imapAddress, type ImapSettings } from './imap-connection.js';
import { ImapMailSource } from './imap.mail-source.js';

let dovecot: DovecotServer;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => {
  await dovecot?.stop();
});

const settingsFor = (): ImapSettings => ({ host: dovecot.host, port: dovecot.port, secure: false, user: `imap${uniqueNumber()}`, password: dovecot.password });
const idOf = (raw: Uint8Array) => /Message-ID: <([^>]+)>/.exec(Buffer.from(raw).toString('latin1'))?.[1];

describe('ImapMailSource', () => {
  it('starts over, flagged reset, when the folder was recreated with a new UIDVALIDITY', async () => {
    const settings = settingsFor();
    const admin = await connectImap(settings);
    try {
      await admin.mailboxCreate('AR');
      await admin.append('AR', mimeMessage({ messageId: '<one@acme.example>' }));
      const source = new ImapMailSource({ settings, folder: 'AR' });
      const first = await source.fetchSince(null, 10);
      expect(first.messages.map((m) => idOf(m.raw))).toEqual(['one@acme.example']);
      expect(first.messages[0]!.id).toMatch(/^AR:\d+:1$/);
      expect(first.messages[0]!.receivedAt).toBeInstanceOf(Date);

      await admin.mailboxDelete('AR');
      await admin.mailboxCreate('AR');
      await admin.append('AR', mimeMessage({ messageId: '<one@acme.example>' }));
      await admin.append('AR', mimeMessage({ messageId: '<two@acme.example>' }));
      const again = await source.fetchSince(first.cursor, 10);
      expect(again.reset).toBe(true);
      expect(again.messages.map((m) => idOf(m.raw))).toEqual(['one@acme.example', 'two@acme.example']);
      expect(again.cursor['uidValidity']).not.toBe(first.cursor['uidValidity']);
      expect((await source.fetchSince(again.cursor, 10)).messages).toEqual([]);
      await source.close();
    } finally {
      await closeImap(admin);
    }
  });

  it('announces new mail through IDLE', async () => {
    const settings = settingsFor();
    const source = new ImapMailSource({ settings });
    let notified!: () => void;
    const announced = new Promise<void>((resolve) => (notified = resolve));
    const stop = await source.watch(() => notified());
    const writer = await connectImap(settings);
    try {
      await writer.append('INBOX', mimeMessage());
      await announced;
    } finally {
      await closeImap(writer);
      await stop();
    }
  });

  it('replaces a connection that was dropped between calls', async () => {
    const settings = settingsFor();
    let connects = 0;
    const source = new ImapMailSource({ settings, connect: async (s) => (connects++, connectImap(s)) });
    const first = await source.fetchSince(null, 10);
    // Dovecot hangs up on this user's sessions (as after an idle timeout or a restart).
    const admin = await connectImap(settings);
    await admin.append('INBOX', mimeMessage({ messageId: '<after-drop@acme.example>' }));
    await closeImap(admin);
    const client = (source as unknown as { client: { close(): void } }).client;
    client.close();
    const next = await source.fetchSince(first.cursor, 10);
    expect(next.messages.map((m) => idOf(m.raw))).toEqual(['after-drop@acme.example']);
    expect(connects).toBe(2);
    await source.close();
  });

  it('names its cursor key after the account and folder', () => {
    expect(imapAddress({ host: 'imap.example.com', port: 993, user: 'ar@northwind.example' }, 'INBOX/AR')).toBe('imap://ar%40northwind.example@imap.example.com:993/INBOX%2FAR');
  });
});
