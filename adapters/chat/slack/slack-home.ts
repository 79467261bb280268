// The App Home tab, published (views.publish) each time a person opens it: their open tasks,
// their teams' queues, the tasks past their SLA, and a link to the dashboard.
import type { App } from '@slack/bolt';
import type { HomeView } from '@slack/types';
import { resolveUser, type ChatIdentity } from '../../../bot/identity.js';
import { listTasks } from '../../../bot/queries/lookup.js';
import type { TaskListItemView } from '../../../bot/queries/views.js';
import { APP_HOME_IDS, appHomeView, type AppHomeInput } from '../../../cards/slack/index.js';
import { queryDeps, slackIdentity, type SlackHandlerContext } from './slack-context.js';
import { toSlackChatError } from './slack-errors.js';

/** Open tasks of a team read to count its unassigned ones. */
const QUEUE_SCAN = 500;

/** Registers the Home tab on the Bolt app. */
export function registerAppHome(app: App, ctx: SlackHandlerContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const view = await appHomeFor(ctx, slackIdentity(event.user));
    await client.views.publish({ user_id: event.user, view }).catch((e: unknown) => {
      ctx.logger.warn({ err: toSlackChatError('views.publish', e), slackUserId: event.user }, 'Slack: App Home could not be published');
    });
  });
  // The dashboard button is a link; Slack still sends the click, which needs an ack.
  app.action(APP_HOME_IDS.dashboardAction, async ({ ack }) => {
    await ack();
  });
}

/** The Home tab of one person (a short explanation for people arbot does not know). */
export async function appHomeFor(ctx: Pick<SlackHandlerContext, 'desk' | 'dashboardUrl'>, identity: ChatIdentity): Promise<HomeView> {
  const { repos } = ctx.desk;
  const deps = queryDeps(ctx);
  const user = await resolveUser(repos.users, identity);
  if (user === null || user.roles.length === 0) {
    const text = user === null ? 'You are not registered with arbot yet. Ask a manager to add you (`/ar user add <name> slack:<your id>`).' : 'You have no arbot role yet. Ask a manager to give you one.';
    return { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const [mine, team] = await Promise.all([listTasks(deps, identity, 'mine'), listTasks(deps, identity, 'team')]);
  const myTasks = mine.ok ? mine.value : { scope: 'mine' as const, items: [], more: 0 };
  const teams = (await repos.teams.list()).filter((t) => t.members.includes(user.id) || (t.managers ?? []).includes(user.id));
  const queue: AppHomeInput['queue'] = await Promise.all(
    teams.map(async (t) => {
      const [open, tasks] = await Promise.all([repos.tasks.countOpen({ teamIds: [t.id] }), repos.tasks.listOpenForTeams([t.id], QUEUE_SCAN)]);
      return { teamName: t.name, open, unassigned: tasks.filter((task) => task.assignee === undefined).length };
    }),
  );
  const breaches = new Map<string, TaskListItemView>();
  for (const item of [...myTasks.items, ...(team.ok ? team.value.items : [])]) if (item.overdue) breaches.set(item.taskId, item);
  return appHomeView({
    user: { name: user.displayName },
    myTasks,
    queue,
    breaches: [...breaches.values()],
    ...(ctx.dashboardUrl ? { dashboardUrl: ctx.dashboardUrl } : {}),
  });
}
