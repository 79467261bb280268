// View models of the customer and invoice records, the same for Teams cards, Slack blocks and
// the tab. Money is a number with its currency; dates are ISO (days as YYYY-MM-DD).
import type { AgingBuckets } from '../../core/replies/reply-model.js';
import type { MoneyView } from '../queries/views.js';

export type { MoneyView };

export interface RecordContactView {
  name?: string;
  email: string;
  role?: string;
  /** sor: owned by the system of record (read-only here); manual: added in arbot. */
  source: 'sor' | 'manual';
  readOnly: boolean;
}

export interface OpenInvoiceLine {
  number: string;
  dueDate: string;
  balance: MoneyView;
  daysPastDue: number;
  status: 'open' | 'partially_paid';
}

export type TimelineKind = 'email_in' | 'email_out' | 'task' | 'note' | 'sync' | 'statement' | 'merge' | 'archive' | 'action';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  /** One line for people. */
  text: string;
  /** What to open: a task id, an email id, an outbox item id. */
  ref?: { type: 'task' | 'email' | 'outbox' | 'audit'; id: string };
  /** The duplicate this entry belongs to, when it was merged into this customer. */
  via?: string;
}

export interface NoteView {
  id: string;
  at: string;
  by: string;
  text: string;
  movedFrom?: string;
}

export interface CustomerRecordView {
  sorId: string;
  displayName: string;
  accountNumber: string;
  /** The SoR's status. */
  status: 'active' | 'archived';
  /** Archived in arbot. */
  archived: boolean;
  currency: string;
  domains: string[];
  /** Billing owner; `ownerFilledByMerge` when the SoR has none and a merged duplicate's was kept. */
  billingOwner?: string;
  ownerFilledByMerge?: boolean;
  /** Contacts cannot be changed here when the SoR owns them. */
  contactsReadOnly: boolean;
  contacts: RecordContactView[];
  /** Open invoice balances per currency. */
  outstanding: MoneyView[];
  /** Unapplied credit memo balances per currency. */
  unappliedCredits: MoneyView[];
  /** Outstanding minus unapplied credits, per currency (the statement's totals). */
  net: MoneyView[];
  lastPayment?: { date: string; amount: MoneyView; reference: string; method: string };
  /** When we last sent the customer an email (ISO date-time). */
  lastContacted?: string;
  openInvoiceCount: number;
  /** Oldest due first, at most `OPEN_INVOICES_SHOWN`. */
  openInvoices: OpenInvoiceLine[];
  /** One row per currency: current, 1–30, 31–60, 61–90, 90+ days past due. */
  aging: AgingBuckets[];
  openTasks: number;
  /** Newest first, at most `TIMELINE_SHOWN`. */
  timeline: TimelineEntry[];
  /** Newest first. */
  notes: NoteView[];
  /** Customers merged into this one. */
  mergedFrom: Array<{ sorId: string; name: string }>;
  /** Set when this record was merged into another: open that one instead. */
  mergedInto?: { sorId: string; name: string; at: string };
  /** The SoR's "today" the balances and aging are computed at. */
  asOf: string;
}

export interface InvoiceRecordView {
  number: string;
  customer: { sorId: string; name: string; accountNumber: string };
  poNumber: string | null;
  issueDate: string;
  dueDate: string;
  amount: MoneyView;
  balance: MoneyView;
  status: 'open' | 'partially_paid' | 'paid' | 'void';
  daysPastDue: number;
  agingBucket: 'current' | '1-30' | '31-60' | '61-90' | '90+' | 'closed';
  payments: Array<{ reference: string; date: string; method: string; applied: MoneyView }>;
  /** The customer's unapplied credit memos in the invoice's currency (credits are not tied to one invoice in the SoR). */
  availableCredits: Array<{ number: string; date: string; balance: MoneyView }>;
  /** Invoice-level contacts and the customer's contacts: who a copy may be sent to. */
  contacts: Array<{ email: string; name?: string; role?: string; level: 'invoice' | 'customer' }>;
  relatedEmails: Array<{ emailId: string; at: string; subject: string; from: string }>;
  relatedTasks: Array<{ taskId: string; status: string; createdAt: string; intents: string[] }>;
  /** The SoR serves its own PDF at this address; otherwise arbot renders one. */
  pdfUrl?: string;
  asOf: string;
}

/** A merge as it would happen, for the first confirmation. */
export interface MergePreview {
  source: { sorId: string; name: string; accountNumber: string };
  target: { sorId: string; name: string; accountNumber: string };
  moves: {
    notes: number;
    /** Contact addresses copied to the target (those it lacks). */
    contactsCopied: string[];
    /** Contacts added in arbot that leave the source (SoR contacts stay: the SoR owns them). */
    manualContactsRemoved: string[];
    tasks: number;
    threads: number;
    /** Shown on the target through the merge (the records themselves are history and stay as written). */
    emailsIn: number;
    emailsOut: number;
    timelineEvents: number;
  };
  /** Blank target fields filled from the source. */
  fills: { billingOwner?: string; domains?: string[] };
  /** The second confirmation: the token of this preview and the source's account number typed again. */
  confirmation: { token: string; typeToConfirm: string };
}

export interface MergeResult {
  source: string;
  target: string;
  moved: { notes: number; contactsCopied: number; manualContactsRemoved: number; tasks: number; threads: number };
  shownThroughMerge: { emailsIn: number; emailsOut: number; timelineEvents: number };
  fills: { billingOwner?: string; domains?: string[] };
}
