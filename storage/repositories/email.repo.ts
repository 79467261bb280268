import type { Collection, Db } from 'mongodb';
import type { Email, EmailAddress, EmailStatus } from '../../core/domain/email.js';
import { StorageError } from '../errors.js';
import { collectionOf, fromDoc, fromDocOrNull, newId, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';
import { insertOrGet } from './insert-or-get.js';

/** An email as parsed from the mailbox, before the repository adds id, tenant and status. */
export type NewEmail = Omit<Email, 'id' | 'tenantId' | 'status' | 'processingError' | 'createdAt' | 'processedAt'>;

/** Result of `insertIfNew`: `inserted` is false when the Message-ID was already stored. */
export interface InsertEmailResult {
  inserted: boolean;
  email: Email;
}

export const indexes: CollectionIndexes = {
  collection: 'emails',
  indexes: [
    { name: 'tenant_messageId_unique', keys: { tenantId: 1, messageId: 1 }, unique: true },
    { name: 'tenant_thread_receivedAt', keys: { tenantId: 1, threadKey: 1, receivedAt: 1 } },
    { name: 'tenant_status_receivedAt', keys: { tenantId: 1, status: 1, receivedAt: 1 } },
    // The dashboard's date range (every email panel starts with it).
    { name: 'tenant_receivedAt', keys: { tenantId: 1, receivedAt: 1 } },
  ],
};

/** Inbound emails of one tenant, unique by Message-ID. */
export class EmailRepo {
  private readonly emails: Collection<Stored<Email>>;

  constructor(db: Db, private readonly tenantId: string) {
    this.emails = collectionOf<Stored<Email>>(db, indexes.collection);
  }

  /** Stores an email unless its Message-ID is already there; a duplicate is reported, never thrown. */
  async insertIfNew(input: NewEmail, now: Date): Promise<InsertEmailResult> {
    const doc: Stored<Email> = {
      ...input,
      from: lowerAddress(input.from),
      to: input.to.map(lowerAddress),
      cc: input.cc.map(lowerAddress),
      replyTo: input.replyTo.map(lowerAddress),
      _id: newId(),
      tenantId: this.tenantId,
      status: 'received',
      createdAt: now,
    };
    const outcome = await insertOrGet(this.emails, doc, { tenantId: this.tenantId, messageId: input.messageId });
    if (outcome.inserted) return { inserted: true, email: fromDoc<Email>(doc) };
    if (outcome.existing === null) {
      throw new StorageError(`emails: duplicate Message-ID ${input.messageId} but no stored email found`);
    }
    return { inserted: false, email: fromDoc<Email>(outcome.existing) };
  }

  /** The email with this id, or null. */
  async get(id: string): Promise<Email | null> {
    return fromDocOrNull<Email>(await this.emails.findOne({ _id: id, tenantId: this.tenantId }));
  }

  /** The email with this Message-ID, or null. */
  async findByMessageId(messageId: string): Promise<Email | null> {
    return fromDocOrNull<Email>(await this.emails.findOne({ tenantId: this.tenantId, messageId }));
  }

  /** The emails of one thread, oldest first. */
  async listByThread(threadKey: string): Promise<Email[]> {
    const docs = await this.emails.find({ tenantId: this.tenantId, threadKey }).sort({ receivedAt: 1, _id: 1 }).toArray();
    return docs.map((d) => fromDoc<Email>(d));
  }

  /** Emails in one status, oldest first (e.g. the ones still to process). */
  async listByStatus(status: EmailStatus, limit = 100): Promise<Email[]> {
    const docs = await this.emails.find({ tenantId: this.tenantId, status }).sort({ receivedAt: 1, _id: 1 }).limit(limit).toArray();
    return docs.map((d) => fromDoc<Email>(d));
  }

  /** Marks an email processed and clears any earlier error; false when there is no such email. */
  async markProcessed(id: string, now: Date): Promise<boolean> {
    const result = await this.emails.updateOne(
      { _id: id, tenantId: this.tenantId },
      { $set: { status: 'processed', processedAt: now }, $unset: { processingError: '' } },
    );
    return result.matchedCount === 1;
  }

  /** Marks an email failed with a one-line reason; false when there is no such email. */
  async markFailed(id: string, error: string, now: Date): Promise<boolean> {
    const result = await this.emails.updateOne(
      { _id: id, tenantId: this.tenantId },
      { $set: { status: 'failed', processingError: error, processedAt: now } },
    );
    return result.matchedCount === 1;
  }
}

function lowerAddress(a: EmailAddress): EmailAddress {
  return { ...a, address: a.address.toLowerCase() };
}
