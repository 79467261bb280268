import type { CurrencyCode } from './money.js';

export type PaymentMethod = 'ACH' | 'wire' | 'check' | 'card';

/** The part of a payment applied to one invoice. */
export interface PaymentApplication {
  invoiceNumber: string;
  amount: number;
}

/** A payment received, as the system of record knows it. */
export interface Payment {
  id: string;
  tenantId: string;
  sorId: string;
  customerSorId: string;
  date: Date;
  amount: number;
  currency: CurrencyCode;
  method: PaymentMethod;
  reference: string;
  applications: PaymentApplication[];
  createdAt: Date;
  updatedAt: Date;
}
