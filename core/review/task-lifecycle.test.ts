import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '../domain/task.js';
import type { Role } from '../domain/user.js';
import {
  TERMINAL_STATUSES,
  isOpenStatus,
  planTransition,
  type TaskActor,
  type TaskCommand,
  type TransitionPlan,
} from './task-lifecycle.js';

const now = new Date('2026-11-20T09:00:00Z');
const user = (userId: string, ...roles: Role[]): TaskActor => ({ kind: 'user', userId, roles });
const ana = user('ana', 'Analyst');
const ben = user('ben', 'Analyst');
const mia = user('mia', 'Manager');
const root = user('root', 'SuperAdmin');
const nobody = user('nobody');
const system: TaskActor = { kind: 'system', id: 'distribution' };

const task = (status: TaskStatus, assignee?: string, teamId = 't1') => ({ status, assignee, teamId });
const plan = (t: ReturnType<typeof task>, command: TaskCommand, actor: TaskActor) => planTransition(t, command, actor, now);
const ok = (change: object, event: string): TransitionPlan => ({ ok: true, change, event });
const denied = (p: TransitionPlan) => (p.ok ? undefined : p.denial);

const ALL_COMMANDS: TaskCommand[] = [
  { kind: 'assign', assignee: 'ben' },
  { kind: 'route_to_team', teamId: 't2' },
  { kind: 'claim' },
  { kind: 'unclaim' },
  { kind: 'edit' },
  { kind: 'approve' },
  { kind: 'close_no_reply', reason: 'spam' },
  { kind: 'start_reprocess' },
  { kind: 'finish_reprocess' },
  { kind: 'add_note' },
  { kind: 'reopen' },
];

describe('statuses', () => {
  it('knows which statuses are terminal and which are open', () => {
    expect(TERMINAL_STATUSES).toEqual(['sent', 'closed_no_reply']);
    expect(['new', 'assigned', 'in_review', 'reprocessing'].every((s) => isOpenStatus(s as TaskStatus))).toBe(true);
    expect(['approved', 'sent', 'closed_no_reply'].some((s) => isOpenStatus(s as TaskStatus))).toBe(false);
  });
});

describe('permission to work', () => {
  it('forbids every command to a user without task.work', () => {
    for (const command of ALL_COMMANDS) {
      expect(denied(plan(task('new'), command, nobody))?.code).toBe('forbidden');
    }
  });

  it('forbids reopen to an analyst but lets a manager, a SuperAdmin and the system reopen', () => {
    expect(denied(plan(task('closed_no_reply', 'ana'), { kind: 'reopen' }, ana))).toEqual({ code: 'forbidden', message: 'Only a manager can reopen a task.' });
    for (const actor of [mia, root, system]) {
      expect(plan(task('closed_no_reply', 'ana'), { kind: 'reopen' }, actor).ok).toBe(true);
    }
  });

  it('lets the system do everything but claim', () => {
    expect(denied(plan(task('new'), { kind: 'claim' }, system))).toEqual({ code: 'invalid_input', message: 'Only a person can claim a task.' });
    expect(plan(task('in_review', 'ana'), { kind: 'assign', assignee: 'ben' }, system)).toEqual(ok({ status: 'assigned', assignee: 'ben' }, 'assigned'));
    expect(plan(task('in_review', 'ana'), { kind: 'approve' }, system)).toEqual(ok({ status: 'approved' }, 'approved'));
  });

  it('names every event after its command', () => {
    const events = ALL_COMMANDS.map((command) => {
      const status: TaskStatus = command.kind === 'reopen' ? 'closed_no_reply' : command.kind === 'finish_reprocess' ? 'reprocessing' : 'new';
      const p = plan(task(status, command.kind === 'unclaim' ? 'ana' : undefined), command, command.kind === 'reopen' ? mia : ana);
      return p.ok ? p.event : p.denial.code;
    });
    expect(events).toEqual([
      'assigned',
      'routed_to_team',
      'claimed',
      'unclaimed',
      'edited',
      'approved',
      'closed_no_reply',
      'reprocess_started',
      'reprocessed',
      'note_added',
      'reopened',
    ]);
  });
});

describe('terminal and waiting statuses', () => {
  it('accepts only notes on a sent task', () => {
    expect(plan(task('sent', 'ana'), { kind: 'add_note' }, ben)).toEqual(ok({}, 'note_added'));
    for (const command of ALL_COMMANDS.filter((c) => c.kind !== 'add_note')) {
      expect(denied(plan(task('sent', 'ana'), command, command.kind === 'claim' ? mia : system))).toEqual({
        code: 'invalid_state',
        message: 'This task was already sent.',
      });
    }
  });

  it('accepts only notes and a reopen on a task closed without reply', () => {
    expect(plan(task('closed_no_reply', 'ana'), { kind: 'add_note' }, ana)).toEqual(ok({}, 'note_added'));
    expect(plan(task('closed_no_reply', 'ana'), { kind: 'reopen' }, mia)).toEqual(
      ok({ status: 'new', assignee: null, closedAt: null, closeReason: null }, 'reopened'),
    );
    for (const command of ALL_COMMANDS.filter((c) => c.kind !== 'add_note' && c.kind !== 'reopen')) {
      expect(denied(plan(task('closed_no_reply', 'ana'), command, mia))).toEqual({
        code: 'invalid_state',
        message: 'This task was closed without a reply.',
      });
    }
  });

  it('keeps the team when reopening and clears no assignee that is not there', () => {
    expect(plan(task('closed_no_reply', undefined, 't9'), { kind: 'reopen' }, mia)).toEqual(
      ok({ status: 'new', closedAt: null, closeReason: null }, 'reopened'),
    );
  });

  it('accepts only notes on an approved task', () => {
    expect(plan(task('approved', 'ana'), { kind: 'add_note' }, ben)).toEqual(ok({}, 'note_added'));
    for (const command of ALL_COMMANDS.filter((c) => c.kind !== 'add_note')) {
      expect(denied(plan(task('approved', 'ana'), command, mia))).toEqual({
        code: 'invalid_state',
        message: 'This task is approved and waiting to be sent.',
      });
    }
  });

  it('refuses reopen and finish_reprocess on an open task', () => {
    expect(denied(plan(task('in_review', 'ana'), { kind: 'reopen' }, mia))?.code).toBe('invalid_state');
    expect(denied(plan(task('in_review', 'ana'), { kind: 'finish_reprocess' }, system))).toEqual({
      code: 'invalid_state',
      message: 'This task is not being reprocessed.',
    });
  });
});

describe('reprocessing', () => {
  it('accepts only finish_reprocess and notes while reprocessing', () => {
    expect(plan(task('reprocessing', 'ana'), { kind: 'add_note' }, ben)).toEqual(ok({}, 'note_added'));
    for (const command of ALL_COMMANDS.filter((c) => c.kind !== 'add_note' && c.kind !== 'finish_reprocess')) {
      expect(denied(plan(task('reprocessing', 'ana'), command, mia))).toEqual({ code: 'invalid_state', message: 'This task is being reprocessed.' });
    }
  });

  it('returns a held task to review and an unheld one to the queue', () => {
    expect(plan(task('reprocessing', 'ana'), { kind: 'finish_reprocess' }, system)).toEqual(ok({ status: 'in_review' }, 'reprocessed'));
    expect(plan(task('reprocessing'), { kind: 'finish_reprocess' }, system)).toEqual(ok({ status: 'new' }, 'reprocessed'));
  });

  it('lets the holder or a manager finish, not another analyst', () => {
    expect(plan(task('reprocessing', 'ana'), { kind: 'finish_reprocess' }, ana).ok).toBe(true);
    expect(plan(task('reprocessing', 'ana'), { kind: 'finish_reprocess' }, mia).ok).toBe(true);
    expect(denied(plan(task('reprocessing', 'ana'), { kind: 'finish_reprocess' }, ben))).toEqual({
      code: 'not_holder',
      message: 'Only the assignee or a manager can do this.',
      holder: 'ana',
    });
  });

  it('lets any worker finish a reprocess nobody holds (as with any unassigned task)', () => {
    expect(plan(task('reprocessing'), { kind: 'finish_reprocess' }, ben)).toEqual(ok({ status: 'new' }, 'reprocessed'));
  });

  it('starts a reprocess, taking an unassigned task for the person who asked', () => {
    expect(plan(task('in_review', 'ana'), { kind: 'start_reprocess' }, ana)).toEqual(ok({ status: 'reprocessing' }, 'reprocess_started'));
    expect(plan(task('new'), { kind: 'start_reprocess' }, ben)).toEqual(ok({ status: 'reprocessing', assignee: 'ben' }, 'reprocess_started'));
    expect(plan(task('new'), { kind: 'start_reprocess' }, system)).toEqual(ok({ status: 'reprocessing' }, 'reprocess_started'));
    expect(plan(task('assigned', 'ana'), { kind: 'start_reprocess' }, mia)).toEqual(ok({ status: 'reprocessing' }, 'reprocess_started'));
    expect(denied(plan(task('assigned', 'ana'), { kind: 'start_reprocess' }, ben))?.code).toBe('not_holder');
  });
});

describe('claim', () => {
  it('takes a new task into review', () => {
    expect(plan(task('new'), { kind: 'claim' }, ana)).toEqual(ok({ status: 'in_review', assignee: 'ana' }, 'claimed'));
  });

  it('starts review of a task assigned to oneself', () => {
    expect(plan(task('assigned', 'ana'), { kind: 'claim' }, ana)).toEqual(ok({ status: 'in_review' }, 'claimed'));
  });

  it('is a no-op on a task one already reviews', () => {
    expect(plan(task('in_review', 'ana'), { kind: 'claim' }, ana)).toEqual(ok({}, 'claimed'));
  });

  it('lets a manager take over a task assigned to someone else', () => {
    expect(plan(task('assigned', 'ana'), { kind: 'claim' }, mia)).toEqual(ok({ status: 'in_review', assignee: 'mia' }, 'claimed'));
  });

  it('refuses an analyst a task assigned to someone else', () => {
    expect(denied(plan(task('assigned', 'ana'), { kind: 'claim' }, ben))).toEqual({
      code: 'already_claimed',
      message: 'Already claimed by another analyst.',
      holder: 'ana',
    });
  });

  it('refuses everyone, managers too, a task someone else reviews', () => {
    for (const actor of [ben, mia, root]) {
      expect(denied(plan(task('in_review', 'ana'), { kind: 'claim' }, actor))).toMatchObject({ code: 'already_claimed', holder: 'ana' });
    }
  });
});

describe('unclaim', () => {
  it('returns an assigned or reviewed task to the queue, keeping its team', () => {
    expect(plan(task('assigned', 'ana'), { kind: 'unclaim' }, ana)).toEqual(ok({ status: 'new', assignee: null }, 'unclaimed'));
    expect(plan(task('in_review', 'ana'), { kind: 'unclaim' }, ana)).toEqual(ok({ status: 'new', assignee: null }, 'unclaimed'));
  });

  it('lets a manager or the system unclaim for someone else', () => {
    expect(plan(task('in_review', 'ana'), { kind: 'unclaim' }, mia).ok).toBe(true);
    expect(plan(task('in_review', 'ana'), { kind: 'unclaim' }, system).ok).toBe(true);
  });

  it('refuses another analyst', () => {
    expect(denied(plan(task('in_review', 'ana'), { kind: 'unclaim' }, ben))).toMatchObject({ code: 'not_holder', holder: 'ana' });
  });

  it('refuses a task nobody holds', () => {
    expect(denied(plan(task('new'), { kind: 'unclaim' }, mia))).toEqual({ code: 'invalid_state', message: 'This task is not claimed.' });
  });
});

describe('assign', () => {
  it('assigns a queued task (distribution)', () => {
    expect(plan(task('new', undefined, 't1'), { kind: 'assign', assignee: 'ana', teamId: 't2' }, system)).toEqual(
      ok({ status: 'assigned', assignee: 'ana', teamId: 't2' }, 'assigned'),
    );
    expect(plan(task('new'), { kind: 'assign', assignee: 'ana' }, system)).toEqual(ok({ status: 'assigned', assignee: 'ana' }, 'assigned'));
  });

  it('lets the holder hand over their task', () => {
    expect(plan(task('in_review', 'ana'), { kind: 'assign', assignee: 'ben' }, ana)).toEqual(ok({ status: 'assigned', assignee: 'ben' }, 'assigned'));
  });

  it('lets a manager reassign anyone', () => {
    expect(plan(task('in_review', 'ana'), { kind: 'assign', assignee: 'ben' }, mia)).toEqual(ok({ status: 'assigned', assignee: 'ben' }, 'assigned'));
  });

  it('lets any worker assign an unassigned task', () => {
    expect(plan(task('new'), { kind: 'assign', assignee: 'ana' }, ben)).toEqual(ok({ status: 'assigned', assignee: 'ana' }, 'assigned'));
  });

  it('refuses an analyst reassigning someone else’s task', () => {
    expect(denied(plan(task('assigned', 'ana'), { kind: 'assign', assignee: 'ben' }, ben))).toMatchObject({ code: 'not_holder', holder: 'ana' });
  });

  it('changes nothing when assigning to the current assignee (a review stays a review)', () => {
    expect(plan(task('in_review', 'ana'), { kind: 'assign', assignee: 'ana' }, mia)).toEqual(ok({}, 'assigned'));
    expect(plan(task('in_review', 'ana', 't1'), { kind: 'assign', assignee: 'ana', teamId: 't1' }, system)).toEqual(ok({}, 'assigned'));
  });

  it('still moves the team when assigning to the current assignee in another team', () => {
    expect(plan(task('in_review', 'ana', 't1'), { kind: 'assign', assignee: 'ana', teamId: 't2' }, mia)).toEqual(ok({ teamId: 't2' }, 'assigned'));
  });

  it('refuses a blank assignee or team', () => {
    expect(denied(plan(task('new'), { kind: 'assign', assignee: ' ' }, system))?.code).toBe('invalid_input');
    expect(denied(plan(task('new'), { kind: 'assign', assignee: 'ana', teamId: '' }, system))?.code).toBe('invalid_input');
  });
});

describe('route to team', () => {
  it('puts the task in the team queue, unassigned', () => {
    expect(plan(task('in_review', 'ana', 't1'), { kind: 'route_to_team', teamId: 't2' }, ana)).toEqual(
      ok({ status: 'new', assignee: null, teamId: 't2' }, 'routed_to_team'),
    );
    expect(plan(task('new', undefined, 't1'), { kind: 'route_to_team', teamId: 't2' }, ben)).toEqual(ok({ teamId: 't2' }, 'routed_to_team'));
    expect(plan(task('assigned', 'ana', 't1'), { kind: 'route_to_team', teamId: 't2' }, mia).ok).toBe(true);
    expect(plan(task('assigned', 'ana', 't1'), { kind: 'route_to_team', teamId: 't2' }, system).ok).toBe(true);
  });

  it('refuses an analyst routing someone else’s task, and a blank team', () => {
    expect(denied(plan(task('assigned', 'ana'), { kind: 'route_to_team', teamId: 't2' }, ben))).toMatchObject({ code: 'not_holder', holder: 'ana' });
    expect(denied(plan(task('new'), { kind: 'route_to_team', teamId: '  ' }, mia))?.code).toBe('invalid_input');
  });
});

describe('edit', () => {
  it('moves a new or assigned task into review', () => {
    expect(plan(task('assigned', 'ana'), { kind: 'edit' }, ana)).toEqual(ok({ status: 'in_review' }, 'edited'));
    expect(plan(task('in_review', 'ana'), { kind: 'edit' }, ana)).toEqual(ok({}, 'edited'));
  });

  it('auto-claims an unassigned task for the worker who edits it', () => {
    expect(plan(task('new'), { kind: 'edit' }, ben)).toEqual(ok({ status: 'in_review', assignee: 'ben' }, 'edited'));
  });

  it('lets a manager edit without taking the task', () => {
    expect(plan(task('assigned', 'ana'), { kind: 'edit' }, mia)).toEqual(ok({ status: 'in_review' }, 'edited'));
  });

  it('refuses another analyst', () => {
    expect(denied(plan(task('in_review', 'ana'), { kind: 'edit' }, ben))).toMatchObject({ code: 'not_holder', holder: 'ana' });
  });
});

describe('approve', () => {
  it('approves from new, assigned or in review', () => {
    expect(plan(task('new'), { kind: 'approve' }, ana)).toEqual(ok({ status: 'approved', assignee: 'ana' }, 'approved'));
    expect(plan(task('assigned', 'ana'), { kind: 'approve' }, ana)).toEqual(ok({ status: 'approved' }, 'approved'));
    expect(plan(task('in_review', 'ana'), { kind: 'approve' }, mia)).toEqual(ok({ status: 'approved' }, 'approved'));
  });

  it('refuses another analyst', () => {
    expect(denied(plan(task('in_review', 'ana'), { kind: 'approve' }, ben))).toMatchObject({ code: 'not_holder', holder: 'ana' });
  });
});

describe('close without reply', () => {
  it('closes with the trimmed reason and the injected time', () => {
    expect(plan(task('in_review', 'ana'), { kind: 'close_no_reply', reason: '  spam  ' }, ana)).toEqual(
      ok({ status: 'closed_no_reply', closedAt: now, closeReason: 'spam' }, 'closed_no_reply'),
    );
  });

  it('auto-claims an unassigned task for the worker who closes it', () => {
    expect(plan(task('new'), { kind: 'close_no_reply', reason: 'duplicate' }, ben)).toEqual(
      ok({ status: 'closed_no_reply', closedAt: now, closeReason: 'duplicate', assignee: 'ben' }, 'closed_no_reply'),
    );
  });

  it('lets a manager or the system close someone else’s task', () => {
    expect(plan(task('assigned', 'ana'), { kind: 'close_no_reply', reason: 'x' }, mia).ok).toBe(true);
    expect(plan(task('assigned', 'ana'), { kind: 'close_no_reply', reason: 'x' }, system).ok).toBe(true);
  });

  it('refuses a blank reason and another analyst', () => {
    expect(denied(plan(task('in_review', 'ana'), { kind: 'close_no_reply', reason: '   ' }, ana))?.code).toBe('invalid_input');
    expect(denied(plan(task('in_review', 'ana'), { kind: 'close_no_reply', reason: 'spam' }, ben))).toMatchObject({ code: 'not_holder', holder: 'ana' });
  });
});

describe('notes', () => {
  it('lets any worker or the system note a task in any status', () => {
    for (const status of ['new', 'assigned', 'in_review', 'approved', 'sent', 'closed_no_reply', 'reprocessing'] as const) {
      expect(plan(task(status, 'ana'), { kind: 'add_note' }, ben)).toEqual(ok({}, 'note_added'));
      expect(plan(task(status, 'ana'), { kind: 'add_note' }, system)).toEqual(ok({}, 'note_added'));
    }
  });
});
