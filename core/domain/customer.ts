import type { CurrencyCode } from './money.js';

export type CustomerStatus = 'active' | 'archived';

/** A customer as the system of record knows it, plus local flags (`enrolled`). */
export interface Customer {
  id: string;
  tenantId: string;
  sorId: string;
  accountNumber: string;
  name: string;
  currency: CurrencyCode;
  /** Email domains known to belong to the customer, lower-cased. */
  domains: string[];
  billingOwner?: string;
  status: CustomerStatus;
  /** Whether automatic replies are enabled for this customer (local, not from the SoR). */
  enrolled: boolean;
  createdAt: Date;
  updatedAt: Date;
}
