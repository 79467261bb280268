// Buttons on task messages. Every click is acknowledged first (Slack wants an answer within
// 3 s); buttons that need a form open it right away with the click's trigger_id (valid for 3 s
// only), and the others run their use case after the ack. The desk's card publisher then
// updates the message for everyone (chat.update); a refusal ("Already claimed by Ana Lima.")
// goes to the person who clicked only.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { claimTask, unclaimTask } from '../../../bot/use-cases/assignment.js';
import { reopenTask, reprocessTask } from '../../../bot/use-cases/closing.js';
import { approveAndSend } from '../../../bot/use-cases/draft.js';
import type { UseCaseResult } from '../../../bot/use-case-result.js';
import { parseTaskButtonValue, TASK_ACTION_IDS, type TaskButtonValue } from '../../../cards/slack/index.js';
import { slackIdentity, tellUser, type SlackHandlerContext } from './slack-context.js';
import { openTaskModal, MODAL_BUTTONS, type ModalButton } from './slack-modals.js';
import type { SlackWebClient } from './slack-workspaces.js';

type Click = { user: string; channel?: string; messageTs?: string; triggerId: string; value: TaskButtonValue };

/** The buttons that run a use case at once, and what they run. */
const DIRECT: Readonly<Record<string, (ctx: SlackHandlerContext, click: Click) => Promise<UseCaseResult<unknown>>>> = {
  [TASK_ACTION_IDS.claim]: (ctx, c) => claimTask(ctx.desk.deps, slackIdentity(c.user), c.value.taskId),
  [TASK_ACTION_IDS.unclaim]: (ctx, c) => unclaimTask(ctx.desk.deps, slackIdentity(c.user), c.value.taskId),
  [TASK_ACTION_IDS.reopen]: (ctx, c) => reopenTask(ctx.desk.deps, slackIdentity(c.user), c.value.taskId),
  [TASK_ACTION_IDS.reprocess]: (ctx, c) => reprocessTask(ctx.desk.deps, slackIdentity(c.user), c.value.taskId),
  [TASK_ACTION_IDS.approve]: approve,
};

/** Registers the task buttons on the Bolt app. */
export function registerTaskActions(app: App, ctx: SlackHandlerContext): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: /^task\.[a-z]+$/ }, async ({ ack, body, action, client }) => {
    await ack();
    // The "Open in arbot" link button: Slack opens the URL itself and still sends the click.
    if (action.action_id === TASK_ACTION_IDS.open) return;
    const value = parseTaskButtonValue(action.value);
    if (value === null) {
      ctx.logger.warn({ actionId: action.action_id }, 'Slack: a task button without a task; ignored');
      return;
    }
    const click: Click = {
      user: body.user.id,
      triggerId: body.trigger_id,
      value,
      ...(body.channel?.id ? { channel: body.channel.id } : {}),
      ...(body.message?.ts ? { messageTs: body.message.ts } : {}),
    };
    try {
      await handleClick(ctx, client, action.action_id, click);
    } catch (e) {
      ctx.logger.error({ err: e, actionId: action.action_id, taskId: value.taskId }, 'Slack: task button failed');
      await tellUser(client, ctx.logger, click.user, click.channel, 'Something went wrong; please try again.');
    }
  });
}

async function handleClick(ctx: SlackHandlerContext, client: SlackWebClient, actionId: string, click: Click): Promise<void> {
  const modal = MODAL_BUTTONS[actionId as ModalButton];
  if (modal !== undefined) {
    await openTaskModal(ctx, client, actionId as ModalButton, click);
    return;
  }
  const run = DIRECT[actionId];
  if (run === undefined) {
    ctx.logger.warn({ actionId }, 'Slack: unknown task button; ignored');
    return;
  }
  const result = await run(ctx, click);
  if (!result.ok) await tellUser(client, ctx.logger, click.user, click.channel, result.error.message);
  else if (actionId === TASK_ACTION_IDS.approve) await tellUser(client, ctx.logger, click.user, click.channel, 'Approved: the reply is queued and goes out once.');
}

/**
 * Approve acts on what the person saw: a click on a message older than the task (the draft or
 * the data changed since) is refused.
 */
async function approve(ctx: SlackHandlerContext, click: Click): Promise<UseCaseResult<unknown>> {
  const { deps } = ctx.desk;
  const task = await deps.repos.tasks.get(click.value.taskId);
  if (task !== null && task.version > click.value.version) {
    return { ok: false, error: { code: 'conflict', message: 'The task changed since this message was shown; check the updated message and approve again.' } };
  }
  return approveAndSend(deps, slackIdentity(click.user), click.value.taskId);
}

