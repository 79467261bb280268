// Reads back what a Teams task card shows, from its JSON as a client renders it: the task id
// and version from the refresh action's data, the status from the status line (the first
// column of the first ColumnSet), the @mentioned ids from msteams.entities.
import type { TaskStatus } from '../../core/domain/task.js';

/** The status labels cards show (bot/task-view.ts), back to their status. */
const STATUS_BY_LABEL: Readonly<Record<string, TaskStatus>> = {
  New: 'new',
  Assigned: 'assigned',
  'In review': 'in_review',
  Approved: 'approved',
  Sent: 'sent',
  'Closed without reply': 'closed_no_reply',
  Reprocessing: 'reprocessing',
};

export interface ShownTask {
  taskId: string;
  version?: number;
  statusLabel?: string;
  status: string;
  mentionedIds: string[];
  /** Every TextBlock's text, in order (notices, assignee line …). */
  texts: string[];
  /** Verbs of the Action.Execute buttons (top level and inside forms). */
  verbs: string[];
}

/** The task a card shows, or null when `card` is not a task card. Pure. */
export function shownTaskOf(card: unknown): ShownTask | null {
  if (typeof card !== 'object' || card === null) return null;
  const c = card as { refresh?: { action?: { data?: { taskId?: unknown; version?: unknown } } }; msteams?: { entities?: { mentioned?: { id?: unknown } }[] } };
  const data = c.refresh?.action?.data;
  if (typeof data?.taskId !== 'string') return null;
  const statusLabel = statusLabelOf(card);
  return {
    taskId: data.taskId,
    ...(typeof data.version === 'number' ? { version: data.version } : {}),
    ...(statusLabel ? { statusLabel } : {}),
    status: statusOf(statusLabel),
    mentionedIds: (c.msteams?.entities ?? []).flatMap((e) => (typeof e.mentioned?.id === 'string' ? [e.mentioned.id] : [])),
    texts: collect(card, 'text'),
    verbs: collect(card, 'verb'),
  };
}

/** The status a label names; the line may say more ("Approved by Megan Bowen", "Sent by …"). */
function statusOf(label: string | undefined): string {
  if (label === undefined) return '';
  const known = Object.keys(STATUS_BY_LABEL)
    .sort((a, b) => b.length - a.length)
    .find((l) => label === l || label.startsWith(`${l} `));
  return known ? (STATUS_BY_LABEL[known] as string) : label;
}

function statusLabelOf(card: object): string | undefined {
  const body = (card as { body?: unknown }).body;
  if (!Array.isArray(body)) return undefined;
  for (const element of body) {
    const e = element as { type?: unknown; columns?: { items?: { text?: unknown }[] }[] };
    if (e?.type !== 'ColumnSet' || !Array.isArray(e.columns)) continue;
    const text = e.columns[0]?.items?.[0]?.text;
    if (typeof text === 'string') return text;
  }
  return undefined;
}

/** Every string value of `key` anywhere in the JSON, in document order. */
function collect(node: unknown, key: string): string[] {
  if (Array.isArray(node)) return node.flatMap((n) => collect(n, key));
  if (typeof node !== 'object' || node === null) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k === key && typeof v === 'string') out.push(v);
    else out.push(...collect(v, key));
  }
  return out;
}

/** Every object in a card's JSON, depth first (show-cards and forms included). Pure. */
export function cardNodes(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(cardNodes);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(cardNodes)];
}

/** The texts of a card's TextBlocks, in document order. Pure. */
export function cardTexts(card: unknown): string[] {
  return cardNodes(card)
    .filter((n) => n.type === 'TextBlock')
    .map((n) => n.text as string);
}
