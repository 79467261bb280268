// The search box in the page header and its results page (/tab/search?q=): customers and
// invoices found by the one search service (names with typos, account numbers, emails,
// domains, invoice and PO numbers), each a link to its record.
import type { Api } from './api.js';
import { h, replace } from './dom.js';
import { customerHref, invoiceHref, money } from './records.js';

interface SearchAnswer {
  query: string;
  ambiguous: boolean;
  more: number;
  customers: Array<{ sorId: string; name: string; accountNumber: string; status: string; archived: boolean; matchedBy: string; detail: string; foundAs?: string }>;
  invoices: Array<{ number: string; customerSorId: string; customerName: string; dueDate: string; balance: { amount: number; currency: string }; status: string; matchedBy: string }>;
}

/** The header's search form: it opens the results page, so it works before and after sign-in. */
export function searchBox(current = ''): HTMLElement {
  const input = h('input', { type: 'search', id: 'record-search', name: 'q', value: current, placeholder: 'Customer, account, email, invoice…', autocomplete: 'off', required: true });
  return h('form', { class: 'search', role: 'search', action: '/tab/search', method: 'get' },
    h('label', { for: 'record-search', class: 'visually-hidden' }, 'Search customers and invoices'),
    input,
    h('button', { type: 'submit' }, 'Search'));
}

export async function renderSearch(root: HTMLElement, api: Api, q: string, status: HTMLElement): Promise<void> {
  const query = q.trim();
  if (query === '') {
    replace(root, h('p', {}, 'Type a customer name (typos are fine), an account number, a contact email or domain, or an invoice or PO number in the search box.'));
    document.getElementById('record-search')?.focus();
    document.body.dataset['state'] = 'ready';
    return;
  }
  status.textContent = `Searching for “${query}”…`;
  const r = await api.get<SearchAnswer>('/records/search', { q: query, limit: '20' });
  const heading = h('h2', { id: 'results-h', tabindex: -1 }, `Results for “${r.query}”`);
  const customers = r.customers.length === 0 ? h('p', { class: 'empty' }, 'No customer matches.') : h('ul', { class: 'results', 'aria-labelledby': 'cust-h' }, ...r.customers.map((c) => h('li', {},
    h('a', { href: customerHref(c.sorId) }, c.name),
    ` — account ${c.accountNumber}`,
    c.archived || c.status === 'archived' ? h('span', { class: 'badge' }, 'Archived') : null,
    h('span', { class: 'note' }, ` · ${c.detail}${c.foundAs ? ` (found as ${c.foundAs})` : ''}`))));
  const invoices = r.invoices.length === 0 ? null : h('section', { 'aria-labelledby': 'inv-h' }, h('h3', { id: 'inv-h' }, 'Invoices'),
    h('ul', { class: 'results' }, ...r.invoices.map((i) => h('li', {},
      h('a', { href: invoiceHref(i.number) }, i.number),
      ` — ${i.customerName}, ${money(i.balance)} ${i.status.replace(/_/g, ' ')}, due ${i.dueDate}`))));
  replace(root,
    h('p', {}, h('a', { href: '/tab' }, '← Back to the dashboards')),
    heading,
    r.ambiguous ? h('p', { class: 'note' }, 'Several customers fit about equally well: pick the right one.') : null,
    invoices,
    h('section', { 'aria-labelledby': 'cust-h' }, h('h3', { id: 'cust-h' }, 'Customers'), customers, r.more > 0 ? h('p', { class: 'note' }, `${r.more} more match; type more of the name to narrow it down.`) : null));
  heading.focus();
  const n = r.customers.length + r.invoices.length;
  status.textContent = n === 0 ? `Nothing matches “${r.query}”.` : `${r.customers.length} customer(s) and ${r.invoices.length} invoice(s) found.`;
  document.body.dataset['state'] = 'ready';
}
