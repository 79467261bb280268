// The customer record (/tab/customers/<sorId>): who the customer is, what they owe (per
// currency, aged), contacts, open invoices, notes and the timeline, with the actions the
// person's role allows. Every action is the records API's (the same use cases as chat); the
// page only offers what `can` says and shows the server's answer, refusals included.
import type { CustomerRecordView, MergePreview, MergeResult, MoneyView, TimelineEntry } from '../../bot/records/views.js';
import type { CustomerResyncSummary } from '../../bot/ports/customer-resync.js';
import { ApiError, type Api } from './api.js';
import { h, replace } from './dom.js';
import { formatCell } from './format.js';

type CustomerPage = CustomerRecordView & { can: { work: boolean; manage: boolean } };
interface SearchCustomers { customers: Array<{ sorId: string; name: string; accountNumber: string; detail: string }> }

const BUCKETS = [
  ['current', 'Current'],
  ['days1to30', '1–30'],
  ['days31to60', '31–60'],
  ['days61to90', '61–90'],
  ['days90plus', '90+'],
] as const;

/** Money with its currency ("$1,234.56", "€80.00"). */
export function money(m: MoneyView): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: m.currency }).format(m.amount);
  } catch {
    // An unknown currency code: Intl refuses it, so show the code itself.
    return `${m.amount.toFixed(2)} ${m.currency}`;
  }
}

export const customerHref = (sorId: string): string => `/tab/customers/${encodeURIComponent(sorId)}`;
export const invoiceHref = (n: string): string => `/tab/invoices/${encodeURIComponent(n)}`;
const api$ = (sorId: string): string => `/records/customers/${encodeURIComponent(sorId)}`;

export function facts(pairs: Array<[string, Node | string | null | undefined]>): HTMLElement {
  return h('dl', { class: 'facts' }, ...pairs.filter(([, v]) => v !== undefined).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v === null || v === '' ? '—' : v)]));
}

export function section(id: string, title: string, ...children: Array<Node | null>): HTMLElement {
  return h('section', { class: 'record-section', 'aria-labelledby': id }, h('h3', { id, tabindex: -1 }, title), ...children);
}

/** A message area for one action: polite for results, an alert for refusals. */
export function outcome(): { el: HTMLElement; ok(text: string): void; fail(err: unknown): void; clear(): void } {
  const el = h('div', { class: 'outcome', 'aria-live': 'polite' });
  return {
    el,
    ok(text) {
      replace(el, h('p', { class: 'ok', role: 'status' }, text));
    },
    fail(err) {
      const details = err instanceof ApiError ? err.details : [];
      replace(el, h('div', { class: 'error', role: 'alert' }, h('p', {}, err instanceof Error ? err.message : String(err)), details.length > 1 ? h('ul', {}, ...details.map((d) => h('li', {}, d))) : null));
    },
    clear() {
      replace(el);
    },
  };
}

/** Opens a PDF from the API in a new tab (the token travels in a header, so the file is fetched first) and leaves a link to it. */
export async function openPdf(api: Api, path: string, into: HTMLElement): Promise<void> {
  const { blob, filename } = await api.file(path);
  const url = URL.createObjectURL(blob);
  const open = h('a', { href: url, target: '_blank', rel: 'noopener', class: 'pdf-link' }, `Open ${filename}`);
  const save = h('a', { href: url, download: filename, class: 'pdf-link' }, 'Download');
  replace(into, h('p', { class: 'ok', role: 'status' }, open, ' · ', save));
  window.open(url, '_blank', 'noopener');
}

/** Who to send to: each known contact To, Cc or not at all. */
export function recipientChooser(idPrefix: string, contacts: Array<{ email: string; name?: string; role?: string }>): { el: HTMLElement; value(): { to: string[]; cc: string[] } } {
  const selects = contacts.map((c, i) => {
    const id = `${idPrefix}-r${i}`;
    const select = h('select', { id }, h('option', { value: '' }, 'Not sent'), h('option', { value: 'to' }, 'To'), h('option', { value: 'cc' }, 'Cc'));
    const label = `${c.name ? `${c.name} <${c.email}>` : c.email}${c.role ? ` (${c.role})` : ''}`;
    return { c, row: h('div', { class: 'recipient' }, h('label', { for: id }, label), select), select };
  });
  const el = h('fieldset', { class: 'recipients' }, h('legend', {}, 'Recipients (known contacts only)'), ...(selects.length === 0 ? [h('p', { class: 'empty' }, 'This customer has no known contacts.')] : selects.map((s) => s.row)));
  return {
    el,
    value: () => ({
      to: selects.filter((s) => s.select.value === 'to').map((s) => s.c.email),
      cc: selects.filter((s) => s.select.value === 'cc').map((s) => s.c.email),
    }),
  };
}

/** One click's id: sending the same form twice (a double click, a retry) queues one message. */
export const requestId = (): string => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

function action(title: string, ...body: Array<Node | null>): HTMLDetailsElement {
  return h('details', { class: 'record-action' }, h('summary', {}, title), h('div', { class: 'action-body' }, ...body));
}

function timelineList(entries: TimelineEntry[]): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'empty' }, 'Nothing yet.');
  return h('ol', { class: 'timeline' }, ...entries.map((e) => h('li', { 'data-kind': e.kind },
    h('time', { datetime: e.at }, formatCell(e.at, 'date')), ' ',
    e.ref?.type === 'task' ? h('a', { href: `/tab/tasks/${encodeURIComponent(e.ref.id)}` }, e.text) : e.text,
    e.via ? h('span', { class: 'note' }, ` (from ${e.via})`) : null)));
}

function agingSection(v: CustomerRecordView): HTMLElement {
  if (v.aging.length === 0) return section('aging-h', 'Aging', h('p', { class: 'empty' }, 'Nothing is open.'));
  const table = h('table', { class: 'aging' },
    h('caption', { class: 'visually-hidden' }, `Open balances by days past due, as of ${v.asOf}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Currency'), ...BUCKETS.map(([, label]) => h('th', { scope: 'col', class: 'num' }, label)), h('th', { scope: 'col', class: 'num' }, 'Total'))),
    h('tbody', {}, ...v.aging.map((row) => h('tr', { 'data-currency': row.currency },
      h('th', { scope: 'row' }, row.currency),
      ...BUCKETS.map(([key]) => h('td', { class: 'num', 'data-bucket': key }, money({ amount: row[key], currency: row.currency }))),
      h('td', { class: 'num', 'data-bucket': 'total' }, money({ amount: row.total, currency: row.currency }))))));
  // The bars repeat the table for the eye; the table is what assistive technology reads.
  const bars = h('div', { class: 'aging-bars', 'aria-hidden': 'true' }, ...v.aging.map((row) => h('div', { class: 'aging-bar' },
    h('span', { class: 'aging-cur' }, row.currency),
    h('span', { class: 'aging-track' }, ...BUCKETS.filter(([key]) => row[key] > 0).map(([key, label], i) => {
      const seg = h('span', { class: `aging-seg seg-${i}`, title: `${label}: ${money({ amount: row[key], currency: row.currency })}` });
      seg.style.width = `${(100 * row[key]) / (row.total || 1)}%`;
      seg.classList.add(`b-${key}`);
      return seg;
    })))));
  return section('aging-h', 'Aging', bars, h('div', { class: 'table-scroll' }, table), h('p', { class: 'note' }, `Days past due as of ${v.asOf}.`));
}

export async function renderCustomer(root: HTMLElement, api: Api, sorId: string, status: HTMLElement, opts: { openStatement?: boolean } = {}): Promise<void> {
  status.textContent = 'Loading the customer…';
  const v = await api.get<CustomerPage>(api$(sorId));
  const balances = h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Currency'), h('th', { scope: 'col', class: 'num' }, 'Outstanding'), h('th', { scope: 'col', class: 'num' }, 'Unapplied credits'), h('th', { scope: 'col', class: 'num' }, 'Net'))),
    h('tbody', {}, ...v.net.map((n) => {
      const of = (list: MoneyView[]) => money(list.find((m) => m.currency === n.currency) ?? { amount: 0, currency: n.currency });
      return h('tr', {}, h('th', { scope: 'row' }, n.currency), h('td', { class: 'num' }, of(v.outstanding)), h('td', { class: 'num' }, of(v.unappliedCredits)), h('td', { class: 'num' }, money(n)));
    })));
  const invoices = v.openInvoices.length === 0 ? h('p', { class: 'empty' }, 'No open invoices.') : h('div', { class: 'table-scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, ...['Invoice', 'Due', 'Days past due', 'Balance', 'Status'].map((c, i) => h('th', { scope: 'col', class: i === 2 || i === 3 ? 'num' : null }, c)))),
    h('tbody', {}, ...v.openInvoices.map((i) => h('tr', {},
      h('td', {}, h('a', { href: invoiceHref(i.number) }, i.number)), h('td', {}, i.dueDate), h('td', { class: 'num' }, String(i.daysPastDue)),
      h('td', { class: 'num' }, money(i.balance)), h('td', {}, i.status.replace(/_/g, ' ')))))));
  const contacts = v.contacts.length === 0 ? h('p', { class: 'empty' }, 'No contacts.') : h('ul', { class: 'contacts' }, ...v.contacts.map((c) => h('li', {},
    c.name ? `${c.name} ` : '', h('a', { href: `mailto:${c.email}` }, c.email), c.role ? ` — ${c.role}` : '', h('span', { class: 'note' }, c.source === 'sor' ? ' (from the SoR)' : ' (added in arbot)'))));

  const timeline = h('div', {}, timelineList(v.timeline));
  const moreTimeline = h('button', { type: 'button', class: 'secondary' }, 'Show more history');
  let shown = v.timeline.length;
  moreTimeline.hidden = shown < 20;
  moreTimeline.onclick = async () => {
    moreTimeline.disabled = true;
    try {
      const all = await api.get<TimelineEntry[]>(`${api$(sorId)}/timeline`, { limit: String(Math.min(500, shown + 100)) });
      moreTimeline.hidden = all.length <= shown;
      shown = all.length;
      replace(timeline, timelineList(all));
      status.textContent = `Showing ${all.length} events.`;
    } catch (err) {
      status.textContent = err instanceof Error ? err.message : String(err);
    } finally {
      moreTimeline.disabled = false;
    }
  };

  const notes = v.notes.length === 0 ? h('p', { class: 'empty' }, 'No notes.') : h('ul', { class: 'notes' }, ...v.notes.map((n) => h('li', {}, h('p', { class: 'note-text' }, n.text), h('p', { class: 'note' }, `${n.by}, ${formatCell(n.at, 'date')}${n.movedFrom ? ` (moved from ${n.movedFrom})` : ''}`))));
  const reload = () => renderCustomer(root, api, sorId, status);

  replace(root,
    h('p', {}, h('a', { href: '/tab' }, '← Back to the dashboards')),
    h('article', { class: 'record', 'aria-labelledby': 'record-title' },
      h('h2', { id: 'record-title', tabindex: -1 }, v.displayName, v.archived ? h('span', { class: 'badge' }, 'Archived') : null),
      v.mergedInto ? h('p', { class: 'notice', role: 'note' }, `Merged into `, h('a', { href: customerHref(v.mergedInto.sorId) }, v.mergedInto.name), ` on ${v.mergedInto.at.slice(0, 10)}. Open that record instead.`) : null,
      section('summary-h', 'Customer', facts([
        ['Account', v.accountNumber], ['SoR id', v.sorId], ['Status', `${v.status}${v.archived ? ' (archived in arbot)' : ''}`],
        ['Billing owner', v.billingOwner ? `${v.billingOwner}${v.ownerFilledByMerge ? ' (kept from a merged duplicate)' : ''}` : null],
        ['Domains', v.domains.join(', ') || null], ['Open tasks', String(v.openTasks)],
        ['Last payment', v.lastPayment ? `${money(v.lastPayment.amount)} on ${v.lastPayment.date} (${v.lastPayment.method}, ${v.lastPayment.reference})` : null],
        ['Last contacted', v.lastContacted ? formatCell(v.lastContacted, 'date') : null],
        ['Merged here', v.mergedFrom.length > 0 ? v.mergedFrom.map((m) => `${m.name} (${m.sorId})`).join(', ') : undefined],
      ])),
      section('balance-h', 'Balance', v.net.length === 0 ? h('p', { class: 'empty' }, 'Nothing owed either way.') : h('div', { class: 'table-scroll' }, balances)),
      agingSection(v),
      section('actions-h', 'Actions', v.can.work || v.can.manage ? actions(api, v, reload, opts) : h('p', { class: 'note' }, 'Your role may look at records only.')),
      section('invoices-h', `Open invoices (${v.openInvoiceCount})`, invoices, v.openInvoiceCount > v.openInvoices.length ? h('p', { class: 'note' }, `The ${v.openInvoices.length} oldest are shown; search an invoice number for the others.`) : null),
      section('contacts-h', 'Contacts', contacts, v.contactsReadOnly ? h('p', { class: 'note' }, 'Contacts come from the system of record and are changed there.') : null),
      section('notes-h', 'Notes', notes),
      section('timeline-h', 'Timeline', timeline, moreTimeline),
    ));
  status.textContent = `${v.displayName} loaded.`;
  document.body.dataset['state'] = 'ready';
}

function actions(api: Api, v: CustomerPage, reload: () => Promise<void>, opts: { openStatement?: boolean }): HTMLElement {
  const box = h('div', { class: 'record-actions' });
  const path = api$(v.sorId);
  if (v.can.work && !v.mergedInto) {
    // Add note
    const noteOut = outcome();
    const text = h('textarea', { id: 'note-text', rows: 3, maxlength: 4000, required: true });
    const noteForm = h('form', { class: 'stack' }, h('label', { for: 'note-text' }, 'Note (internal, not sent)'), text, h('div', {}, h('button', { type: 'submit' }, 'Save note')), noteOut.el);
    noteForm.onsubmit = async (ev) => {
      ev.preventDefault();
      try {
        await api.post(`${path}/notes`, { text: text.value });
        await reload();
        document.getElementById('notes-h')?.focus();
      } catch (err) {
        noteOut.fail(err);
      }
    };
    box.append(action('Add note', noteForm));

    // Generate statement
    const pdfOut = outcome();
    const generate = h('button', { type: 'button' }, 'Generate statement PDF');
    const makeStatement = async () => {
      generate.disabled = true;
      try {
        await openPdf(api, `${path}/statement.pdf`, pdfOut.el);
      } catch (err) {
        pdfOut.fail(err);
      } finally {
        generate.disabled = false;
      }
    };
    generate.onclick = () => void makeStatement();
    const statementAction = action('Generate statement', h('p', { class: 'note' }, 'Makes the statement of account as a PDF; nothing is sent.'), generate, pdfOut.el);
    box.append(statementAction);
    if (opts.openStatement) {
      statementAction.open = true;
      void makeStatement();
    }

    // Send statement
    box.append(sendForm(api, 'stmt', v, `${path}/send-statement`, 'Send statement', null));
    // Send invoices
    const invoicePicks = v.openInvoices.map((i, n) => {
      const id = `inv-pick-${n}`;
      const box = h('input', { type: 'checkbox', id, value: i.number });
      return { box, row: h('div', { class: 'check' }, box, h('label', { for: id }, `${i.number} — ${money(i.balance)}, due ${i.dueDate}`)) };
    });
    const invoiceSet = h('fieldset', { class: 'invoice-picks' }, h('legend', {}, 'Invoices'), ...(invoicePicks.length === 0 ? [h('p', { class: 'empty' }, 'No open invoices.')] : invoicePicks.map((p) => p.row)));
    box.append(sendForm(api, 'invs', v, `${path}/send-invoices`, 'Send invoices', { el: invoiceSet, value: () => invoicePicks.filter((p) => p.box.checked).map((p) => p.box.value) }));

    // Re-sync
    const syncOut = outcome();
    const sync = h('button', { type: 'button' }, 'Re-sync from the SoR');
    sync.onclick = async () => {
      sync.disabled = true;
      syncOut.ok('Re-syncing…');
      try {
        const s = await api.post<CustomerResyncSummary>(`${path}/resync`);
        const counts = Object.entries(s.counts ?? {}).map(([entity, c]) => `${entity}: ${c.inserted} new, ${c.updated} updated, ${c.deleted} deleted`);
        syncOut.ok([s.message ?? 'Re-synced.', ...counts].join(' · '));
      } catch (err) {
        syncOut.fail(err);
      } finally {
        sync.disabled = false;
      }
    };
    box.append(action('Re-sync', h('p', { class: 'note' }, 'Reads this customer again from the system of record.'), sync, syncOut.el));
  }
  if (v.can.manage && !v.mergedInto) {
    box.append(archiveAction(api, v, reload), mergeAction(api, v, reload));
  }
  return box;
}

function sendForm(api: Api, id: string, v: CustomerPage, path: string, title: string, invoices: { el: HTMLElement; value(): string[] } | null): HTMLDetailsElement {
  const out = outcome();
  const recipients = recipientChooser(id, v.contacts);
  let click = requestId();
  const form = h('form', { class: 'stack' }, invoices?.el ?? null, recipients.el, h('div', {}, h('button', { type: 'submit' }, title)), out.el);
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const { to, cc } = recipients.value();
    try {
      const body = { to, cc, requestId: click, ...(invoices ? { invoiceNumbers: invoices.value() } : {}) };
      const r = await api.post<{ outboxItemId: string; queued: boolean }>(path, body);
      out.ok(r.queued ? `Queued for sending to ${[...to, ...cc].join(', ')}.` : 'Already queued: this was sent once.');
      click = requestId();
    } catch (err) {
      out.fail(err);
    }
  };
  return action(title, form);
}

function archiveAction(api: Api, v: CustomerPage, reload: () => Promise<void>): HTMLDetailsElement {
  const out = outcome();
  const confirm = h('button', { type: 'button', class: 'danger' }, `Archive ${v.displayName}`);
  confirm.onclick = async () => {
    confirm.disabled = true;
    try {
      await api.post(`${api$(v.sorId)}/archive`);
      await reload();
    } catch (err) {
      out.fail(err);
      confirm.disabled = false;
    }
  };
  return action('Archive', v.archived ? h('p', { class: 'note' }, 'This customer is archived.') : h('div', {}, h('p', {}, 'Archived customers stay findable, marked archived. Managers only.'), confirm), out.el);
}

function mergeAction(api: Api, v: CustomerPage, reload: () => Promise<void>): HTMLDetailsElement {
  const out = outcome();
  const step = h('div', { class: 'merge-step' });
  const q = h('input', { type: 'search', id: 'merge-q', autocomplete: 'off' });
  const find = h('form', { class: 'inline-form' }, h('label', { for: 'merge-q' }, 'Find the duplicate to merge into this customer'), h('div', { class: 'inline' }, q, h('button', { type: 'submit', class: 'secondary' }, 'Find')));
  find.onsubmit = async (ev) => {
    ev.preventDefault();
    out.clear();
    try {
      const r = await api.get<SearchCustomers>('/records/search', { q: q.value });
      const others = r.customers.filter((c) => c.sorId !== v.sorId);
      if (others.length === 0) return void replace(step, h('p', { class: 'empty' }, 'No other customer matches.'));
      const radios = others.map((c, i) => {
        const rid = `merge-src-${i}`;
        const radio = h('input', { type: 'radio', name: 'merge-src', id: rid, value: c.sorId, checked: i === 0 });
        return { radio, row: h('div', { class: 'check' }, radio, h('label', { for: rid }, `${c.name} — account ${c.accountNumber} (${c.sorId}; ${c.detail})`)) };
      });
      const choose = h('form', { class: 'stack' }, h('fieldset', {}, h('legend', {}, 'Merge which customer?'), ...radios.map((r) => r.row)), h('div', {}, h('button', { type: 'submit' }, 'Preview the merge')));
      choose.onsubmit = (e) => {
        e.preventDefault();
        const source = radios.find((r) => r.radio.checked)?.radio.value;
        if (source) void preview(source);
      };
      replace(step, choose);
    } catch (err) {
      out.fail(err);
    }
  };
  const preview = async (source: string) => {
    try {
      const p = await api.post<MergePreview>(`${api$(v.sorId)}/merge-preview`, { sourceSorId: source });
      const m = p.moves;
      const cont = h('button', { type: 'button' }, 'Continue');
      replace(step, h('div', { class: 'stack' },
        h('h4', { id: 'merge-preview-h', tabindex: -1 }, `Merge ${p.source.name} (${p.source.accountNumber}) into ${p.target.name} (${p.target.accountNumber})`),
        h('ul', {},
          h('li', {}, `${m.notes} note(s), ${m.tasks} task(s) and ${m.threads} thread(s) move here.`),
          h('li', {}, m.contactsCopied.length > 0 ? `Contacts copied here: ${m.contactsCopied.join(', ')}.` : 'No contacts to copy.'),
          m.manualContactsRemoved.length > 0 ? h('li', {}, `Contacts added in arbot leave the duplicate: ${m.manualContactsRemoved.join(', ')}.`) : null,
          h('li', {}, `${m.emailsIn} email(s) in, ${m.emailsOut} out and ${m.timelineEvents} event(s) show here through the merge.`),
          p.fills.billingOwner ? h('li', {}, `Billing owner filled: ${p.fills.billingOwner}.`) : null,
          p.fills.domains ? h('li', {}, `Domains filled: ${p.fills.domains.join(', ')}.`) : null),
        h('p', { class: 'warning' }, 'A merge cannot be undone.'), h('div', {}, cont)));
      document.getElementById('merge-preview-h')?.focus();
      cont.onclick = () => confirmStep(p);
    } catch (err) {
      out.fail(err);
    }
  };
  const confirmStep = (p: MergePreview) => {
    const typed = h('input', { type: 'text', id: 'merge-typed', autocomplete: 'off', spellcheck: false });
    const form = h('form', { class: 'stack' },
      h('label', { for: 'merge-typed' }, `Type the account number of ${p.source.name} (${p.confirmation.typeToConfirm}) to confirm`), typed,
      h('div', {}, h('button', { type: 'submit', class: 'danger' }, 'Merge for good')));
    form.onsubmit = async (ev) => {
      ev.preventDefault();
      try {
        const r = await api.post<MergeResult>(`${api$(v.sorId)}/merge`, { sourceSorId: p.source.sorId, token: p.confirmation.token, typed: typed.value });
        await reload();
        const s = document.querySelector('.status');
        if (s) s.textContent = `Merged ${r.source} into ${r.target}: ${r.moved.notes} note(s), ${r.moved.tasks} task(s), ${r.moved.contactsCopied} contact(s) moved.`;
      } catch (err) {
        out.fail(err);
      }
    };
    replace(step, form);
    typed.focus();
  };
  return action('Merge a duplicate', h('p', { class: 'note' }, 'Managers only. Preview first, then confirm by typing the duplicate’s account number.'), find, step, out.el);
}
