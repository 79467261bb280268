// Every dashboard panel, one line each.
import type { Panel, PanelId } from '../panel.js';
import { mailboxActivityPanel } from './mailbox-activity.panel.js';
import { processingOutcomesPanel } from './processing-outcomes.panel.js';
import { responseTimesPanel } from './response-times.panel.js';
import { sorInsightsPanel } from './sor-insights.panel.js';
import { tasksUtilizationPanel } from './tasks-utilization.panel.js';

export const panels: Readonly<Record<PanelId, Panel>> = {
  mailbox: mailboxActivityPanel,
  outcomes: processingOutcomesPanel,
  response: responseTimesPanel,
  sor: sorInsightsPanel,
  tasks: tasksUtilizationPanel,
};
