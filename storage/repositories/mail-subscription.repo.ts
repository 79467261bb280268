// The push registration of each mailbox (Graph subscription, Gmail watch), as the
// mail-subscription job last created or renewed it. One document per tenant and mailbox
// folder; its _id is built from both, so no extra index is needed.
import type { Collection, Db } from 'mongodb';
import type { MailPushState } from '../../core/mail/mail-push.js';
import { collectionOf } from './doc.js';

interface StoredRegistration {
  _id: string;
  tenantId: string;
  address: string;
  provider: string;
  registrationId: string;
  expiresAt: Date;
  updatedAt: Date;
}

export const MAIL_SUBSCRIPTIONS_COLLECTION = 'mail_subscriptions';

export class MailSubscriptionRepo {
  private readonly docs: Collection<StoredRegistration>;

  constructor(db: Db, private readonly tenantId: string) {
    this.docs = collectionOf<StoredRegistration>(db, MAIL_SUBSCRIPTIONS_COLLECTION);
  }

  /** The stored registration of `address`, or null when there is none. */
  async get(address: string): Promise<MailPushState | null> {
    const doc = await this.docs.findOne({ _id: this.key(address) });
    return doc === null ? null : { id: doc.registrationId, expiresAt: doc.expiresAt };
  }

  async save(address: string, provider: string, state: MailPushState, now: Date): Promise<void> {
    await this.docs.updateOne(
      { _id: this.key(address) },
      { $set: { tenantId: this.tenantId, address, provider, registrationId: state.id, expiresAt: state.expiresAt, updatedAt: now } },
      { upsert: true },
    );
  }

  private key(address: string): string {
    return `${this.tenantId}:${address}`;
  }
}
