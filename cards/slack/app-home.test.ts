import type { ActionsBlock, Button } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { TaskListItemView } from '../../bot/queries/views.js';
import { APP_HOME_IDS, appHomeView } from './app-home.js';
import { checkViewLimits } from './limits.js';

function item(i: number, overrides: Partial<TaskListItemView> = {}): TaskListItemView {
  return {
    taskId: `t${i}`,
    status: 'assigned',
    subject: `Statement please ${i}`,
    from: 'ap@acme.example',
    intents: ['balance_statement'],
    priority: 'normal',
    overdue: false,
    ...overrides,
  };
}

describe('appHomeView', () => {
  it('shows my tasks, team queues, SLA breaches and the dashboard', () => {
    const home = appHomeView({
      user: { name: 'Ana' },
      myTasks: { scope: 'mine', items: [item(1), item(2)], more: 0 },
      queue: [{ teamName: 'Collections', open: 12, unassigned: 3 }, { teamName: 'Cash <apps>', open: 1, unassigned: 0 }],
      breaches: [item(3, { overdue: true, dueAt: '2026-11-19T09:00:00.000Z', assigneeName: 'Bo' })],
      dashboardUrl: 'https://arbot.example/tab',
    });
    expect(home.type).toBe('home');
    expect(checkViewLimits(home)).toEqual([]);
    const json = JSON.stringify(home.blocks);
    expect(json).toContain('Hello, Ana');
    expect(json).toContain('*Your open tasks (2)*');
    expect(json).toContain('*Statement please 1*');
    expect(json).toContain('• *Collections*: 12 open tasks, 3 unassigned');
    expect(json).toContain('• *Cash &lt;apps&gt;*: 1 open task');
    expect(json).toContain('*Past their SLA (1)*');
    expect(json).toContain(':warning: *overdue* since <!date^');
    const link = (home.blocks.find((b) => b.block_id === APP_HOME_IDS.actions) as ActionsBlock).elements[0] as Button;
    expect(link).toMatchObject({ action_id: APP_HOME_IDS.dashboardAction, url: 'https://arbot.example/tab' });
    expect(json).toContain('<https://arbot.example/tab|dashboard>');
  });

  it('says when there is nothing, and has no dashboard link without a URL', () => {
    const home = appHomeView({ user: { name: 'Bo' }, myTasks: { scope: 'mine', items: [], more: 0 }, queue: [], breaches: [] });
    const json = JSON.stringify(home.blocks);
    expect(json).toContain('Nothing waiting for you');
    expect(json).toContain('You are in no team yet');
    expect(json).toContain('No open task is past its deadline');
    expect(home.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(checkViewLimits(home)).toEqual([]);
  });

  it('stays within the home tab limits however long the lists are', () => {
    const many = Array.from({ length: 200 }, (_, i) => item(i, { subject: 's'.repeat(4000), from: 'f'.repeat(4000), overdue: true, dueAt: '2026-11-19T09:00:00.000Z' }));
    const home = appHomeView({
      user: { name: 'N'.repeat(500) },
      myTasks: { scope: 'mine', items: many, more: 300 },
      queue: Array.from({ length: 500 }, (_, i) => ({ teamName: `Team ${i} ${'t'.repeat(50)}`, open: i, unassigned: 1 })),
      breaches: many,
      dashboardUrl: 'https://arbot.example/tab',
    });
    expect(checkViewLimits(home)).toEqual([]);
    const json = JSON.stringify(home.blocks);
    expect(json).toContain('*Your open tasks (500)*');
    expect(json).toContain('…and 485 more.');
    expect(json).toContain('…and 185 more.');
    expect(json).toMatch(/…and \d+ more teams/);
  });
});
