// The buttons of a Teams task card: one Action.Execute per use case, and for the ones that need
// input an Action.ShowCard with a small form. The verbs and input ids are the contract with the
// Teams invoke handler; `data` always carries { taskId, version } so it can spot a stale card.
import { INTENTS } from '../../core/pipeline/intents.js';
import type { TaskActionId, TaskCardView } from '../../bot/task-view.js';
import { intentLabel } from '../../bot/task-view.js';
import type { ActionData, CardElement, ExecuteAction, InputChoiceSet, InputText, ShowCardAction } from './adaptive-card.js';

/** `verb` of every Action.Execute a Teams card sends. */
export const TASK_VERBS = {
  claim: 'task.claim',
  unclaim: 'task.unclaim',
  reassign: 'task.reassign',
  intents: 'task.intents',
  fixData: 'task.fix',
  editDraft: 'task.edit',
  approve: 'task.approve',
  close: 'task.close',
  reprocess: 'task.reprocess',
  note: 'task.note',
  reopen: 'task.reopen',
  /** The card's refresh: returns the card as the asking user may see it. */
  refresh: 'task.refresh',
  /** From a task list: show one task's card. */
  show: 'task.show',
} as const;

export type TaskVerb = (typeof TASK_VERBS)[keyof typeof TASK_VERBS];

/**
 * Ids of the form inputs; Teams adds each input's value to `data` under its id (multi-selects
 * and lists as comma-separated text).
 */
export const TASK_INPUTS = {
  /** task.intents: the intents, comma-separated codes. */
  intents: 'intents',
  /** task.fix: the customer's SoR id (empty: unchanged). */
  customerSorId: 'customerSorId',
  /** task.fix: invoice numbers, comma-separated (empty: unchanged). */
  invoiceNumbers: 'invoiceNumbers',
  /** task.edit: the reply's subject (empty: unchanged). */
  draftSubject: 'draftSubject',
  /** task.edit: the reply's text; empty keeps the current text (the card may not hold all of it). */
  draftText: 'draftText',
  /** task.edit: Cc addresses, comma-separated (empty: none; absent: unchanged). */
  draftCc: 'draftCc',
  /** task.edit: invoice numbers whose PDFs go with the reply, comma-separated (empty: none; absent: unchanged). */
  attachInvoices: 'attachInvoices',
  /** task.reassign: an arbot user id… */
  reassignUserId: 'reassignUserId',
  /** …or a team id (the team's round-robin picks the person). */
  reassignTeamId: 'reassignTeamId',
  /** task.close: why no reply is needed (required). */
  closeReason: 'closeReason',
  /** task.note: the note (required). */
  noteText: 'noteText',
} as const;

/** What every task action carries besides its inputs. */
export interface TaskActionData extends ActionData {
  taskId: string;
  /** The task version the card showed; older than stored means the card is stale. */
  version: number;
}

const NOTE_MAX = 2000;
const REASON_MAX = 500;
const SUBJECT_MAX = 500;
const TEXT_MAX = 20_000;
const ID_MAX = 100;
const LIST_MAX = 2000;
/** Invoices offered for attachment; with more, the field is left out (attachments unchanged). */
const CHOICES_MAX = 25;

/** Limits the size budget shrinks (see task-card.ts). */
export interface FormLimits {
  /** Longest draft text prefilled into the edit form; longer (or cut) texts leave it empty. */
  prefillText: number;
  /** Longest list (invoice numbers, Cc) prefilled; a longer one is left empty or out. */
  prefillList: number;
}

/** The top-level buttons: the actions that need no input. */
export function taskButtons(view: TaskCardView, allowed: readonly TaskActionId[], viewerId: string | undefined): ExecuteAction[] {
  const data = baseData(view);
  const out: ExecuteAction[] = [];
  for (const action of allowed) {
    switch (action) {
      case 'claim': {
        const takeOver = view.assignee !== undefined && view.assignee.userId !== viewerId;
        out.push(execute(takeOver ? 'Take over' : 'Claim', TASK_VERBS.claim, data));
        break;
      }
      case 'unclaim':
        out.push(execute('Unclaim', TASK_VERBS.unclaim, data));
        break;
      case 'approve':
        out.push({
          ...execute('Approve & send', TASK_VERBS.approve, { ...data, ...(view.draft ? { draftVersion: view.draft.version } : {}) }),
          style: 'positive',
        });
        break;
      case 'reprocess':
        out.push(execute('Reprocess', TASK_VERBS.reprocess, data));
        break;
      case 'reopen':
        out.push(execute('Reopen', TASK_VERBS.reopen, data));
        break;
      default:
        break;
    }
  }
  return out;
}

/** The buttons that open a form (Action.ShowCard), in a fixed order. */
export function taskForms(view: TaskCardView, allowed: readonly TaskActionId[], limits: FormLimits): ShowCardAction[] {
  const data = baseData(view);
  const can = new Set(allowed);
  const out: ShowCardAction[] = [];
  if (can.has('edit')) out.push(intentsForm(view, data), fixDataForm(view, data, limits), draftForm(view, data, limits));
  if (can.has('reassign')) out.push(reassignForm(view, data));
  if (can.has('close')) out.push(closeForm(data));
  if (can.has('note')) out.push(noteForm(data));
  return out;
}

function baseData(view: TaskCardView): TaskActionData {
  return { taskId: view.taskId, version: view.version };
}

function execute(title: string, verb: TaskVerb, data: ActionData): ExecuteAction {
  return { type: 'Action.Execute', title, verb, data };
}

function form(title: string, body: CardElement[], submit: ExecuteAction): ShowCardAction {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body, actions: [submit] } };
}

function intentsForm(view: TaskCardView, data: TaskActionData): ShowCardAction {
  // Only the taxonomy is offered: the use case refuses anything else.
  const known: readonly string[] = INTENTS;
  const input: InputChoiceSet = {
    type: 'Input.ChoiceSet',
    id: TASK_INPUTS.intents,
    label: 'Intents',
    isMultiSelect: true,
    style: 'expanded',
    choices: INTENTS.map((code) => ({ title: intentLabel(code), value: code })),
    value: view.intents.map((i) => i.intent).filter((i) => known.includes(i)).join(','),
    isRequired: true,
    errorMessage: 'Pick at least one intent.',
  };
  return form('Intents', [input], execute('Save intents', TASK_VERBS.intents, data));
}

function fixDataForm(view: TaskCardView, data: TaskActionData, limits: FormLimits): ShowCardAction {
  const numbers = foundInvoices(view).join(', ');
  return form(
    'Fix data',
    [
      text(TASK_INPUTS.customerSorId, 'Customer (SoR id)', whole(view.customer?.sorId, ID_MAX), { placeholder: 'e.g. C1001', maxLength: ID_MAX }),
      text(TASK_INPUTS.invoiceNumbers, 'Invoice numbers', whole(numbers, limits.prefillList), {
        placeholder: numbers === '' ? 'INV-1001, INV-1002' : 'Leave empty to keep the current numbers',
        maxLength: LIST_MAX,
      }),
    ],
    execute('Save corrections', TASK_VERBS.fixData, data),
  );
}

function draftForm(view: TaskCardView, data: TaskActionData, limits: FormLimits): ShowCardAction {
  const draft = view.draft;
  const preview = draft?.bodyPreview ?? '';
  // The preview is cut with "…" when long: prefilling it would cut the reply on save.
  const complete = draft !== undefined && !preview.endsWith('…');
  const subject = draft?.subject ?? `RE: ${view.subject}`;
  const inputs: CardElement[] = [
    text(TASK_INPUTS.draftSubject, 'Subject', whole(subject, SUBJECT_MAX), { maxLength: SUBJECT_MAX, placeholder: 'Leave empty to keep the current subject' }),
    text(TASK_INPUTS.draftText, 'Text', complete ? whole(preview, limits.prefillText) : undefined, {
      isMultiline: true,
      maxLength: TEXT_MAX,
      placeholder: draft ? 'Leave empty to keep the current text' : 'The reply to send',
    }),
  ];
  // Empty Cc means "no Cc", so the field is left out (Cc unchanged) when the list is too long to prefill.
  const cc = draft ? draft.cc.map(bareAddress).join(', ') : '';
  if (cc.length <= limits.prefillList) inputs.push(text(TASK_INPUTS.draftCc, 'Cc', cc, { placeholder: 'a@example.com, b@example.com', maxLength: LIST_MAX }));
  // The same for the invoices: the choice replaces the attached set, so it must list them all.
  const numbers = foundInvoices(view);
  if (numbers.length > 0 && numbers.length <= CHOICES_MAX && numbers.join(',').length <= limits.prefillList) {
    const attached = numbers.filter((n) => (draft?.attachments ?? []).some((file) => alnum(file).includes(alnum(n))));
    inputs.push({
      type: 'Input.ChoiceSet',
      id: TASK_INPUTS.attachInvoices,
      label: 'Attach invoices',
      isMultiSelect: true,
      style: 'expanded',
      choices: numbers.map((n) => ({ title: n, value: n })),
      value: attached.join(','),
    });
  }
  return form(draft ? 'Edit draft' : 'Write reply', inputs, execute('Save draft', TASK_VERBS.editDraft, data));
}

function reassignForm(view: TaskCardView, data: TaskActionData): ShowCardAction {
  return form(
    'Reassign',
    [
      text(TASK_INPUTS.reassignUserId, 'To a person (arbot user id)', undefined, { maxLength: 200 }),
      text(TASK_INPUTS.reassignTeamId, 'Or to a team (team id; its next available member gets it)', undefined, {
        maxLength: 200,
        ...(view.team ? { placeholder: view.team.id.slice(0, ID_MAX) } : {}),
      }),
    ],
    execute('Reassign', TASK_VERBS.reassign, data),
  );
}

function closeForm(data: TaskActionData): ShowCardAction {
  return form(
    'Close',
    [text(TASK_INPUTS.closeReason, 'Why no reply is needed', undefined, { isMultiline: true, maxLength: REASON_MAX, isRequired: true, errorMessage: 'Give a reason.' })],
    { ...execute('Close without reply', TASK_VERBS.close, data), style: 'destructive' },
  );
}

function noteForm(data: TaskActionData): ShowCardAction {
  return form(
    'Note',
    [text(TASK_INPUTS.noteText, 'Internal note (never sent to the customer)', undefined, { isMultiline: true, maxLength: NOTE_MAX, isRequired: true, errorMessage: 'Write the note.' })],
    execute('Add note', TASK_VERBS.note, data),
  );
}

function text(id: string, label: string, value: string | undefined, options: Omit<InputText, 'type' | 'id' | 'label' | 'value'> = {}): InputText {
  return { type: 'Input.Text', id, label, ...(value !== undefined && value !== '' ? { value } : {}), ...options };
}

/** `value` when it fits in `max` characters whole, else nothing (a cut value would be saved cut). */
function whole(value: string | undefined, max: number): string | undefined {
  return value !== undefined && value.length <= max ? value : undefined;
}

function foundInvoices(view: TaskCardView): string[] {
  return [...new Set(view.invoices.filter((i) => i.found).map((i) => i.number))];
}

/** "jane@acme.example" from "Jane Roe <jane@acme.example>". */
function bareAddress(formatted: string): string {
  return /<([^<>]+)>\s*$/.exec(formatted)?.[1] ?? formatted.trim();
}

function alnum(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
