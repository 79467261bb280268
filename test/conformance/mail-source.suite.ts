// The MailSource conformance suite: every mailbox adapter (the .eml folder, IMAP, later Graph
// and Gmail) must deliver each message of its folder once across pages, oldest first and byte
// for byte; resume from a stored cursor after a restart; pick up mail added later, even between
// pages; start over when its cursor is no longer valid (by rejecting with cursor_expired, or by
// a page flagged `reset`); and fail only with MailSourceError and the right code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MailSourceError, type MailCursor, type MailSource, type MailSourceErrorCode, type SourcedMessage } from '../../core/mail/mail-source.js';
import { mimeMessage } from '../fixtures/mime.js';
import { uniqueNumber } from '../fixtures/unique.js';

export interface MailSourceHarness {
  /** A new source over the harness's folder; a second call stands for a restarted process. */
  open(): MailSource;
  /** Adds messages to the folder, in this order. */
  add(raws: readonly Uint8Array[]): Promise<void>;
  /** A cursor the source can no longer use, made from a good one (e.g. IMAP's with another UIDVALIDITY). */
  invalidate(cursor: MailCursor): MailCursor;
  /** Sources that cannot read, and the code each must fail with. */
  failing: Array<{ what: string; open: () => MailSource; code: MailSourceErrorCode }>;
  teardown(): Promise<void>;
}

/** A message with a fresh Message-ID; returns the raw bytes and the id. */
export function sourceMessage(label = 'msg'): { raw: Buffer; messageId: string } {
  const messageId = `${label}-${uniqueNumber()}-${Date.now()}@acme-industrial.example`;
  return { raw: mimeMessage({ messageId: `<${messageId}>`, subject: `Invoice question ${messageId}`, text: `Please send invoice copies (${messageId}).` }), messageId };
}

/** The Message-ID a raw message carries (without brackets). */
export function messageIdOf(raw: Uint8Array): string | undefined {
  const head = Buffer.from(raw).toString('latin1').split(/\r?\n\r?\n/)[0] ?? '';
  return /^Message-ID:\s*<([^>]+)>/im.exec(head)?.[1];
}

/** Pages from `cursor` until the source says there is no more. */
export async function drain(source: MailSource, cursor: MailCursor | null, limit: number): Promise<{ messages: SourcedMessage[]; cursor: MailCursor; pages: number; resets: number }> {
  const messages: SourcedMessage[] = [];
  let pages = 0;
  let resets = 0;
  let at = cursor;
  for (;;) {
    const page = await source.fetchSince(at, limit);
    pages += 1;
    if (page.reset) resets += 1;
    expect(page.messages.length).toBeLessThanOrEqual(limit);
    messages.push(...page.messages);
    // What a caller does: store the cursor (as JSON) and use the stored copy next time.
    at = JSON.parse(JSON.stringify(page.cursor)) as MailCursor;
    if (!page.more) return { messages, cursor: at, pages, resets };
    if (pages > 10_000) throw new Error('the source never stops saying there is more');
  }
}

/** The MailSourceError `promise` rejects with (fails the test otherwise). */
async function sourceError(promise: Promise<unknown>): Promise<MailSourceError> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a MailSourceError, but the call resolved with ${JSON.stringify(outcome.resolved)}`);
  expect(outcome.error).toBeInstanceOf(MailSourceError);
  return outcome.error as MailSourceError;
}

/** Registers the suite for one MailSource implementation; `setup` runs before each test. */
export function mailSourceSuite(name: string, setup: () => Promise<MailSourceHarness>): void {
  describe(`MailSource conformance: ${name}`, () => {
    let h: MailSourceHarness;
    const opened: MailSource[] = [];
    const open = (): MailSource => {
      const source = h.open();
      opened.push(source);
      return source;
    };
    beforeEach(async () => {
      h = await setup();
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close?.();
      await h.teardown();
    });

    it('gives an empty page and a usable cursor for an empty folder', async () => {
      const source = open();
      const page = await source.fetchSince(null, 10);
      expect(page).toMatchObject({ messages: [], more: false });
      expect(JSON.parse(JSON.stringify(page.cursor))).toEqual(page.cursor);
      const { raw, messageId } = sourceMessage();
      await h.add([raw]);
      const next = await source.fetchSince(page.cursor, 10);
      expect(next.messages.map((m) => messageIdOf(m.raw))).toEqual([messageId]);
    });

    it('delivers every message once across pages, oldest first and byte for byte', async () => {
      const sent = Array.from({ length: 7 }, (_, i) => sourceMessage(`page-${i}`));
      await h.add(sent.map((m) => m.raw));
      const source = open();
      const { messages, pages } = await drain(source, null, 3);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(messages.map((m) => messageIdOf(m.raw))).toEqual(sent.map((m) => m.messageId));
      expect(new Set(messages.map((m) => m.id)).size).toBe(7);
      for (const [i, m] of messages.entries()) {
        expect(Buffer.from(m.raw).equals(sent[i]!.raw)).toBe(true);
        if (m.receivedAt !== undefined) expect(Number.isNaN(m.receivedAt.getTime())).toBe(false);
      }
    });

    it('resumes from a stored cursor after a restart and then sees only mail added later', async () => {
      await h.add([sourceMessage().raw, sourceMessage().raw]);
      const first = open();
      const before = await drain(first, null, 10);
      expect(before.messages).toHaveLength(2);
      await first.close?.();

      const restarted = open();
      expect((await restarted.fetchSince(before.cursor, 10)).messages).toEqual([]);
      const later = [sourceMessage('later'), sourceMessage('later')];
      await h.add(later.map((m) => m.raw));
      const after = await drain(restarted, before.cursor, 10);
      expect(after.messages.map((m) => messageIdOf(m.raw))).toEqual(later.map((m) => m.messageId));
      expect((await restarted.fetchSince(after.cursor, 10)).messages).toEqual([]);
    });

    it('picks up a message added between pages', async () => {
      const early = [sourceMessage('a'), sourceMessage('b'), sourceMessage('c')];
      await h.add(early.map((m) => m.raw));
      const source = open();
      const page = await source.fetchSince(null, 2);
      expect(page.messages).toHaveLength(2);
      expect(page.more).toBe(true);
      const late = sourceMessage('late');
      await h.add([late.raw]);
      const rest = await drain(source, page.cursor, 2);
      expect([...page.messages, ...rest.messages].map((m) => messageIdOf(m.raw))).toEqual([...early, late].map((m) => m.messageId));
    });

    it('starts the folder over when its cursor is no longer valid', async () => {
      const sent = [sourceMessage(), sourceMessage(), sourceMessage()];
      await h.add(sent.map((m) => m.raw));
      const source = open();
      const { cursor } = await drain(source, null, 2);
      const stale = h.invalidate(cursor);
      // Either path is allowed: reject with cursor_expired (the caller starts over from null),
      // or answer with a page flagged `reset` that starts over by itself.
      const first = await source.fetchSince(stale, 2).then(
        (page) => ({ page }),
        (error: unknown) => ({ error }),
      );
      let again: SourcedMessage[];
      if ('error' in first) {
        expect(first.error).toBeInstanceOf(MailSourceError);
        expect((first.error as MailSourceError).code).toBe('cursor_expired');
        again = (await drain(source, null, 2)).messages;
      } else {
        expect(first.page.reset).toBe(true);
        again = first.page.messages;
        if (first.page.more) again = [...again, ...(await drain(source, first.page.cursor, 2)).messages];
      }
      expect(again.map((m) => messageIdOf(m.raw))).toEqual(sent.map((m) => m.messageId));
    });

    it('rejects a cursor of another shape with cursor_expired', async () => {
      const error = await sourceError(open().fetchSince({ deltaLink: 'https://graph.example/delta?token=1' }, 10));
      expect(error.code).toBe('cursor_expired');
    });

    it('fails with a MailSourceError carrying the right code', async () => {
      expect(h.failing.length).toBeGreaterThan(0);
      for (const f of h.failing) {
        const source = f.open();
        opened.push(source);
        const error = await sourceError(source.fetchSince(null, 10));
        expect({ what: f.what, code: error.code }).toEqual({ what: f.what, code: f.code });
        expect(error.message).not.toBe('');
      }
    });
  });
}
