import type { CurrencyCode } from './money.js';

export type InvoiceStatus = 'open' | 'partially_paid' | 'paid' | 'void';

/** An invoice from the system of record; `number` is unique per tenant. */
export interface Invoice {
  id: string;
  tenantId: string;
  sorId: string;
  number: string;
  customerSorId: string;
  poNumber: string | null;
  issueDate: Date;
  dueDate: Date;
  currency: CurrencyCode;
  amount: number;
  balance: number;
  status: InvoiceStatus;
  /** Invoice-level contacts, lower-cased. */
  contactEmails: string[];
  /** Where the SoR serves this invoice's PDF, when it does (synced, optional). */
  pdfUrl?: string;
  createdAt: Date;
  updatedAt: Date;
}
