// An in-memory MailSource for service and job tests: a list of messages with a position
// cursor ({ epoch, pos }), errors scripted per call, and `renumber()` to invalidate cursors
// the way a recreated IMAP folder does. It passes the MailSource conformance suite.
import { MailSourceError, type MailCursor, type MailPage, type MailSource } from '../../core/mail/mail-source.js';

export class MemoryMailSource implements MailSource {
  readonly name = 'memory';
  readonly address: string;
  readonly messages: Uint8Array[] = [];
  /** Errors thrown by the next fetches, in order. */
  readonly failures: Error[] = [];
  /** Cursors passed to fetchSince, in order. */
  readonly calls: Array<MailCursor | null> = [];
  private epoch = 1;

  constructor(address = 'memory://ar@northwind.example/INBOX') {
    this.address = address;
  }

  add(...raws: Uint8Array[]): this {
    this.messages.push(...raws);
    return this;
  }

  /** Old cursors stop working (they are answered with cursor_expired). */
  renumber(): void {
    this.epoch += 1;
  }

  async fetchSince(cursor: MailCursor | null, limit: number): Promise<MailPage> {
    this.calls.push(cursor);
    const failure = this.failures.shift();
    if (failure) throw failure;
    let pos = 0;
    if (cursor !== null) {
      if (cursor['epoch'] !== this.epoch || typeof cursor['pos'] !== 'number') throw new MailSourceError('cursor_expired', 'memory source: cursor from another epoch');
      pos = cursor['pos'];
    }
    const page = this.messages.slice(pos, pos + limit);
    return {
      messages: page.map((raw, i) => ({ id: `m${pos + i}`, raw, receivedAt: new Date(Date.UTC(2026, 10, 20, 9, 0, pos + i)) })),
      cursor: { epoch: this.epoch, pos: pos + page.length },
      more: pos + page.length < this.messages.length,
    };
  }
}
