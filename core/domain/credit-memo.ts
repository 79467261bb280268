import type { CurrencyCode } from './money.js';

/** A credit memo from the system of record. */
export interface CreditMemo {
  id: string;
  tenantId: string;
  sorId: string;
  number: string;
  customerSorId: string;
  date: Date;
  amount: number;
  balance: number;
  currency: CurrencyCode;
  createdAt: Date;
  updatedAt: Date;
}
