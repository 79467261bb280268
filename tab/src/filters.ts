// The filter bar: range (today, 7, 30, 365 days or custom dates) and mailbox, intent,
// customer, team, person. The state lives in the page's query string, so a reload or a
// shared link shows the same figures.
import type { Me, Options } from './api.js';
import { h } from './dom.js';

export interface FilterState {
  range: string;
  from: string;
  to: string;
  mailbox: string;
  intent: string;
  customer: string;
  team: string;
  user: string;
}

const KEYS = ['range', 'from', 'to', 'mailbox', 'intent', 'customer', 'team', 'user'] as const;

export function readFilter(): FilterState {
  const q = new URLSearchParams(location.search);
  const state = Object.fromEntries(KEYS.map((k) => [k, q.get(k) ?? ''])) as unknown as FilterState;
  if (state.range === '') state.range = '7';
  return state;
}

export function writeFilter(state: FilterState): void {
  const q = new URLSearchParams();
  for (const k of KEYS) if (state[k] !== '' && !(k === 'range' && state[k] === '7')) q.set(k, state[k]);
  const qs = q.toString();
  history.replaceState(null, '', `${location.pathname}${qs ? `?${qs}` : ''}`);
}

/** The API query for a filter state (custom range → from/to). */
export function toQuery(state: FilterState): Record<string, string> {
  const q: Record<string, string> = {};
  if (state.range === 'custom') {
    if (state.from && state.to) {
      q['from'] = state.from;
      q['to'] = state.to;
    }
  } else {
    q['range'] = state.range;
  }
  for (const k of ['mailbox', 'intent', 'customer', 'team', 'user'] as const) if (state[k] !== '') q[k] = state[k];
  return q;
}

function select(id: string, label: string, value: string, choices: Array<{ value: string; label: string }>, onChange: (v: string) => void, disabled = false): HTMLElement {
  const el = h('select', { id, name: id, disabled, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    ...choices.map((c) => h('option', { value: c.value, selected: c.value === value }, c.label)));
  return h('div', { class: 'field' }, h('label', { for: id }, label), el);
}

/** The filter form; `onChange` runs with the new state after every change. */
export function filterBar(state: FilterState, me: Me, options: Options, onChange: (s: FilterState) => void): HTMLElement {
  const set = (k: keyof FilterState) => (v: string) => onChange({ ...state, [k]: v });
  const any = (label: string) => ({ value: '', label });
  const own = me.scope === 'own';
  const custom = state.range === 'custom';
  const dateInput = (k: 'from' | 'to', label: string): HTMLElement =>
    h('div', { class: 'field' }, h('label', { for: `f-${k}` }, label),
      h('input', { id: `f-${k}`, type: 'date', value: state[k], required: true, onchange: (e: Event) => set(k)((e.target as HTMLInputElement).value) }));
  return h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: (e: Event) => e.preventDefault() },
    select('f-range', 'Period', state.range, [
      { value: '1', label: 'Today' }, { value: '7', label: 'Last 7 days' }, { value: '30', label: 'Last 30 days' },
      { value: '365', label: 'Last 365 days' }, { value: 'custom', label: 'Custom dates' },
    ], set('range')),
    custom ? dateInput('from', 'From') : null,
    custom ? dateInput('to', 'To') : null,
    own ? null : select('f-mailbox', 'Mailbox', state.mailbox, [any('All mailboxes'), ...options.mailboxes.map((m) => ({ value: m, label: m }))], set('mailbox')),
    select('f-intent', 'Intent', state.intent, [any('All intents'), ...options.intents.map((i) => ({ value: i, label: i.replace(/_/g, ' ') }))], set('intent')),
    own ? null : select('f-customer', 'Customer', state.customer, [any('All customers'), ...options.customers.map((c) => ({ value: c.id, label: `${c.name} (${c.id})` }))], set('customer')),
    select('f-team', 'Team', state.team, [any('All teams'), ...options.teams.map((t) => ({ value: t.id, label: t.name }))], set('team')),
    own ? null : select('f-user', 'Person', state.user, [any('Everyone'), ...options.users.map((u) => ({ value: u.id, label: u.name }))], set('user')),
  );
}
