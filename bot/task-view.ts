// The task as a chat card shows it, independent of the platform: the Teams Adaptive Card and
// the Slack Block Kit renderers (cards/) both take this view and own the layout. Everyone
// sees the same card, so `actions` depends on the task's state only; the server checks who may
// do what when a button is clicked.
import type { Draft } from '../core/domain/draft.js';
import type { Email, EmailAddress } from '../core/domain/email.js';
import type { EmailAnalysis } from '../core/domain/email-analysis.js';
import { OPEN_TASK_STATUSES, type Task, type TaskPriority, type TaskStatus } from '../core/domain/task.js';
import type { InvoiceMatch } from '../core/pipeline/match-result.js';
import type { ChatText, ChatUserRef } from './ports/chat-channel.js';

export type TaskActionId = 'claim' | 'unclaim' | 'reassign' | 'edit' | 'approve' | 'close' | 'reprocess' | 'note' | 'reopen';

export interface TaskIntentView {
  intent: string;
  label: string;
  /** The model's confidence (0–1), when the analysis scored this intent. */
  confidence?: number;
}

export interface TaskReasonView {
  code: string;
  message: string;
}

export interface TaskInvoiceView {
  number: string;
  /** Whether the number is a system-of-record invoice (false: quoted in the email, resolved to none). */
  found: boolean;
  /** How the email's reference led to it, or why it did not resolve. */
  evidence?: string;
}

export interface TaskDraftView {
  version: number;
  subject: string;
  /** "Name <address>" or the bare address. */
  to: string[];
  cc: string[];
  bodyPreview: string;
  /** File names of what the reply carries. */
  attachments: string[];
}

export interface TaskCardView {
  taskId: string;
  version: number;
  status: TaskStatus;
  statusLabel: string;
  priority: TaskPriority;
  /** ISO timestamp of the SLA deadline. */
  dueAt?: string;
  /** Past its deadline and still open. */
  overdue: boolean;
  subject: string;
  from: { name?: string; address: string };
  /** ISO timestamp. */
  receivedAt: string;
  /** ISO 639-1 code, 'und' when unknown. */
  language: string;
  customer?: { sorId: string; name: string; accountNumber?: string };
  intents: TaskIntentView[];
  reasons: TaskReasonView[];
  invoices: TaskInvoiceView[];
  /** The email's new text, whitespace collapsed, at most EXCERPT_MAX characters. */
  excerpt: string;
  /** File names of the email's attachments. */
  attachments: string[];
  assignee?: ChatUserRef;
  team?: { id: string; name: string };
  draft?: TaskDraftView;
  /** How many internal notes the task has. */
  notes: number;
  closeReason?: string;
  actions: TaskActionId[];
}

export interface TaskViewInput {
  task: Task;
  /** `text` is the excerpt's fallback when there is no analysis (it still carries quoted history). */
  email: Pick<Email, 'subject' | 'from' | 'receivedAt' | 'attachments'> & Partial<Pick<Email, 'text'>>;
  analysis?: Pick<EmailAnalysis, 'language' | 'scores' | 'match' | 'decision' | 'newText'>;
  draft?: Draft | null;
  /** The assignee as chat knows them (the caller resolves task.assignee). */
  assignee?: ChatUserRef;
  team?: { id: string; name: string };
  /** Without it, a task with a customer shows its SoR id as the name. */
  customer?: { sorId: string; name: string; accountNumber?: string };
  now: Date;
}

export const EXCERPT_MAX = 600;
export const DRAFT_PREVIEW_MAX = 1200;

const STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  new: 'New',
  assigned: 'Assigned',
  in_review: 'In review',
  approved: 'Approved',
  sent: 'Sent',
  closed_no_reply: 'Closed without reply',
  reprocessing: 'Reprocessing',
};

const INTENT_LABELS: Readonly<Record<string, string>> = {
  invoice_copy: 'Invoice copy',
  balance_statement: 'Balance or statement',
  payment_status: 'Payment status',
  remittance_advice: 'Remittance advice',
  dispute: 'Dispute',
  tax_form_request: 'Tax form request',
  contact_update: 'Contact details update',
  auto_reply: 'Automatic reply',
  other: 'Other',
};

/** Buttons per status; 'approve' is dropped when there is no draft to approve. */
const ACTIONS: Readonly<Record<TaskStatus, readonly TaskActionId[]>> = {
  new: ['claim', 'reassign', 'edit', 'close', 'note'],
  assigned: ['claim', 'unclaim', 'reassign', 'edit', 'approve', 'close', 'reprocess', 'note'],
  in_review: ['unclaim', 'reassign', 'edit', 'approve', 'close', 'reprocess', 'note'],
  approved: ['note'],
  sent: ['note'],
  closed_no_reply: ['reopen', 'note'],
  reprocessing: ['note'],
};

/** The card of one task as every chat platform shows it. Pure. */
export function buildTaskView(input: TaskViewInput): TaskCardView {
  const { task, email, analysis, draft, now } = input;
  const customer = input.customer ?? (task.customerSorId ? { sorId: task.customerSorId, name: task.customerSorId } : undefined);
  const draftView = draft ? buildDraftView(draft) : undefined;
  return {
    taskId: task.id,
    version: task.version,
    status: task.status,
    statusLabel: statusLabel(task, input.assignee),
    priority: task.priority ?? 'normal',
    dueAt: task.dueAt?.toISOString(),
    overdue: task.dueAt !== undefined && now.getTime() >= task.dueAt.getTime() && OPEN_TASK_STATUSES.includes(task.status),
    subject: email.subject,
    from: email.from.name ? { name: email.from.name, address: email.from.address } : { address: email.from.address },
    receivedAt: email.receivedAt.toISOString(),
    language: analysis?.language ?? task.language ?? 'und',
    customer,
    intents: task.intents.map((intent) => {
      const confidence = analysis?.scores.find((s) => s.intent === intent)?.confidence;
      return confidence === undefined ? { intent, label: intentLabel(intent) } : { intent, label: intentLabel(intent), confidence };
    }),
    reasons: reasonViews(task, analysis),
    invoices: invoiceViews(task, analysis),
    excerpt: truncate(collapseWhitespace(analysis?.newText ?? email.text ?? ''), EXCERPT_MAX),
    attachments: email.attachments.map((a) => a.filename),
    assignee: input.assignee,
    team: input.team,
    draft: draftView,
    notes: task.notes?.length ?? 0,
    closeReason: task.closeReason,
    // A status this build does not know (stored by a newer one) gets the one harmless action.
    actions: (ACTIONS[task.status] ?? ['note']).filter((a) => a !== 'approve' || draftView !== undefined),
  };
}

/** "Assigned to @Ana Lima" with Ana as a mention, or undefined when nobody has the task. */
export function taskMentionText(view: Pick<TaskCardView, 'assignee'>): ChatText | undefined {
  if (!view.assignee) return undefined;
  return { text: `Assigned to @${view.assignee.displayName}`, mentions: [view.assignee] };
}

/** The plain-English name of an intent. */
export function intentLabel(intent: string): string {
  return Object.hasOwn(INTENT_LABELS, intent) ? (INTENT_LABELS[intent] as string) : readableCode(intent);
}

/** "sender_not_known_contact" → "Sender not known contact": the fallback for codes without a message. */
export function readableCode(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words === '' ? code : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The decision's own sentences for the task's reason codes, in the task's order. */
function reasonViews(task: Task, analysis: TaskViewInput['analysis']): TaskReasonView[] {
  const out: TaskReasonView[] = [];
  for (const code of new Set(task.reasons)) {
    const stated = analysis?.decision.reasons.filter((r) => r.code === code) ?? [];
    if (stated.length === 0) out.push({ code, message: readableCode(code) });
    else out.push(...stated.map((r) => ({ code, message: r.message })));
  }
  return out;
}

/**
 * The task's invoices (a person's corrections win over what was matched), each with the match's
 * evidence, then the references that resolved to nothing. Once a person has corrected the
 * numbers, the unresolved references are theirs to have dealt with and are not listed.
 */
function invoiceViews(task: Task, analysis: TaskViewInput['analysis']): TaskInvoiceView[] {
  const corrected = task.corrections?.invoiceNumbers;
  const matches = analysis?.match.invoices ?? [];
  const numbers = corrected ?? task.invoiceNumbers ?? [...new Set(matches.map((m) => m.number))];
  const out: TaskInvoiceView[] = [...new Set(numbers)].map((number) => {
    const evidence = matchEvidence(matches.filter((m) => m.number === number));
    if (evidence !== undefined) return { number, found: true, evidence };
    return corrected ? { number, found: true, evidence: 'entered by a person' } : { number, found: true };
  });
  if (corrected) return out;
  const listed = new Set(out.map((i) => i.number));
  for (const u of analysis?.match.unresolved ?? []) {
    if (listed.has(u.raw)) continue;
    listed.add(u.raw);
    const what = u.kind === 'po' ? 'PO number' : 'reference';
    const evidence =
      u.reason === 'ambiguous'
        ? `${what} matches several invoices${u.candidates && u.candidates.length > 0 ? ` (${u.candidates.join(', ')})` : ''}`
        : `${what} matches no invoice`;
    out.push({ number: u.raw, found: false, evidence });
  }
  return out;
}

function matchEvidence(matches: InvoiceMatch[]): string | undefined {
  const lines = [...new Set(matches.map((m) => m.evidence))];
  return lines.length === 0 ? undefined : lines.join('; ');
}

function buildDraftView(draft: Draft): TaskDraftView {
  const m = draft.message;
  const files = (m.attachments ?? []).map((a) => a.filename);
  const covered = new Set((m.attachments ?? []).flatMap((a) => (a.invoiceNumber ? [a.invoiceNumber] : [])));
  // Invoices marked for attachment whose PDF is rendered only when the reply is queued.
  const pending = m.attachInvoices.filter((n) => !covered.has(n)).map((n) => `${n} (invoice PDF)`);
  return {
    version: draft.version,
    subject: m.subject,
    to: m.to.map(formatAddress),
    cc: m.cc.map(formatAddress),
    bodyPreview: truncate(m.text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim(), DRAFT_PREVIEW_MAX),
    attachments: [...files, ...pending],
  };
}

function formatAddress(a: EmailAddress): string {
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters, the last being "…" when cut; never splits a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** "Sent by Ana Lima" / "Approved by Ana Lima" when a person approved the reply; else the status's name. */
function statusLabel(task: Task, assignee: ChatUserRef | undefined): string {
  const label = STATUS_LABELS[task.status] ?? readableCode(task.status);
  const byPerson = (task.status === 'sent' || task.status === 'approved') && task.approvedBy !== undefined && task.approvedBy !== 'system';
  if (!byPerson) return label;
  const name = assignee !== undefined && assignee.userId === task.approvedBy ? assignee.displayName : undefined;
  return name ? `${label} by ${name}` : label;
}
