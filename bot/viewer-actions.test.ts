import { describe, expect, it } from 'vitest';
import { actionsFor } from './viewer-actions.js';
import type { TaskActionId } from './task-view.js';

const all: TaskActionId[] = ['claim', 'unclaim', 'reassign', 'edit', 'approve', 'close', 'reprocess', 'note', 'reopen'];
const view = (assignee?: string) => ({ actions: all, ...(assignee ? { assignee: { userId: assignee, displayName: assignee } } : {}) });

describe('actions a viewer sees', () => {
  it('unknown people and people without a role see no buttons', () => {
    expect(actionsFor(view(), null)).toEqual([]);
    expect(actionsFor(view(), { userId: 'x', roles: [] })).toEqual([]);
  });

  it('an analyst sees work buttons on unassigned and own tasks, only claim-free ones on others', () => {
    expect(actionsFor(view(), { userId: 'ana', roles: ['Analyst'] })).toEqual(['claim', 'reassign', 'edit', 'approve', 'close', 'reprocess', 'note']);
    expect(actionsFor(view('ana'), { userId: 'ana', roles: ['Analyst'] })).toEqual(['unclaim', 'reassign', 'edit', 'approve', 'close', 'reprocess', 'note']);
    expect(actionsFor(view('ben'), { userId: 'ana', roles: ['Analyst'] })).toEqual(['note']);
  });

  it('a manager may take over, reassign and reopen', () => {
    expect(actionsFor(view('ben'), { userId: 'maria', roles: ['Manager'] })).toEqual(all);
  });
});
