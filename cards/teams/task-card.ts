// The Teams card of a review task (Adaptive Card 1.5 with Universal Actions). One view model,
// rendered per viewer: the content is the same for everyone, the buttons are what this person
// may do (actionsFor), and `refresh` makes each listed user's client fetch their own version.
// Teams refuses messages over 28 KB, so the card shrinks its long parts until it fits.
import type { TaskCardView } from '../../bot/task-view.js';
import { actionsFor, type CardViewer } from '../../bot/viewer-actions.js';
import {
  adaptiveCard,
  cardBytes,
  factSet,
  heading,
  textBlock,
  type AdaptiveCard,
  type CardElement,
  type Column,
  type MentionEntity,
} from './adaptive-card.js';
import { bullets, cardDateTime, displayAddress, listWithMore, percent, plural, truncate, untrusted } from './format.js';
import { TASK_VERBS, taskButtons, taskForms } from './task-card-actions.js';

/** Largest task card we send: Teams' limit is 28 KB for the whole activity, so leave room for its envelope. */
export const TASK_CARD_MAX_BYTES = 26 * 1024;

/** Teams honours at most this many user ids in `refresh.userIds`. */
export const REFRESH_MAX_USERS = 60;

export interface TaskCardOptions {
  /** Who the card is for; null (or unknown) gets a card without buttons. */
  viewer: CardViewer | null;
  /**
   * Teams user ids (the `29:…` ids of activity.from.id) whose clients fetch their own version
   * of the card on display; at most 60 are kept. Without them every reader sees `viewer`'s card.
   */
  refreshUserIds?: string[];
  /** Base URL of the arbot tab; the card links to `${tabUrl}/tasks/<id>`. */
  tabUrl?: string;
  /** One emphasized line on top, e.g. "Already claimed by Ana Lima." */
  notice?: string;
}

/** How much of the long parts a card keeps; later levels are tried when the card is too big. */
interface SizeLevel {
  excerpt: number;
  draftBody: number;
  evidence: number;
  /** Items kept of each list (intents, invoices, reasons, attachments, recipients). */
  list: number;
  /** Longest sentence (a reason, an address line, the close reason). */
  line: number;
  /** Longest name (sender, customer, team, file, invoice number). */
  name: number;
  /** Longest draft text prefilled into the edit form. */
  prefillText: number;
  /** Longest list prefilled into a form (invoice numbers, Cc). */
  prefillList: number;
}

const SIZE_LEVELS: readonly SizeLevel[] = [
  { excerpt: 1200, draftBody: 2000, evidence: 300, list: 25, line: 400, name: 150, prefillText: 4000, prefillList: 2000 },
  { excerpt: 600, draftBody: 800, evidence: 150, list: 10, line: 300, name: 120, prefillText: 1500, prefillList: 1000 },
  { excerpt: 200, draftBody: 200, evidence: 60, list: 5, line: 200, name: 100, prefillText: 0, prefillList: 300 },
];

/** The last resort, small whatever the view holds (but its ids). */
const SMALLEST: SizeLevel = { excerpt: 0, draftBody: 0, evidence: 0, list: 3, line: 100, name: 60, prefillText: 0, prefillList: 0 };

// Fixed caps, whatever the level.
const SUBJECT_MAX = 300;
const NOTICE_MAX = 400;
const MENTION_NAME_MAX = 100;
/** Longer "ids" (Teams or AAD) are not ids; they are dropped. */
const ID_MAX = 128;

/** The task's Adaptive Card as `options.viewer` may use it. Pure. */
export function taskCard(view: TaskCardView, options: TaskCardOptions): AdaptiveCard {
  for (const level of SIZE_LEVELS) {
    const card = buildTaskCard(view, options, level);
    if (cardBytes(card) <= TASK_CARD_MAX_BYTES) return card;
  }
  return buildTaskCard(view, options, SMALLEST);
}

/** The link to the task in the arbot tab. */
export function taskTabUrl(tabUrl: string, taskId: string): string {
  return `${tabUrl.replace(/\/+$/, '')}/tasks/${encodeURIComponent(taskId).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function buildTaskCard(view: TaskCardView, options: TaskCardOptions, level: SizeLevel): AdaptiveCard {
  const allowed = actionsFor(view, options.viewer);
  const mention = mentionOf(view);
  const forms = taskForms(view, allowed, level);
  const body: CardElement[] = [
    ...(options.notice ? [textBlock(untrusted(options.notice, NOTICE_MAX), { weight: 'Bolder', color: 'Accent' })] : []),
    textBlock(untrusted(view.subject || '(no subject)', SUBJECT_MAX), { size: 'Medium', weight: 'Bolder' }),
    statusLine(view),
    textBlock(`Received ${cardDateTime(view.receivedAt)}`, { isSubtle: true, size: 'Small', spacing: 'Small' }),
    textBlock(mention ? `Assigned to ${mention.text}` : unassignedText(view, level), { spacing: 'Small' }),
    factSet([
      ['From', fromText(view, level)],
      ['Customer', customerText(view, level)],
      ['Intents', intentsText(view, level)],
      ['Team', view.team ? untrusted(view.team.name, level.name) : undefined],
      ['Language', view.language !== 'und' ? view.language : undefined],
      ['Notes', view.notes > 0 ? plural(view.notes, 'internal note') : undefined],
    ]),
    ...(view.closeReason ? [textBlock(`Closed: ${untrusted(view.closeReason, level.line)}`, { color: 'Attention' })] : []),
    ...reasonsSection(view, level),
    ...invoicesSection(view, level),
    ...emailSection(view, options.tabUrl, level),
    ...draftSection(view, level),
    ...(forms.length > 0 ? [{ type: 'ActionSet' as const, spacing: 'Medium' as const, actions: forms }] : []),
  ];
  return adaptiveCard(body, {
    actions: taskButtons(view, allowed, options.viewer?.userId),
    refresh: refreshOf(view, options.refreshUserIds),
    msteams: { width: 'Full', ...(mention ? { entities: [mention] } : {}) },
  });
}

/** The assignee's @mention, when they have a Teams identity. */
function mentionOf(view: TaskCardView): MentionEntity | undefined {
  const id = view.assignee?.teamsAadObjectId?.trim();
  if (!view.assignee || !id || id.length > ID_MAX) return undefined;
  const name = mentionName(view.assignee.displayName);
  return { type: 'mention', text: `<at>${name}</at>`, mentioned: { id, name } };
}

function mentionName(displayName: string): string {
  const name = truncate(displayName.replace(/[<>]/g, '').trim(), MENTION_NAME_MAX);
  return name === '' ? 'assignee' : name;
}

function unassignedText(view: TaskCardView, level: SizeLevel): string {
  if (view.assignee) return `Assigned to ${untrusted(view.assignee.displayName, level.name)}`;
  return view.team ? `Unassigned, in the ${untrusted(view.team.name, level.name)} queue` : 'Unassigned';
}

function statusLine(view: TaskCardView): CardElement {
  const columns: Column[] = [
    column(textBlock(view.statusLabel, { weight: 'Bolder', color: 'Accent' })),
    column(
      view.priority === 'high'
        ? textBlock('High priority', { weight: 'Bolder', color: 'Attention' })
        : textBlock('Normal priority', { isSubtle: true }),
    ),
  ];
  if (view.dueAt) {
    columns.push(
      column(
        view.overdue
          ? textBlock(`Overdue: was due ${cardDateTime(view.dueAt)}`, { weight: 'Bolder', color: 'Attention' })
          : textBlock(`Due ${cardDateTime(view.dueAt)}`, { isSubtle: true }),
      ),
    );
  }
  return { type: 'ColumnSet', spacing: 'Small', columns };
}

function column(item: CardElement): Column {
  return { type: 'Column', width: 'auto', items: [item] };
}

function fromText(view: TaskCardView, level: SizeLevel): string {
  const address = untrusted(view.from.address, level.name);
  return view.from.name ? `${untrusted(view.from.name, level.name)} (${address})` : address;
}

function customerText(view: TaskCardView, level: SizeLevel): string {
  const c = view.customer;
  if (!c) return 'Not identified';
  const parts = [untrusted(c.name, level.name)];
  if (c.accountNumber) parts.push(`account ${untrusted(c.accountNumber, level.name)}`);
  if (c.name !== c.sorId) parts.push(untrusted(c.sorId, level.name));
  return parts.join(' · ');
}

function intentsText(view: TaskCardView, level: SizeLevel): string {
  if (view.intents.length === 0) return 'None';
  const labels = view.intents.map((i) => `${untrusted(i.label, level.name)}${i.confidence === undefined ? '' : ` (${percent(i.confidence)})`}`);
  return listWithMore(labels, level.list);
}

function reasonsSection(view: TaskCardView, level: SizeLevel): CardElement[] {
  if (view.reasons.length === 0) return [];
  return [heading('Why it needs review'), textBlock(bullets(view.reasons.map((r) => untrusted(r.message, level.line)), level.list), { spacing: 'Small' })];
}

function invoicesSection(view: TaskCardView, level: SizeLevel): CardElement[] {
  if (view.invoices.length === 0) return [];
  const lines = view.invoices.map((i) => {
    const state = i.found ? 'found' : 'not found';
    const evidence = i.evidence && level.evidence > 0 ? `: ${untrusted(i.evidence, level.evidence)}` : '';
    return `**${untrusted(i.number, level.name)}** (${state})${evidence}`;
  });
  return [heading('Invoices'), textBlock(bullets(lines, level.list), { spacing: 'Small' })];
}

function emailSection(view: TaskCardView, tabUrl: string | undefined, level: SizeLevel): CardElement[] {
  const out: CardElement[] = [heading('Email')];
  const excerpt = view.excerpt.trim();
  if (excerpt !== '' && level.excerpt > 0) out.push(textBlock(untrusted(excerpt, level.excerpt), { spacing: 'Small' }));
  else if (excerpt !== '') out.push(textBlock('The email is too long to show here.', { isSubtle: true, spacing: 'Small' }));
  else out.push(textBlock('No text.', { isSubtle: true, spacing: 'Small' }));
  if (tabUrl) out.push(textBlock(`[Open in arbot](${taskTabUrl(tabUrl, view.taskId)})`, { spacing: 'Small' }));
  if (view.attachments.length > 0) out.push(textBlock(`Attachments: ${files(view.attachments, level)}`, { isSubtle: true, spacing: 'Small' }));
  return out;
}

function draftSection(view: TaskCardView, level: SizeLevel): CardElement[] {
  const draft = view.draft;
  if (!draft) return [heading('Draft reply'), textBlock('No draft yet.', { isSubtle: true, spacing: 'Small' })];
  const items: CardElement[] = [
    textBlock(`Draft reply (version ${draft.version})`, { weight: 'Bolder' }),
    factSet([
      ['To', draft.to.length > 0 ? listWithMore(draft.to.map((a) => untrusted(displayAddress(a), level.line)), level.list) : '(nobody)'],
      ['Cc', listWithMore(draft.cc.map((a) => untrusted(displayAddress(a), level.line)), level.list)],
      ['Subject', untrusted(draft.subject, SUBJECT_MAX)],
      ['Attachments', draft.attachments.length > 0 ? files(draft.attachments, level) : undefined],
    ]),
  ];
  const bodyText = draft.bodyPreview.trim();
  if (bodyText !== '' && level.draftBody > 0) items.push(textBlock(untrusted(bodyText, level.draftBody)));
  else if (bodyText !== '') items.push(textBlock('The reply is too long to show here.', { isSubtle: true }));
  return [{ type: 'Container', style: 'emphasis', spacing: 'Medium', items }];
}

function refreshOf(view: TaskCardView, userIds: string[] | undefined): AdaptiveCard['refresh'] {
  const ids = [...new Set((userIds ?? []).map((id) => id.trim()).filter((id) => id !== '' && id.length <= ID_MAX))].slice(0, REFRESH_MAX_USERS);
  return {
    action: { type: 'Action.Execute', verb: TASK_VERBS.refresh, data: { taskId: view.taskId } },
    ...(ids.length > 0 ? { userIds: ids } : {}),
  };
}

function files(names: string[], level: SizeLevel): string {
  return listWithMore(
    names.map((n) => untrusted(n, level.name)),
    level.list,
  );
}
