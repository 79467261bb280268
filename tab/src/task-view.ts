// The task detail (/tab/tasks/<taskId>): the email, what arbot understood, the evidence, the
// history and, for managers, the audit trail. Cards link here when they truncate.
import type { Api } from './api.js';
import { h, replace } from './dom.js';
import { formatCell } from './format.js';

interface TaskDetail {
  task: Record<string, string | string[] | null>;
  email: { from: string; to: string[]; cc: string[]; subject: string; receivedAt: string; mailbox: string; text: string; truncated: boolean; attachments: string[] } | null;
  understanding: { language: string; intents: Array<{ intent: string; confidence: number }>; action: string; reasons: Array<{ code: string; message: string }>; entities: Record<string, unknown>; problems: string[] } | null;
  evidence: { customerId: string | null; customerBasis: string | null; customerEvidence: string[]; sender: string[]; invoices: Array<{ raw: string; number: string; rule: string; evidence: string }>; unresolved: Array<{ raw: string; reason: string }> } | null;
  history: Array<{ at: string; what: string; by: string }>;
  audit: Array<{ seq: number; at: string; actor: string; action: string; details: string }> | null;
}

const date = (iso: string | null): string => formatCell(iso, 'date');

function facts(pairs: Array<[string, string | null | undefined]>): HTMLElement {
  return h('dl', { class: 'facts' }, ...pairs.filter(([, v]) => v !== undefined).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v === null || v === '' ? '—' : v)]));
}

function list(items: string[], empty: string): HTMLElement {
  return items.length === 0 ? h('p', { class: 'empty' }, empty) : h('ul', {}, ...items.map((i) => h('li', {}, i)));
}

export async function renderTask(root: HTMLElement, api: Api, taskId: string, status: HTMLElement): Promise<void> {
  status.textContent = 'Loading the task…';
  const d = await api.get<TaskDetail>(`/tasks/${encodeURIComponent(taskId)}`);
  const t = d.task;
  const str = (v: string | string[] | null | undefined): string | null => (Array.isArray(v) ? v.join(', ') : (v ?? null));
  replace(root,
    h('p', {}, h('a', { href: '/tab' }, '← Back to the dashboards')),
    h('article', { class: 'task' },
      h('h2', {}, d.email?.subject ?? `Task ${taskId}`),
      h('section', { 'aria-labelledby': 'task-h' }, h('h3', { id: 'task-h' }, 'Task'),
        facts([
          ['Status', str(t['status'])], ['Intents', str(t['intents'])], ['Priority', str(t['priority'])], ['Assignee', str(t['assignee'])],
          ['Team', str(t['team'])], ['Customer', str(t['customer'])], ['Invoices', str(t['invoiceNumbers'])], ['Why a person', str(t['reasons'])],
          ['Created', date(str(t['createdAt']))], ['Due', date(str(t['dueAt']))], ['Closed', date(str(t['closedAt']))],
        ])),
      h('section', { 'aria-labelledby': 'email-h' }, h('h3', { id: 'email-h' }, 'Email'),
        d.email === null ? h('p', { class: 'empty' }, 'The email is not stored.') : h('div', {},
          facts([['From', d.email.from], ['To', d.email.to.join(', ')], ['Cc', d.email.cc.join(', ') || null], ['Received', date(d.email.receivedAt)], ['Mailbox', d.email.mailbox], ['Attachments', d.email.attachments.join(', ') || null]]),
          h('pre', { class: 'email-text', tabindex: 0, 'aria-label': 'Email text' }, d.email.text + (d.email.truncated ? '\n…(truncated)' : '')))),
      h('section', { 'aria-labelledby': 'und-h' }, h('h3', { id: 'und-h' }, 'Understanding'),
        d.understanding === null ? h('p', { class: 'empty' }, 'Not analysed.') : h('div', {},
          facts([['Language', d.understanding.language], ['Decision', d.understanding.action], ['Intents', d.understanding.intents.map((i) => `${i.intent} (${Math.round(i.confidence * 100)} %)`).join(', ')]]),
          h('h4', {}, 'Reasons'), list(d.understanding.reasons.map((r) => `${r.code}: ${r.message}`), 'None.'),
          d.understanding.problems.length > 0 ? h('div', {}, h('h4', {}, 'Problems'), list(d.understanding.problems, '')) : null)),
      h('section', { 'aria-labelledby': 'ev-h' }, h('h3', { id: 'ev-h' }, 'Evidence'),
        d.evidence === null ? h('p', { class: 'empty' }, 'None.') : h('div', {},
          facts([['Customer', d.evidence.customerId], ['On the basis of', d.evidence.customerBasis]]),
          list([...d.evidence.customerEvidence, ...d.evidence.sender], 'No sender evidence.'),
          h('h4', {}, 'Invoices'), list(d.evidence.invoices.map((i) => `${i.raw} → ${i.number} (${i.rule}): ${i.evidence}`), 'No invoice references.'),
          d.evidence.unresolved.length > 0 ? list(d.evidence.unresolved.map((u) => `${u.raw}: ${u.reason}`), '') : null)),
      h('section', { 'aria-labelledby': 'hist-h' }, h('h3', { id: 'hist-h' }, 'History'),
        h('ol', { class: 'timeline' }, ...d.history.map((e) => h('li', {}, h('time', { datetime: e.at }, date(e.at)), ` ${e.what} — ${e.by}`)))),
      h('section', { 'aria-labelledby': 'audit-h' }, h('h3', { id: 'audit-h' }, 'Audit trail'),
        d.audit === null ? h('p', { class: 'note' }, 'The audit trail is shown to managers.')
          : d.audit.length === 0 ? h('p', { class: 'empty' }, 'No audit events.')
            : h('ol', { class: 'timeline' }, ...d.audit.map((e) => h('li', {}, h('time', { datetime: e.at }, date(e.at)), ` #${e.seq} ${e.action} by ${e.actor}`, h('code', {}, e.details))))),
    ));
  status.textContent = 'Task loaded.';
  document.body.dataset['state'] = 'ready';
}
