// Stage 4 output: who sent the email and which SoR records it refers to, each with evidence.

export type AuthVerdict = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror' | 'policy';

export interface AuthResults {
  spf?: AuthVerdict;
  dkim?: AuthVerdict;
  dmarc?: AuthVerdict;
  /** header.d of a passing DKIM signature. */
  dkimDomain?: string;
  /** header.from the DMARC verdict was computed for. */
  dmarcFromDomain?: string;
}

export interface SenderMatch {
  /** The From address, lower-cased ('' when there is none). */
  address: string;
  domain: string;
  /** Customers listing the sender as a customer contact. */
  contactOf: string[];
  /** Invoice numbers listing the sender as an invoice-level contact, by customer. */
  invoiceContactOf: Array<{ customerId: string; invoiceNumber: string }>;
  /** Customers whose known domains include the sender's domain. */
  domainCustomers: string[];
  /** A customer domain the sender's domain imitates (acme-lndustrial vs acme-industrial). */
  lookalike?: { domain: string; customerIds: string[]; reason: string };
  freeMail: boolean;
  /** mailer-daemon, postmaster, no-reply and similar machine senders. */
  systemSender: boolean;
  auth: AuthResults;
  /** Reply-To pointing somewhere other than the sender's own domain. */
  replyToMismatch?: { address: string; reason: string };
  evidence: string[];
}

export type InvoiceMatchRule =
  | 'exact'
  | 'case_or_separators'
  | 'missing_prefix'
  | 'leading_zeros'
  | 'one_digit_typo'
  | 'transposed_digits'
  /** A letter prefix of the customer's own on a number the SoR writes without letters ("NF-90438804" for 90438804). */
  | 'added_prefix'
  /** The digits split into other groups than the SoR number has ("904 125 77" for 90412577): a person confirms the reading. */
  | 'regrouped_digits'
  /** Only the last digits quoted ("the invoice ending in 415209"), unique among the invoices of the sender's customer. */
  | 'last_digits'
  | 'po_number'
  /** No reference quoted: an amount equal to the amount or open balance of one invoice of the customer. Never a basis for a reply. */
  | 'amount';

export interface InvoiceMatch {
  /** The reference as written in the email. */
  raw: string;
  /** The SoR invoice it resolved to. */
  number: string;
  invoiceId: string;
  customerId: string;
  rule: InvoiceMatchRule;
  evidence: string;
}

/**
 * What `customerId` rests on. Only 'contact' and 'invoice_contact' tie the sender to the
 * customer; the others say what the email is about, never that the sender may receive its data.
 */
export type CustomerBasis = 'contact' | 'invoice_contact' | 'bounce' | 'domain' | 'lookalike' | 'references' | 'none';

export interface MatchResult {
  sender: SenderMatch;
  /** The customer the email is about (customerBasis says on what grounds), or null when it cannot be known. */
  customerId: string | null;
  customerEvidence: string[];
  /** How customerId was decided (see CustomerBasis); always set by matchEmail. */
  customerBasis?: CustomerBasis;
  /** The sender is a customer contact or an invoice-level contact of `customerId` (FORMAT.md knownContact). */
  knownContact?: boolean;
  /** For a delivery failure report: the recipients that could not be reached. */
  bouncedRecipients?: string[];
  /** Customers the email's references point to (account numbers, invoices), for cross-customer checks. */
  referencedCustomers: string[];
  invoices: InvoiceMatch[];
  /** References that resolved to no invoice, or to several. */
  unresolved: Array<{
    raw: string;
    reason: 'not_found' | 'ambiguous';
    candidates?: string[];
    /** Whether `raw` was quoted as an invoice reference or as a PO number. */
    kind?: 'invoice' | 'po';
  }>;
  /** Account numbers quoted in the email that resolved to a customer. */
  accounts: Array<{ raw: string; customerId: string }>;
}
