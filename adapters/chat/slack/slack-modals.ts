// The forms behind the task buttons: opened with views.open right after the click, and their
// submissions. A submission is checked twice before the form closes: the form's own parse
// (cards/slack) and then the use case itself, raced against a deadline under Slack's 3 s, so a
// refusal such as "invoice INV-999 is not in the system of record" appears under the field
// (`response_action: 'errors'`). A use case that is slower than the deadline is acknowledged
// first and its outcome told to the person afterwards.
import type { AnyBlock } from '@slack/types';
import type { App } from '@slack/bolt';
import type { ReviewDesk } from '../../../app/review-desk.js';
import { resolveUser, type ChatIdentity } from '../../../bot/identity.js';
import { reassignTask } from '../../../bot/use-cases/assignment.js';
import { addNote, closeWithoutReply } from '../../../bot/use-cases/closing.js';
import { changeIntents, fixExtractedData } from '../../../bot/use-cases/corrections.js';
import { editDraft } from '../../../bot/use-cases/draft.js';
import type { UseCaseResult } from '../../../bot/use-case-result.js';
import {
  closeModal,
  editDraftModal,
  fixDataModal,
  intentsModal,
  modalErrors,
  noteModal,
  parseCloseSubmission,
  parseEditDraftSubmission,
  parseFixDataSubmission,
  parseIntentsSubmission,
  parseNoteSubmission,
  parseReassignSubmission,
  parseTaskModalMetadata,
  reassignModal,
  TASK_ACTION_IDS,
  TASK_MODALS,
  type SlackStateValues,
  type Submission,
  type TaskButtonValue,
  type TaskModalContext,
} from '../../../cards/slack/index.js';
import { slackIdentity, tellUser, type SlackHandlerContext } from './slack-context.js';
import type { SlackWebClient } from './slack-workspaces.js';

/** The buttons that open a form, and which form. */
export const MODAL_BUTTONS = {
  [TASK_ACTION_IDS.intents]: 'intents',
  [TASK_ACTION_IDS.fix]: 'fix',
  [TASK_ACTION_IDS.edit]: 'edit',
  [TASK_ACTION_IDS.reassign]: 'reassign',
  [TASK_ACTION_IDS.close]: 'close',
  [TASK_ACTION_IDS.note]: 'note',
} as const;
export type ModalButton = keyof typeof MODAL_BUTTONS;

type Deps = ReviewDesk['deps'];

/** Opens the form of a button on a task message (call right after the ack: the trigger expires in 3 s). */
export async function openTaskModal(
  ctx: SlackHandlerContext,
  client: SlackWebClient,
  button: ModalButton,
  click: { user: string; channel?: string; messageTs?: string; triggerId: string; value: TaskButtonValue },
): Promise<void> {
  const { repos, cards } = ctx.desk;
  const [user, task] = await Promise.all([resolveUser(repos.users, slackIdentity(click.user)), repos.tasks.get(click.value.taskId)]);
  if (user === null) return tellUser(client, ctx.logger, click.user, click.channel, 'You are not registered with arbot. Ask a manager to add you.');
  const view = task === null ? null : await cards.viewOf(task);
  if (view === null) return tellUser(client, ctx.logger, click.user, click.channel, `There is no task ${click.value.taskId}.`);
  const context: TaskModalContext = { ...(click.channel ? { channelId: click.channel } : {}), ...(click.messageTs ? { messageTs: click.messageTs } : {}) };
  let modal;
  switch (MODAL_BUTTONS[button]) {
    case 'intents':
      modal = intentsModal(view, context);
      break;
    case 'fix':
      modal = fixDataModal(view, context);
      break;
    case 'edit': {
      const draft = await repos.drafts.latest(view.taskId);
      modal = editDraftModal(view, { ...context, ...(draft ? { draftText: draft.message.text, attachInvoices: draft.message.attachInvoices } : {}) });
      break;
    }
    case 'reassign': {
      const [users, teams] = await Promise.all([repos.users.list(), repos.teams.list()]);
      modal = reassignModal(view, {
        ...context,
        users: users.filter((u) => u.roles.length > 0).map((u) => ({ id: u.id, name: u.away ? `${u.displayName} (away)` : u.displayName })),
        teams: teams.map((t) => ({ id: t.id, name: t.name })),
      });
      break;
    }
    case 'close':
      modal = closeModal(view, context);
      break;
    case 'note':
      modal = noteModal(view, context);
      break;
  }
  await client.views.open({ trigger_id: click.triggerId, view: modal });
}

interface SubmissionSpec<T> {
  parse(values: SlackStateValues, blocks: readonly AnyBlock[]): Submission<T>;
  run(deps: Deps, identity: ChatIdentity, taskId: string, value: T): Promise<UseCaseResult<unknown>>;
  /** The input a refusal of the use case is shown under (it must be one the form has). */
  fieldFor(message: string, value: T, values: SlackStateValues): string;
}

function spec<T>(s: SubmissionSpec<T>): SubmissionSpec<unknown> {
  return s as SubmissionSpec<unknown>;
}

const { intents, fix, edit, reassign, close, note } = TASK_MODALS;

/** Each form's parse, use case, and where its refusals go, by callback_id. */
const SUBMISSIONS: Readonly<Record<string, SubmissionSpec<unknown>>> = {
  [intents.callbackId]: spec({
    parse: (values) => parseIntentsSubmission(values),
    run: (deps, who, taskId, v) => changeIntents(deps, who, taskId, v.intents),
    fieldFor: () => intents.inputs.intents.blockId,
  }),
  [fix.callbackId]: spec({
    parse: (values, blocks) => parseFixDataSubmission(values, blocks),
    run: (deps, who, taskId, v) => fixExtractedData(deps, who, taskId, v),
    fieldFor: (message, v) =>
      /invoice/i.test(message) && v.invoiceNumbers !== undefined
        ? fix.inputs.invoices.blockId
        : /amount/i.test(message) && v.amounts !== undefined
          ? fix.inputs.amounts.blockId
          : fix.inputs.customer.blockId,
  }),
  [edit.callbackId]: spec({
    parse: (values, blocks) => parseEditDraftSubmission(values, blocks),
    run: (deps, who, taskId, v) => editDraft(deps, who, taskId, v),
    fieldFor: (message, _v, values) =>
      /invoice|attach/i.test(message) && values[edit.inputs.attachInvoices.blockId] !== undefined
        ? edit.inputs.attachInvoices.blockId
        : /subject/i.test(message)
          ? edit.inputs.subject.blockId
          : edit.inputs.to.blockId,
  }),
  [reassign.callbackId]: spec({
    parse: (values) => parseReassignSubmission(values),
    run: (deps, who, taskId, v) => reassignTask(deps, who, taskId, v),
    fieldFor: (_m, v, values) => ('teamId' in v || values[reassign.inputs.user.blockId] === undefined ? reassign.inputs.team.blockId : reassign.inputs.user.blockId),
  }),
  [close.callbackId]: spec({
    parse: (values) => parseCloseSubmission(values),
    run: (deps, who, taskId, v) => closeWithoutReply(deps, who, taskId, v.reason),
    fieldFor: () => close.inputs.reason.blockId,
  }),
  [note.callbackId]: spec({
    parse: (values) => parseNoteSubmission(values),
    run: (deps, who, taskId, v) => addNote(deps, who, taskId, v.text),
    fieldFor: () => note.inputs.note.blockId,
  }),
};

/** Refusals the person can fix on the form; others (not allowed, already closed) close it and are told. */
const FIXABLE = new Set(['invalid_input', 'send_blocked', 'conflict']);

/** Registers the submissions of every task form. */
export function registerModalSubmissions(app: App, ctx: SlackHandlerContext): void {
  app.view(/^task\.[a-z]+\.submit$/, async ({ ack, body, view, client }) => {
    const submission = SUBMISSIONS[view.callback_id];
    const meta = parseTaskModalMetadata(view.private_metadata);
    const user = body.user.id;
    if (submission === undefined || meta === null) {
      await ack();
      ctx.logger.warn({ callbackId: view.callback_id }, 'Slack: a form arbot does not know was submitted; ignored');
      return;
    }
    const values = view.state.values as SlackStateValues;
    const parsed = submission.parse(values, view.blocks as AnyBlock[]);
    if (!parsed.ok) {
      await ack(parsed.response);
      return;
    }
    const running = submission.run(ctx.desk.deps, slackIdentity(user), meta.taskId, parsed.value).catch((e: unknown) => {
      ctx.logger.error({ err: e, callbackId: view.callback_id, taskId: meta.taskId }, 'Slack: form submission failed');
      return { ok: false, error: { code: 'conflict', message: 'Something went wrong; please try again.' } } as const;
    });
    const early = await withinDeadline(running, ctx.submitDeadlineMs);
    if (early !== undefined && !early.ok && FIXABLE.has(early.error.code)) {
      await ack(modalErrors({ [submission.fieldFor(early.error.message, parsed.value, values)]: early.error.message }));
      return;
    }
    await ack();
    const result = early ?? (await running);
    if (!result.ok) await tellUser(client, ctx.logger, user, meta.channelId, result.error.message);
  });
}

/** The promise's value when it settles within `ms`, else undefined (the promise keeps running). */
export async function withinDeadline<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
