// The Teams entry point of the task use cases: an Action.Execute from a task card (its verb
// and data, see cards/teams/task-card-actions.ts) becomes one use case call for the person who
// clicked, and the answer is the card as that person may now use it, with the use case's
// refusal ("Already claimed by Ana Lima.") on top when it refused. The shared copy in the
// channel is updated by the desk's publisher (TaskCards) after every change.
import type { Logger } from 'pino';
import type { Reprocessor } from '../../../bot/ports/reprocessor.js';
import type { TaskDistributor } from '../../../bot/distribution/task-distributor.js';
import { resolveUser, type ChatIdentity } from '../../../bot/identity.js';
import type { TaskCards } from '../../../bot/task-cards.js';
import type { TaskCardView } from '../../../bot/task-view.js';
import type { UseCaseResult } from '../../../bot/use-case-result.js';
import { claimTask, reassignTask, unclaimTask } from '../../../bot/use-cases/assignment.js';
import { addNote, closeWithoutReply, reopenTask, reprocessTask } from '../../../bot/use-cases/closing.js';
import { changeIntents, fixExtractedData, type DataFix } from '../../../bot/use-cases/corrections.js';
import { approveAndSend, editDraft, type DraftDeps, type DraftEdit } from '../../../bot/use-cases/draft.js';
import { errorCard, TASK_INPUTS, TASK_VERBS, taskCard } from '../../../cards/teams/index.js';
import { dataList as list, dataText as text } from './action-data.js';
import { viewerOf, withCardState } from './teams-cards.js';

export type CardActionDeps = DraftDeps & { distributor: TaskDistributor; reprocessor: Reprocessor };

export interface CardActionContext {
  deps: CardActionDeps;
  cards: Pick<TaskCards, 'viewOf'>;
  logger: Logger;
  tabUrl?: string;
}

/** The invoke's `action.data`: the card's { taskId, version } plus the form's inputs. */
export type ActionData = Record<string, unknown>;

export interface CardActionInput {
  identity: ChatIdentity;
  verb: string;
  data: ActionData;
  /** The clicking person's Teams user id: their own copy keeps refreshing for them. */
  teamsUserId?: string;
}

/** What one click did: the card for this person, and whether the use case refused. */
export interface CardActionResult {
  card: object;
  refused?: { code: string; message: string };
}

type Run = (ctx: CardActionContext, identity: ChatIdentity, taskId: string, data: ActionData) => Promise<UseCaseResult<unknown>>;

/** One line per verb: the use case it calls, with the card's inputs as its arguments. */
const ACTIONS: Readonly<Record<string, { run: Run; done?: string }>> = {
  [TASK_VERBS.claim]: { run: (c, who, id) => claimTask(c.deps, who, id) },
  [TASK_VERBS.unclaim]: { run: (c, who, id) => unclaimTask(c.deps, who, id) },
  [TASK_VERBS.reassign]: { run: (c, who, id, d) => reassignTask(c.deps, who, id, reassignTarget(d)), done: 'Reassigned.' },
  [TASK_VERBS.intents]: { run: (c, who, id, d) => changeIntents(c.deps, who, id, list(d[TASK_INPUTS.intents]) ?? []), done: 'Intents saved.' },
  [TASK_VERBS.fixData]: { run: (c, who, id, d) => fixExtractedData(c.deps, who, id, dataFix(d)), done: 'Corrections saved. Reprocess to redo the draft with them.' },
  [TASK_VERBS.editDraft]: { run: (c, who, id, d) => editDraft(c.deps, who, id, draftEdit(d)), done: 'Draft saved.' },
  [TASK_VERBS.approve]: { run: (c, who, id, d) => approveAndSend(c.deps, who, id, draftVersion(d)), done: 'Approved: the reply is queued and goes out shortly.' },
  [TASK_VERBS.close]: { run: (c, who, id, d) => closeWithoutReply(c.deps, who, id, text(d[TASK_INPUTS.closeReason]) ?? ''), done: 'Closed without reply.' },
  [TASK_VERBS.reprocess]: { run: (c, who, id) => reprocessTask(c.deps, who, id), done: 'Reprocessed with the corrections.' },
  [TASK_VERBS.note]: { run: (c, who, id, d) => addNote(c.deps, who, id, text(d[TASK_INPUTS.noteText]) ?? ''), done: 'Note added.' },
  [TASK_VERBS.reopen]: { run: (c, who, id) => reopenTask(c.deps, who, id), done: 'Reopened.' },
};

/** Verbs that only ask for the card (the automatic refresh, a task list's "show"). */
const VIEW_VERBS: ReadonlySet<string> = new Set([TASK_VERBS.refresh, TASK_VERBS.show]);

/** Runs the card action and returns the card the person sees next. */
export async function runCardAction(ctx: CardActionContext, input: CardActionInput): Promise<CardActionResult> {
  const taskId = text(input.data.taskId);
  if (taskId === undefined) return { card: errorCard('This card does not name a task.'), refused: { code: 'invalid_input', message: 'no taskId' } };
  let refused: CardActionResult['refused'];
  let notice: string | undefined;
  if (!VIEW_VERBS.has(input.verb)) {
    const action = Object.hasOwn(ACTIONS, input.verb) ? ACTIONS[input.verb] : undefined;
    if (action === undefined) {
      refused = { code: 'invalid_input', message: `Unknown action "${input.verb}".` };
    } else {
      const result = await action.run(ctx, input.identity, taskId, input.data);
      if (result.ok) notice = action.done;
      else refused = { code: result.error.code, message: [result.error.message, ...(result.error.details ?? []).filter((d) => !result.error.message.includes(d))].join(' ') };
    }
  }
  const card = await personalCard(ctx, input, taskId, refused?.message ?? notice);
  return refused ? { card, refused } : { card };
}

/** The task's card as `identity` may use it, with `notice` on top. */
export async function personalCard(ctx: CardActionContext, input: Pick<CardActionInput, 'identity' | 'teamsUserId'>, taskId: string, notice?: string): Promise<object> {
  const task = await ctx.deps.repos.tasks.get(taskId);
  const view: TaskCardView | null = task === null ? null : await ctx.cards.viewOf(task);
  if (view === null) return errorCard(notice ?? `There is no task ${taskId}.`);
  const viewer = viewerOf(await resolveUser(ctx.deps.repos.users, input.identity));
  return withCardState(
    taskCard(view, {
      viewer,
      ...(input.teamsUserId ? { refreshUserIds: [input.teamsUserId] } : {}),
      ...(ctx.tabUrl ? { tabUrl: ctx.tabUrl } : {}),
      ...(notice ? { notice } : {}),
    }),
    view,
  );
}

function dataFix(d: ActionData): DataFix {
  const customerSorId = text(d[TASK_INPUTS.customerSorId]);
  const invoiceNumbers = list(d[TASK_INPUTS.invoiceNumbers]);
  // An emptied field means "unchanged": the form prefills what the task has.
  return { ...(customerSorId ? { customerSorId } : {}), ...(invoiceNumbers && invoiceNumbers.length > 0 ? { invoiceNumbers } : {}) };
}

function draftEdit(d: ActionData): DraftEdit {
  const subject = text(d[TASK_INPUTS.draftSubject]);
  const body = typeof d[TASK_INPUTS.draftText] === 'string' ? (d[TASK_INPUTS.draftText] as string) : undefined;
  const cc = list(d[TASK_INPUTS.draftCc]);
  const attach = list(d[TASK_INPUTS.attachInvoices]);
  return {
    ...(subject ? { subject } : {}),
    // An empty text keeps the current one (the card may not hold all of it).
    ...(body !== undefined && body.trim() !== '' ? { text: body.replace(/\r\n?/g, '\n') } : {}),
    ...(cc !== undefined ? { cc } : {}),
    ...(attach !== undefined ? { attachInvoices: attach } : {}),
  };
}

function draftVersion(d: ActionData): { draftVersion?: number } {
  const v = d.draftVersion;
  return typeof v === 'number' && Number.isInteger(v) ? { draftVersion: v } : {};
}

function reassignTarget(d: ActionData): { userId: string } | { teamId: string } {
  const userId = text(d[TASK_INPUTS.reassignUserId]);
  if (userId) return { userId };
  return { teamId: text(d[TASK_INPUTS.reassignTeamId]) ?? '' };
}
