// A MailSource over one folder of a Microsoft 365 mailbox, by Graph delta query
// (https://learn.microsoft.com/graph/delta-query-messages). The first call with a null cursor
// starts a round over the whole folder; each page is one delta response of at most `limit`
// entries (`Prefer: odata.maxpagesize`), and the cursor is the link that continues after it:
// the @odata.nextLink inside a round (so a restart in the middle of a round carries on from
// the page after the last stored one), or the @odata.deltaLink once the round is complete.
// Graph answers an expired link with 410 Gone (or a syncStateNotFound code): cursor_expired,
// and mail sync starts over, Message-IDs keeping what was taken in from being processed twice.
//
// For each new message the MIME is fetched from /messages/{id}/$value, so the pipeline reads
// the message exactly as it arrived (headers, attachments, encodings) rather than Graph's
// JSON rendering of it. Entries Graph marks @removed, drafts, and repeats of one
// internetMessageId within a page are skipped. With a processed category, the messages of a
// page are tagged with it when the next call passes that page's cursor back (a caller only
// does so once it stored them), and messages carrying it are not delivered again when a
// later delta reports them as changed.
import type { Logger } from 'pino';
import { MailSourceError, type MailCursor, type MailPage, type MailSource, type SourcedMessage } from '../../../core/mail/mail-source.js';
import type { GraphApi } from './graph-api.js';
import { graphFailure, graphSourceError } from './graph-errors.js';

/** One entry of a message delta page, as selected below. */
export interface GraphDeltaMessage {
  id: string;
  '@removed'?: { reason: string };
  internetMessageId?: string;
  receivedDateTime?: string;
  isDraft?: boolean;
  categories?: string[];
}

/** A message delta response page. */
export interface GraphDeltaPage {
  value: GraphDeltaMessage[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface GraphMailSourceOptions {
  api: GraphApi;
  /** A well-known folder name (inbox) or a folder id; default inbox. */
  folder?: string;
  /** Category to tag processed messages with; leave out to change nothing in the mailbox. */
  processedCategory?: string;
  logger?: Pick<Logger, 'warn' | 'debug'>;
}

interface GraphCursor {
  /** The nextLink or deltaLink to continue with. */
  link: string;
  /** The mailbox and folder the link belongs to (Graph's links name them by internal ids). */
  mailbox: string;
  folder: string;
  /** Messages of the page this cursor ends, with their categories, to tag once the cursor comes back. */
  tag?: Array<{ id: string; categories: string[] }>;
}

const SELECT = 'id,internetMessageId,receivedDateTime,isDraft,categories';

/** Reads one folder of a Microsoft 365 mailbox. */
export class GraphMailSource implements MailSource {
  readonly name = 'graph';
  readonly address: string;
  readonly folder: string;

  constructor(private readonly options: GraphMailSourceOptions) {
    this.folder = options.folder ?? 'inbox';
    this.address = `graph://${options.api.mailbox.toLowerCase()}/${this.folder}`;
  }

  async fetchSince(cursor: MailCursor | null, limit: number): Promise<MailPage> {
    const { api } = this.options;
    const from = cursor === null ? null : this.parseCursor(cursor);
    if (from?.tag && from.tag.length > 0) await this.tagProcessed(from.tag);
    const url = from?.link ?? `${api.root}/mailFolders/${encodeURIComponent(this.folder)}/messages/delta?$select=${SELECT}`;
    let page: GraphDeltaPage;
    try {
      page = await api.get<GraphDeltaPage>(url, [`odata.maxpagesize=${Math.max(1, limit)}`]);
    } catch (err) {
      throw graphSourceError(err, `reading the delta of ${this.folder}`);
    }
    const next = page['@odata.nextLink'] ?? page['@odata.deltaLink'];
    if (next === undefined) throw new MailSourceError('unknown', 'Graph: a delta page had neither @odata.nextLink nor @odata.deltaLink');
    const wanted = this.newMessages(page.value ?? []);
    const messages = (await Promise.all(wanted.map((m) => this.fetchMime(m)))).filter((m): m is SourcedMessage => m !== undefined);
    messages.sort((a, b) => (a.receivedAt?.getTime() ?? 0) - (b.receivedAt?.getTime() ?? 0));
    const tag = this.options.processedCategory === undefined ? [] : wanted.map((m) => ({ id: m.id, categories: m.categories ?? [] }));
    return {
      messages,
      cursor: { link: next, mailbox: api.mailbox.toLowerCase(), folder: this.folder, ...(tag.length > 0 ? { tag } : {}) },
      more: page['@odata.nextLink'] !== undefined,
    };
  }

  /** The entries worth delivering: not removed, not drafts, not already tagged processed, one per internetMessageId. */
  private newMessages(entries: readonly GraphDeltaMessage[]): GraphDeltaMessage[] {
    const seen = new Set<string>();
    const category = this.options.processedCategory;
    return entries.filter((m) => {
      if (m['@removed'] !== undefined || m.isDraft === true) return false;
      if (category !== undefined && (m.categories ?? []).includes(category)) return false;
      if (m.internetMessageId !== undefined) {
        if (seen.has(m.internetMessageId)) return false;
        seen.add(m.internetMessageId);
      }
      return true;
    });
  }

  private async fetchMime(m: GraphDeltaMessage): Promise<SourcedMessage | undefined> {
    let raw: Buffer;
    try {
      raw = await this.options.api.getBytes(`${this.options.api.root}/messages/${encodeURIComponent(m.id)}/$value`);
    } catch (err) {
      // Deleted between the delta and this request: the delta will report it as removed.
      if (graphFailure(err).status === 404) {
        this.options.logger?.debug({ id: m.id }, 'graph: a message went away before its MIME was fetched');
        return undefined;
      }
      throw graphSourceError(err, `fetching the MIME of message ${m.id}`);
    }
    const receivedAt = m.receivedDateTime === undefined ? undefined : new Date(m.receivedDateTime);
    return { id: m.id, raw, ...(receivedAt && !Number.isNaN(receivedAt.getTime()) ? { receivedAt } : {}) };
  }

  /** Adds the processed category to messages a stored cursor has passed; a failure is logged, never fatal. */
  private async tagProcessed(tag: NonNullable<GraphCursor['tag']>): Promise<void> {
    const category = this.options.processedCategory;
    if (category === undefined) return;
    await Promise.all(
      tag.map(async ({ id, categories }) => {
        if (categories.includes(category)) return;
        try {
          await this.options.api.patch(`${this.options.api.root}/messages/${encodeURIComponent(id)}`, { categories: [...categories, category] });
        } catch (err) {
          this.options.logger?.warn({ err: graphSourceError(err, 'tagging a processed message'), id }, 'graph: could not add the processed category');
        }
      }),
    );
  }

  private parseCursor(cursor: MailCursor): GraphCursor {
    const { link, mailbox, folder, tag } = cursor;
    const ours = mailbox === this.options.api.mailbox.toLowerCase() && folder === this.folder;
    // A link of another mailbox or folder (configuration changed) is as unusable as an expired one.
    if (ours && typeof link === 'string' && isDeltaLink(link)) {
      const tags = Array.isArray(tag) ? tag.filter(isTag) : [];
      return { link, mailbox, folder, ...(tags.length > 0 ? { tag: tags } : {}) };
    }
    throw new MailSourceError('cursor_expired', `Graph: the stored cursor is not a delta link of ${this.address}; starting the folder over`);
  }
}

/** An https link to a message delta (`…/messages/delta?…` or `…/messages/microsoft.graph.delta?…`). */
function isDeltaLink(link: string): boolean {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' && /\/messages\/(microsoft\.graph\.)?delta$/i.test(url.pathname);
  } catch {
    return false;
  }
}

function isTag(x: unknown): x is { id: string; categories: string[] } {
  if (typeof x !== 'object' || x === null) return false;
  const t = x as { id?: unknown; categories?: unknown };
  return typeof t.id === 'string' && Array.isArray(t.categories) && t.categories.every((c) => typeof c === 'string');
}
