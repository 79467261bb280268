// The Slack message of a review task: the same content as the Teams card, in Block Kit, within
// Slack's limits whatever the email holds. Everyone in the channel sees the same message, so the
// buttons follow the task's state (`view.actions`) and the server checks each click.
import type { ActionsBlock, Button, ConfirmationDialog, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { TaskActionId, TaskCardView } from '../../bot/task-view.js';
import { SLACK_LIMITS } from './limits.js';
import {
  boundedLines,
  escapeMrkdwn,
  mentionOf,
  mrkdwn,
  mrkdwnLink,
  plain,
  plural,
  quote,
  slackDateTime,
  truncateMrkdwn,
  truncatePlain,
} from './text.js';

/** A message as chat.postMessage / chat.update / respond take it. */
export interface SlackMessage {
  /** The notification and accessibility fallback (mrkdwn). */
  text: string;
  blocks: KnownBlock[];
}

export interface TaskMessageOptions {
  /** The task in the arbot tab/dashboard: an "Open in arbot" button and the link after cut text. */
  tabUrl?: string;
  /** A line shown under the status (plain text, escaped here), e.g. "Claimed by Ana". */
  notice?: string;
}

/** The action_id of every button on a task message. */
export const TASK_ACTION_IDS = {
  claim: 'task.claim',
  unclaim: 'task.unclaim',
  approve: 'task.approve',
  close: 'task.close',
  reprocess: 'task.reprocess',
  reopen: 'task.reopen',
  intents: 'task.intents',
  fix: 'task.fix',
  edit: 'task.edit',
  reassign: 'task.reassign',
  note: 'task.note',
  /** A link button (url): Slack still sends a block_action, which only needs an ack. */
  open: 'task.open',
} as const;

export type TaskButton = keyof typeof TASK_ACTION_IDS;

/** What every task button carries in its `value`; `version` lets the server refuse stale clicks. */
export interface TaskButtonValue {
  taskId: string;
  version: number;
}

/** block_ids of the message, for tests and for adapters that replace one part. */
export const TASK_BLOCK_IDS = {
  header: 'task.header',
  status: 'task.status',
  notice: 'task.notice',
  facts: 'task.facts',
  intents: 'task.intents',
  data: 'task.data',
  reasons: 'task.reasons',
  email: 'task.email',
  emailAttachments: 'task.email.attachments',
  draft: 'task.draft',
  draftAttachments: 'task.draft.attachments',
  footer: 'task.footer',
  actions: 'task.actions',
  moreActions: 'task.actions.more',
} as const;

/** Buttons of the first row (deciding the task) and of the second (working on it), in order. */
const PRIMARY: readonly StateButton[] = ['claim', 'unclaim', 'approve', 'close', 'reprocess', 'reopen'];
const SECONDARY: readonly StateButton[] = ['intents', 'fix', 'edit', 'reassign', 'note'];

/** The buttons the task's state decides on (all but the link). */
type StateButton = Exclude<TaskButton, 'open'>;

/** Which of the view's actions shows each button ('edit' covers intents, data and draft). */
const BUTTON_ACTION: Readonly<Record<StateButton, TaskActionId>> = {
  claim: 'claim',
  unclaim: 'unclaim',
  approve: 'approve',
  close: 'close',
  reprocess: 'reprocess',
  reopen: 'reopen',
  intents: 'edit',
  fix: 'edit',
  edit: 'edit',
  reassign: 'reassign',
  note: 'note',
};

const BUTTON_TEXT: Readonly<Record<TaskButton, string>> = {
  claim: 'Claim',
  unclaim: 'Unclaim',
  approve: 'Approve & send',
  close: 'Close without reply',
  reprocess: 'Reprocess',
  reopen: 'Reopen',
  intents: 'Change intents',
  fix: 'Fix data',
  edit: 'Edit draft',
  reassign: 'Reassign',
  note: 'Add note',
  open: 'Open in arbot',
};

/** The Block Kit message of one task. Pure. */
export function taskMessage(view: TaskCardView, options: TaskMessageOptions = {}): SlackMessage {
  const { tabUrl } = options;
  const more = (what: string) => (tabUrl ? ` (${what} in arbot: ${mrkdwnLink(tabUrl, 'open')})` : '');
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: TASK_BLOCK_IDS.header, text: plain(view.subject.trim() === '' ? '(no subject)' : view.subject, SLACK_LIMITS.headerText) },
    context(TASK_BLOCK_IDS.status, statusLine(view)),
  ];
  if (options.notice !== undefined && options.notice.trim() !== '') {
    blocks.push(context(TASK_BLOCK_IDS.notice, `:information_source: ${escapeMrkdwn(options.notice)}`));
  }
  blocks.push(factsSection(view));
  blocks.push(section(TASK_BLOCK_IDS.intents, intentsText(view), more('all intents')));
  blocks.push(section(TASK_BLOCK_IDS.data, dataText(view, more('all data')), ''));
  if (view.reasons.length > 0) {
    const lines = view.reasons.map((r) => `• ${escapeMrkdwn(r.message)}`);
    blocks.push(section(TASK_BLOCK_IDS.reasons, `*Why it needs review*\n${boundedLines(lines, SLACK_LIMITS.sectionText - 25, (n) => `_…and ${n} more_`)}`, ''));
  }
  const excerpt = view.excerpt.trim() === '' ? '_The email has no text of its own._' : quote(escapeMrkdwn(view.excerpt));
  blocks.push(section(TASK_BLOCK_IDS.email, `*Email*\n${excerpt}`, more('full email')));
  if (view.attachments.length > 0) blocks.push(context(TASK_BLOCK_IDS.emailAttachments, attachmentsLine(view.attachments)));
  blocks.push({ type: 'divider' });
  if (view.draft) {
    const d = view.draft;
    const head = [
      `*Draft reply* (version ${d.version})`,
      `*Subject:* ${escapeMrkdwn(d.subject)}`,
      `*To:* ${escapeMrkdwn(d.to.join(', ')) || '_nobody yet_'}`,
      ...(d.cc.length > 0 ? [`*Cc:* ${escapeMrkdwn(d.cc.join(', '))}`] : []),
    ];
    // The head is bounded so the body always keeps some room.
    const headText = truncateMrkdwn(head.join('\n'), 1000);
    const body = d.bodyPreview.trim() === '' ? '_The draft has no text yet._' : quote(escapeMrkdwn(d.bodyPreview));
    blocks.push(section(TASK_BLOCK_IDS.draft, `${headText}\n\n${body}`, more('full draft')));
    if (d.attachments.length > 0) blocks.push(context(TASK_BLOCK_IDS.draftAttachments, attachmentsLine(d.attachments)));
  } else if (view.actions.includes('edit')) {
    blocks.push(context(TASK_BLOCK_IDS.draft, '_No draft reply yet: *Edit draft* writes one._'));
  }
  blocks.push(context(TASK_BLOCK_IDS.footer, footerLine(view)));
  blocks.push(...actionBlocks(view, tabUrl));
  return { text: fallbackText(view), blocks };
}

/** The JSON a task button carries. */
export function taskButtonValue(view: Pick<TaskCardView, 'taskId' | 'version'>): string {
  const value: TaskButtonValue = { taskId: view.taskId, version: view.version };
  return JSON.stringify(value);
}

/** A button's `value` read back, or null when it is not one of ours. */
export function parseTaskButtonValue(value: string | undefined): TaskButtonValue | null {
  if (value === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    // Not JSON: a value some other app or an old message put there; the caller ignores the click.
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { taskId, version } = parsed as Record<string, unknown>;
  if (typeof taskId !== 'string' || taskId === '' || typeof version !== 'number' || !Number.isInteger(version)) return null;
  return { taskId, version };
}

/** "Assigned · High priority · Due … · Collections · Assigned to <@U1>". */
function statusLine(view: TaskCardView): string {
  const parts = [`*${escapeMrkdwn(view.statusLabel)}*`];
  if (view.priority === 'high') parts.push(':rotating_light: High priority');
  if (view.dueAt) parts.push(view.overdue ? `:warning: *Overdue*, was due ${slackDateTime(view.dueAt)}` : `Due ${slackDateTime(view.dueAt)}`);
  if (view.team) parts.push(`Team ${escapeMrkdwn(view.team.name)}`);
  parts.push(view.assignee ? `Assigned to ${mentionOf(view.assignee)}` : 'Unassigned');
  return parts.join(' · ');
}

function factsSection(view: TaskCardView): SectionBlock {
  const from = view.from.name
    ? `${escapeMrkdwn(view.from.name)} ${mrkdwnLink(`mailto:${view.from.address}`, view.from.address)}`
    : mrkdwnLink(`mailto:${view.from.address}`, view.from.address);
  const customer = view.customer
    ? `${escapeMrkdwn(view.customer.name)} (${[view.customer.accountNumber, view.customer.sorId].filter((s) => s !== undefined && s !== '').map((s) => escapeMrkdwn(s as string)).join(' · ')})`
    : '_Not identified_';
  const fields = [
    `*From*\n${from}`,
    `*Customer*\n${customer}`,
    `*Received*\n${slackDateTime(view.receivedAt)}`,
    `*Language*\n${escapeMrkdwn(view.language === 'und' ? 'unknown' : view.language)}`,
  ];
  return { type: 'section', block_id: TASK_BLOCK_IDS.facts, fields: fields.map((f) => mrkdwn(f, SLACK_LIMITS.sectionFieldText)) };
}

function intentsText(view: TaskCardView): string {
  if (view.intents.length === 0) return '*Intents*\n_None identified_';
  const lines = view.intents.map((i) => `• ${escapeMrkdwn(i.label)}${i.confidence === undefined ? '' : ` (${Math.round(i.confidence * 100)}% confident)`}`);
  return `*Intents*\n${lines.join('\n')}`;
}

/** The invoices with how each was matched; a long list ends "…and n more" with the link. */
function dataText(view: TaskCardView, moreLink: string): string {
  if (view.invoices.length === 0) return '*Invoices*\n_No invoice numbers found_';
  const lines = view.invoices.map((inv) => {
    const mark = inv.found ? ':white_check_mark:' : ':warning:';
    const evidence = inv.evidence ? ` — ${escapeMrkdwn(inv.evidence)}` : '';
    return `${mark} *${escapeMrkdwn(inv.number)}*${evidence}`;
  });
  const head = `*Invoices* (${view.invoices.length})`;
  const body = boundedLines(lines, SLACK_LIMITS.sectionText - head.length - 1, (n) => `_…and ${n} more_${moreLink}`);
  return `${head}\n${body}`;
}

function attachmentsLine(files: readonly string[]): string {
  const names = files.map((f) => escapeMrkdwn(f));
  return `:paperclip: ${truncateMrkdwn(names.join(', '), SLACK_LIMITS.contextText - 20)}`;
}

function footerLine(view: TaskCardView): string {
  const parts = [`Task ${escapeMrkdwn(view.taskId)} · version ${view.version}`];
  if (view.notes > 0) parts.push(plural(view.notes, 'internal note'));
  if (view.closeReason) parts.push(`Closed: ${escapeMrkdwn(view.closeReason)}`);
  return parts.join(' · ');
}

function actionBlocks(view: TaskCardView, tabUrl: string | undefined): ActionsBlock[] {
  const shown = (b: StateButton) => view.actions.includes(BUTTON_ACTION[b]);
  const primary = PRIMARY.filter(shown).map((b) => button(view, b));
  const secondary = SECONDARY.filter(shown).map((b) => button(view, b));
  if (tabUrl) secondary.push({ type: 'button', action_id: TASK_ACTION_IDS.open, text: plain(BUTTON_TEXT.open, SLACK_LIMITS.buttonText), url: tabUrl });
  const out: ActionsBlock[] = [];
  if (primary.length > 0) out.push({ type: 'actions', block_id: TASK_BLOCK_IDS.actions, elements: primary });
  if (secondary.length > 0) out.push({ type: 'actions', block_id: TASK_BLOCK_IDS.moreActions, elements: secondary });
  return out;
}

function button(view: TaskCardView, which: StateButton): Button {
  const b: Button = { type: 'button', action_id: TASK_ACTION_IDS[which], text: plain(BUTTON_TEXT[which], SLACK_LIMITS.buttonText), value: taskButtonValue(view) };
  if (which === 'approve') {
    b.style = 'primary';
    b.confirm = approveConfirm(view);
  }
  if (which === 'close') b.confirm = closeConfirm();
  return b;
}

function approveConfirm(view: TaskCardView): ConfirmationDialog {
  const d = view.draft;
  const files = d && d.attachments.length > 0 ? ` with ${plural(d.attachments.length, 'attachment')}` : '';
  const text = d ? `"${d.subject}" goes to ${d.to.join(', ') || 'nobody yet'}${files}.` : 'The reply goes to the customer.';
  return {
    title: plain('Send this reply?', SLACK_LIMITS.confirmTitle),
    text: { type: 'plain_text', text: truncatePlain(text, SLACK_LIMITS.confirmText) },
    confirm: plain('Approve & send', SLACK_LIMITS.confirmButton),
    deny: plain('Cancel', SLACK_LIMITS.confirmButton),
  };
}

function closeConfirm(): ConfirmationDialog {
  return {
    title: plain('Close without reply?', SLACK_LIMITS.confirmTitle),
    text: { type: 'plain_text', text: 'The customer gets no answer. You give the reason next.' },
    confirm: plain('Continue', SLACK_LIMITS.confirmButton),
    deny: plain('Cancel', SLACK_LIMITS.confirmButton),
    style: 'danger',
  };
}

/** "New task: <subject> from Jane Roe (Acme) · Assigned to <@U1> · due …": what notifications show. */
function fallbackText(view: TaskCardView): string {
  const sender = view.from.name ?? view.from.address;
  const customer = view.customer ? ` (${view.customer.name})` : '';
  const head = `${view.overdue ? 'Overdue task' : 'Task'}: ${escapeMrkdwn(truncatePlain(view.subject, 200))} from ${escapeMrkdwn(truncatePlain(sender + customer, 200))}`;
  const who = view.assignee ? `assigned to ${mentionOf(view.assignee)}` : 'unassigned';
  const due = view.dueAt ? ` · due ${slackDateTime(view.dueAt)}` : '';
  return truncateMrkdwn(`${head} · ${escapeMrkdwn(view.statusLabel)}, ${who}${due}`, SLACK_LIMITS.fallbackText);
}

function section(blockId: string, text: string, more: string): SectionBlock {
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text: truncateMrkdwn(text, SLACK_LIMITS.sectionText, more) } };
}

function context(blockId: string, text: string): ContextBlock {
  return { type: 'context', block_id: blockId, elements: [mrkdwn(text, SLACK_LIMITS.contextText)] };
}
