// What links mail to a customer, read across collections for the customer record: emails the
// pipeline matched to the customer (analyses), messages we queued about the customer (outbox,
// by whose data they disclose) and threads assigned to the customer. Read-only except for
// re-pointing threads when two customers are merged.
import type { Collection, Db, Document } from 'mongodb';
import { collectionOf } from './doc.js';

/** An inbound email matched to a customer. */
export interface InboundLink {
  emailId: string;
  at: Date;
  intents: string[];
  action?: string;
}

/** A message we sent (or queued) carrying a customer's data. */
export interface OutboundLink {
  outboxItemId: string;
  emailId: string;
  taskId?: string;
  status: string;
  subject: string;
  to: string[];
  automatic: boolean;
  createdAt: Date;
  sentAt?: Date;
}

/** Mail and thread links of one tenant's customers. */
export class CustomerLinksRepo {
  private readonly analyses: Collection<Document>;
  private readonly outbox: Collection<Document>;
  private readonly threads: Collection<Document>;

  constructor(db: Db, private readonly tenantId: string) {
    this.analyses = collectionOf<Document>(db, 'analyses');
    this.outbox = collectionOf<Document>(db, 'outbox');
    this.threads = collectionOf<Document>(db, 'threads');
  }

  /** Inbound emails the pipeline matched to any of these customers, newest first. */
  async inbound(customerIds: readonly string[], limit: number): Promise<InboundLink[]> {
    const docs = await this.analyses
      .find(
        { tenantId: this.tenantId, 'match.customerId': { $in: [...customerIds] } },
        { projection: { emailId: 1, createdAt: 1, intents: 1, 'decision.action': 1 } },
      )
      .sort({ createdAt: -1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => ({
      emailId: String(d['emailId']),
      at: d['createdAt'] as Date,
      intents: (d['intents'] as string[] | undefined) ?? [],
      ...(typeof d['decision']?.action === 'string' ? { action: d['decision'].action as string } : {}),
    }));
  }

  /** Inbound emails the pipeline matched to an invoice, newest first. */
  async inboundForInvoice(invoiceNumber: string, limit: number): Promise<InboundLink[]> {
    const docs = await this.analyses
      .find({ tenantId: this.tenantId, 'match.invoices.number': invoiceNumber }, { projection: { emailId: 1, createdAt: 1, intents: 1, 'decision.action': 1 } })
      .sort({ createdAt: -1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => ({
      emailId: String(d['emailId']),
      at: d['createdAt'] as Date,
      intents: (d['intents'] as string[] | undefined) ?? [],
      ...(typeof d['decision']?.action === 'string' ? { action: d['decision'].action as string } : {}),
    }));
  }

  /** Messages queued with any of these customers' data, newest first (attachments left out). */
  async outbound(customerIds: readonly string[], limit: number): Promise<OutboundLink[]> {
    const docs = await this.outbox
      .find(
        { tenantId: this.tenantId, 'message.disclosure.customerId': { $in: [...customerIds] } },
        { projection: { emailId: 1, taskId: 1, status: 1, 'message.subject': 1, 'message.to': 1, 'message.automatic': 1, createdAt: 1, sentAt: 1 } },
      )
      .sort({ createdAt: -1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => ({
      outboxItemId: String(d['_id']),
      emailId: String(d['emailId']),
      ...(typeof d['taskId'] === 'string' ? { taskId: d['taskId'] as string } : {}),
      status: String(d['status']),
      subject: String(d['message']?.subject ?? ''),
      to: ((d['message']?.to as Array<{ address: string }> | undefined) ?? []).map((a) => a.address),
      automatic: d['message']?.automatic === true,
      createdAt: d['createdAt'] as Date,
      ...(d['sentAt'] instanceof Date ? { sentAt: d['sentAt'] } : {}),
    }));
  }

  /** When we last sent a message carrying any of these customers' data, or null. */
  async lastSentAt(customerIds: readonly string[]): Promise<Date | null> {
    const [doc] = await this.outbox
      .find({ tenantId: this.tenantId, status: 'sent', 'message.disclosure.customerId': { $in: [...customerIds] } }, { projection: { sentAt: 1 } })
      .sort({ sentAt: -1 })
      .limit(1)
      .toArray();
    return doc && doc['sentAt'] instanceof Date ? doc['sentAt'] : null;
  }

  /** How many inbound emails and outbound messages are linked to a customer (for a merge's preview). */
  async counts(customerId: string): Promise<{ inbound: number; outbound: number; threads: number }> {
    const [inbound, outbound, threads] = await Promise.all([
      this.analyses.countDocuments({ tenantId: this.tenantId, 'match.customerId': customerId }),
      this.outbox.countDocuments({ tenantId: this.tenantId, 'message.disclosure.customerId': customerId }),
      this.threads.countDocuments({ tenantId: this.tenantId, customerSorId: customerId }),
    ]);
    return { inbound, outbound, threads };
  }

  /** Re-points threads assigned to `from` at `to`; returns how many moved. */
  async relinkThreads(from: string, to: string): Promise<number> {
    const r = await this.threads.updateMany({ tenantId: this.tenantId, customerSorId: from }, { $set: { customerSorId: to } });
    return r.modifiedCount;
  }
}
