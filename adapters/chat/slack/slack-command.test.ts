import { describe, expect, it } from 'vitest';
import { parseArCommand } from './slack-command.js';

describe('/ar parsing', () => {
  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['customer Acme Industrial', { kind: 'customer', query: 'Acme Industrial' }],
    ['  Customer   100-2231 ', { kind: 'customer', query: '100-2231' }],
    ['invoice inv 204518', { kind: 'invoice', number: 'inv 204518' }],
    ['tasks', { kind: 'tasks', scope: 'team' }],
    ['tasks mine', { kind: 'tasks', scope: 'mine' }],
    ['TASKS Mine', { kind: 'tasks', scope: 'mine' }],
    ['stats', { kind: 'stats' }],
    ['whoami', { kind: 'admin', text: 'whoami' }],
    ['away <@U0ANA|ana> on', { kind: 'admin', text: 'away U0ANA on' }],
    ['user add Ana Lima slack:<@U0ANA> as Analyst', { kind: 'admin', text: 'user add Ana Lima slack:U0ANA as Analyst' }],
    ['customer', { kind: 'unknown', text: 'customer' }],
    ['tasks yesterday', { kind: 'unknown', text: 'tasks yesterday' }],
    ['frobnicate', { kind: 'unknown', text: 'frobnicate' }],
  ])('%j', (text, expected) => {
    expect(parseArCommand(text)).toEqual(expected);
  });
});
