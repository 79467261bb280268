export type ContactSource = 'sor' | 'manual';

/** A person allowed to speak for a customer; unique per customer by email. */
export interface Contact {
  id: string;
  tenantId: string;
  customerSorId: string;
  name: string;
  /** Lower-cased email address. */
  email: string;
  role?: string;
  source: ContactSource;
  createdAt: Date;
  updatedAt: Date;
}
