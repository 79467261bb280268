import type { Collection, Db } from 'mongodb';
import type { EmailAnalysis } from '../../core/domain/email-analysis.js';
import { isDuplicateKeyError } from '../errors.js';
import { collectionOf, fromDoc, fromDocOrNull, newId, type Stored } from './doc.js';
import type { CollectionIndexes } from './index-spec.js';

export const indexes: CollectionIndexes = {
  collection: 'analyses',
  indexes: [
    { name: 'tenant_messageId_unique', keys: { tenantId: 1, messageId: 1 }, unique: true },
    { name: 'tenant_emailId', keys: { tenantId: 1, emailId: 1 } },
    { name: 'tenant_action_createdAt', keys: { tenantId: 1, 'decision.action': 1, createdAt: -1 } },
  ],
};

export type NewEmailAnalysis = Omit<EmailAnalysis, 'id' | 'tenantId'>;

/** Pipeline results, one per email (Message-ID); saving twice keeps the first. */
export class AnalysisRepo {
  private readonly analyses: Collection<Stored<EmailAnalysis>>;

  constructor(db: Db, private readonly tenantId: string) {
    this.analyses = collectionOf<Stored<EmailAnalysis>>(db, indexes.collection);
  }

  /** Stores the analysis unless one exists for the Message-ID; returns the stored one either way. */
  async saveOnce(analysis: NewEmailAnalysis): Promise<{ analysis: EmailAnalysis; created: boolean }> {
    const doc: Stored<EmailAnalysis> = { _id: newId(), tenantId: this.tenantId, ...analysis };
    try {
      await this.analyses.insertOne(doc);
      return { analysis: fromDoc<EmailAnalysis>(doc), created: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const existing = await this.findByMessageId(analysis.messageId);
      if (!existing) throw e;
      return { analysis: existing, created: false };
    }
  }

  async findByMessageId(messageId: string): Promise<EmailAnalysis | null> {
    return fromDocOrNull<EmailAnalysis>(await this.analyses.findOne({ tenantId: this.tenantId, messageId }));
  }

  async findByEmailId(emailId: string): Promise<EmailAnalysis | null> {
    return fromDocOrNull<EmailAnalysis>(await this.analyses.findOne({ tenantId: this.tenantId, emailId }));
  }
}
