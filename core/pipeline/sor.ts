// The system-of-record data the pipeline reads, behind a port: an in-memory index
// (core/pipeline/in-memory-sor.ts) for datasets and tests, MongoDB-backed in production.
import type { Customer } from '../domain/customer.js';
import type { Contact } from '../domain/contact.js';
import type { Invoice } from '../domain/invoice.js';
import type { Payment } from '../domain/payment.js';
import type { CreditMemo } from '../domain/credit-memo.js';
import type { InvoiceShape } from './invoice-number.js';

export type SorCustomer = Pick<Customer, 'sorId' | 'accountNumber' | 'name' | 'currency' | 'domains' | 'billingOwner' | 'status' | 'enrolled'>;
export type SorContact = Pick<Contact, 'customerSorId' | 'name' | 'email' | 'role'>;
export type SorInvoice = Pick<
  Invoice,
  'sorId' | 'number' | 'customerSorId' | 'poNumber' | 'issueDate' | 'dueDate' | 'currency' | 'amount' | 'balance' | 'status' | 'contactEmails'
>;
export type SorPayment = Pick<Payment, 'sorId' | 'customerSorId' | 'date' | 'amount' | 'currency' | 'method' | 'reference' | 'applications'>;
export type SorCreditMemo = Pick<CreditMemo, 'sorId' | 'number' | 'customerSorId' | 'date' | 'amount' | 'balance' | 'currency'>;

/** A whole SoR snapshot (the dataset format's sor.json, with dates parsed). */
export interface SorSnapshot {
  asOf: Date;
  company: { name: string; arMailbox: string };
  customers: SorCustomer[];
  contacts: SorContact[];
  invoices: SorInvoice[];
  payments: SorPayment[];
  creditMemos: SorCreditMemo[];
}

/** Read access to SoR data, shaped for matching: every lookup is an indexed query. */
export interface SorLookup {
  /** The date "today" means for the SoR data (snapshot date or now). */
  asOf(): Date;
  /** Our own AR mailbox address(es), lower-cased. */
  ownAddresses(): Promise<string[]>;
  /** Letter prefixes the SoR's invoice numbers use ("INV", "RF"), most common first: a bare "RF-0012345" is then read as an invoice. */
  invoicePrefixes(): Promise<string[]>;
  /** Shapes the SoR's invoice numbers take (see invoiceNumberShapes), most common first: a bare "2026-001743" is then read as an invoice. */
  invoiceShapes(): Promise<InvoiceShape[]>;
  customer(sorId: string): Promise<SorCustomer | undefined>;
  /** Exact account number (as stored). */
  customerByAccountNumber(accountNumber: string): Promise<SorCustomer | undefined>;
  customersByDomain(domain: string): Promise<SorCustomer[]>;
  /** Every known customer domain with its customers, for lookalike detection. */
  knownDomains(): Promise<ReadonlyMap<string, string[]>>;
  /** Customer contacts with this (lower-cased) address. */
  contactsByEmail(email: string): Promise<SorContact[]>;
  contactsOfCustomer(customerSorId: string): Promise<SorContact[]>;
  /** Invoices whose number key (see invoice-number.ts) is one of `keys`. */
  invoicesByNumberKeys(keys: readonly string[]): Promise<SorInvoice[]>;
  /** Invoices whose serial key (the last digit group, see invoiceSerialKey) is one of `keys`. */
  invoicesBySerialKeys(keys: readonly string[]): Promise<SorInvoice[]>;
  /** Invoices whose PO number key is one of `keys`. */
  invoicesByPoKeys(keys: readonly string[]): Promise<SorInvoice[]>;
  /** Invoices that list this (lower-cased) address as an invoice-level contact. */
  invoicesWithContact(email: string): Promise<SorInvoice[]>;
  invoicesOfCustomer(customerSorId: string): Promise<SorInvoice[]>;
  paymentsOfCustomer(customerSorId: string): Promise<SorPayment[]>;
  creditMemosOfCustomer(customerSorId: string): Promise<SorCreditMemo[]>;
}
