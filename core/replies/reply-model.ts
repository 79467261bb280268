// Contracts of the reply side (issue 4): the view model a reply is rendered from, the rendered
// reply, and the ports for documents and for sending mail.
import type { Intent, Language } from '../pipeline/intents.js';

export interface MoneyView {
  amount: number;
  currency: string;
}

export interface InvoiceView {
  number: string;
  poNumber: string | null;
  issueDate: Date;
  dueDate: Date;
  amount: MoneyView;
  balance: MoneyView;
  status: 'open' | 'partially_paid' | 'paid' | 'void';
  /** Days past due at `asOf` (0 when not yet due). */
  daysPastDue: number;
}

export interface PaymentView {
  reference: string;
  date: Date;
  method: string;
  amount: MoneyView;
  applications: Array<{ invoiceNumber: string; amount: MoneyView }>;
}

export interface AgingBuckets {
  currency: string;
  /** Not yet due. */
  current: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  days90plus: number;
  total: number;
}

export interface StatementView {
  asOf: Date;
  /** Open and partially paid invoices, oldest due date first. */
  openItems: InvoiceView[];
  /** Unapplied credit memos. */
  credits: Array<{ number: string; date: Date; balance: MoneyView }>;
  /** One row per currency. */
  aging: AgingBuckets[];
  /** Balance per currency (open items minus unapplied credits). */
  totals: MoneyView[];
}

/** Everything a reply template may use; built from SoR data, never from email text except the contact's name. */
export interface ReplyViewModel {
  language: Language;
  intents: Intent[];
  company: { name: string; arMailbox: string };
  customer: { sorId: string; name: string; accountNumber: string; currency: string };
  contact: { name?: string; email: string };
  /** Invoices the reply is about (copies asked for, or those a payment question names). */
  invoices: InvoiceView[];
  /** Present when a balance or statement was asked for. */
  statement?: StatementView;
  /** Present when payment status was asked for: payments of the customer relevant to the question. */
  payments?: PaymentView[];
  asOf: Date;
}

export interface ReplyAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
  kind: 'invoice' | 'statement';
  invoiceNumber?: string;
}

export interface RenderedReply {
  subject: string;
  html: string;
  text: string;
  attachments: ReplyAttachment[];
}

/** An outgoing email as a MailSender sends it. */
export interface OutgoingMessage {
  /** Our own RFC 5322 Message-ID (without brackets), fixed before the first attempt so retries are recognisable. */
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  html: string;
  text: string;
  inReplyTo?: string;
  references: string[];
  attachments: Array<{ filename: string; contentType: string; content: Uint8Array }>;
  /** An automatic reply: senders mark it Auto-Submitted: auto-replied (RFC 3834) so other robots do not answer it. */
  autoSubmitted?: boolean;
}

/** The port every mail sender implements (Graph, Gmail, SMTP, the outbox folder). */
export interface MailSender {
  readonly name: string;
  /** Sends once; returns the provider's id. Must be safe to call again with the same messageId after a crash only via `findSent` first. */
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
  /** The provider id of a message already sent with this Message-ID, if the provider can tell (for reconciliation after a crash). */
  findSent(messageId: string): Promise<{ providerMessageId: string } | undefined>;
}

/** Invoice PDFs as the SoR has them (dataset docs/ folder, a connector's PDF endpoint). */
export interface DocumentSource {
  invoicePdf(invoiceNumber: string): Promise<Uint8Array | undefined>;
}

/** Renders documents when the SoR has none. */
export interface DocumentRenderer {
  invoicePdf(invoice: InvoiceView, ctx: { company: ReplyViewModel['company']; customer: ReplyViewModel['customer']; language: Language }): Promise<Uint8Array>;
  statementPdf(statement: StatementView, ctx: { company: ReplyViewModel['company']; customer: ReplyViewModel['customer']; language: Language }): Promise<Uint8Array>;
}
