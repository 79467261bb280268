// The App Home tab: the person's open tasks, each team's queue, the tasks past their SLA, and
// links to the dashboard. Published with views.publish whenever the person opens the tab.
import type { HomeView, KnownBlock } from '@slack/types';
import type { TaskListItemView, TaskListView } from '../../bot/queries/views.js';
import { SLACK_LIMITS } from './limits.js';
import { taskItemSection } from './lookup-blocks.js';
import { boundedLines, escapeMrkdwn, mrkdwn, mrkdwnLink, plain, plural } from './text.js';

export interface AppHomeInput {
  user: { name: string };
  myTasks: TaskListView;
  queue: { teamName: string; open: number; unassigned: number }[];
  breaches: TaskListItemView[];
  dashboardUrl?: string;
}

/** block_ids and the dashboard button's action_id (a link: the click only needs an ack). */
export const APP_HOME_IDS = {
  dashboardAction: 'home.dashboard',
  actions: 'home.actions',
  myTasks: 'home.mine',
  queue: 'home.queue',
  breaches: 'home.breaches',
} as const;

/** Tasks listed per list; together with the rest this stays well under the home tab's 100 blocks. */
export const HOME_LIST_MAX = 15;

/** The Home tab of one person. Pure. */
export function appHomeView(input: AppHomeInput): HomeView {
  const { myTasks, breaches, dashboardUrl } = input;
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(`Hello, ${input.user.name}`, SLACK_LIMITS.headerText) }];
  if (dashboardUrl) {
    blocks.push({
      type: 'actions',
      block_id: APP_HOME_IDS.actions,
      elements: [{ type: 'button', action_id: APP_HOME_IDS.dashboardAction, text: plain('Open the dashboard', SLACK_LIMITS.buttonText), url: dashboardUrl, style: 'primary' }],
    });
  }

  const myTotal = myTasks.items.length + myTasks.more;
  blocks.push({ type: 'divider' }, { type: 'section', block_id: APP_HOME_IDS.myTasks, text: mrkdwn(`*Your open tasks (${myTotal})*`, SLACK_LIMITS.sectionText) });
  if (myTasks.items.length === 0) blocks.push(context('Nothing waiting for you. Claim one from your team\'s channel or `/ar tasks`.'));
  else blocks.push(...list(myTasks.items, myTasks.more));

  blocks.push({ type: 'divider' }, { type: 'section', block_id: APP_HOME_IDS.queue, text: mrkdwn(queueText(input.queue), SLACK_LIMITS.sectionText) });

  blocks.push({ type: 'divider' }, { type: 'section', block_id: APP_HOME_IDS.breaches, text: mrkdwn(`*Past their SLA (${breaches.length})*`, SLACK_LIMITS.sectionText) });
  if (breaches.length === 0) blocks.push(context(':white_check_mark: No open task is past its deadline.'));
  else blocks.push(...list(breaches, 0));

  if (dashboardUrl) blocks.push(context(`Everything else is on the ${mrkdwnLink(dashboardUrl, 'dashboard')}.`));
  return { type: 'home', blocks };
}

function queueText(queue: AppHomeInput['queue']): string {
  if (queue.length === 0) return '*Team queues*\n_You are in no team yet._';
  const lines = queue.map((q) => `• *${escapeMrkdwn(q.teamName)}*: ${plural(q.open, 'open task')}${q.unassigned > 0 ? `, ${q.unassigned} unassigned` : ''}`);
  return `*Team queues*\n${boundedLines(lines, SLACK_LIMITS.sectionText - 20, (n) => `_…and ${plural(n, 'more team')}_`)}`;
}

function list(items: readonly TaskListItemView[], more: number): KnownBlock[] {
  const shown = items.slice(0, HOME_LIST_MAX);
  const left = more + items.length - shown.length;
  return [...shown.map(taskItemSection), ...(left > 0 ? [context(`…and ${left} more.`)] : [])];
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [mrkdwn(text, SLACK_LIMITS.contextText)] };
}
