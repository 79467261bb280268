// View models of the lookup commands (`customer`, `invoice`, `tasks`, `stats`), the same for
// Teams cards, Slack blocks and the tab. Money is a number with its currency; dates are ISO.

export interface MoneyView {
  amount: number;
  currency: string;
}

export interface CustomerSummaryView {
  sorId: string;
  name: string;
  accountNumber: string;
  status: 'active' | 'archived';
  currency: string;
  /** Sum of open balances per currency. */
  openBalance: MoneyView[];
  openInvoices: number;
  overdueInvoices: number;
  /** Oldest open invoice's days past due (0 when nothing is overdue). */
  oldestDaysPastDue: number;
  contacts: { name?: string; email: string; role?: string }[];
  billingOwner?: string;
  /** Open review tasks about this customer. */
  openTasks: number;
}

export interface InvoiceSummaryView {
  number: string;
  customer: { sorId: string; name: string; accountNumber: string };
  poNumber: string | null;
  issueDate: string;
  dueDate: string;
  amount: MoneyView;
  balance: MoneyView;
  status: 'open' | 'partially_paid' | 'paid' | 'void';
  daysPastDue: number;
  payments: { reference: string; date: string; amount: MoneyView }[];
  contactEmails: string[];
  /** How the typed number was read when it was not exact ("inv 204518" → INV-204518). */
  matchedAs?: string;
}

export interface TaskListItemView {
  taskId: string;
  status: string;
  subject: string;
  from: string;
  customerName?: string;
  intents: string[];
  priority: 'high' | 'normal';
  dueAt?: string;
  overdue: boolean;
  assigneeName?: string;
}

export interface TaskListView {
  scope: 'mine' | 'team';
  items: TaskListItemView[];
  /** Open tasks beyond the ones listed. */
  more: number;
}

export interface StatsView {
  /** Open tasks by status. */
  open: { new: number; assigned: number; in_review: number; reprocessing: number };
  overdue: number;
  /** Tasks closed (sent or closed without reply) in the last 24 hours. */
  closedLast24h: number;
  /** Automatic replies queued in the last 24 hours. */
  autoRepliesLast24h: number;
  /** Open tasks per assignee, most first. */
  byAssignee: { name: string; open: number }[];
}
