// The page's entry: find the host (Teams tab or browser), sign in, then show the view the
// path asks for: /tab (dashboards), /tab/configure (channel tab setup), /tab/tasks/<id>,
// /tab/search?q=, /tab/customers/<sorId>[?statement=1], /tab/invoices/<number>.
import { Api, ApiError, type Me, type Options } from './api.js';
import { renderConfigure } from './configure.js';
import { renderDashboard } from './dashboard.js';
import { h, replace } from './dom.js';
import { renderInvoice } from './invoice-view.js';
import { renderCustomer } from './records.js';
import { renderSearch, searchBox } from './search.js';
import { applyBrowserTheme, browserHost, detectTeams, type Host } from './host.js';
import { renderSignIn } from './sign-in.js';
import { renderTask } from './task-view.js';

async function start(): Promise<void> {
  const app = document.getElementById('app');
  if (!app) return;
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const main = h('main', { id: 'main', tabindex: -1 });
  const who = h('span', { class: 'who' });
  const signOut = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Sign out');
  const path = location.pathname.replace(/\/+$/, '');
  const query = new URLSearchParams(location.search);
  const search = path === '/tab/configure' ? null : searchBox(path === '/tab/search' ? (query.get('q') ?? '') : '');
  replace(app, h('header', { class: 'top' }, h('h1', {}, 'arbot dashboards'), search, h('div', { class: 'user' }, who, signOut)), status, main);

  const teams = await detectTeams();
  if (path === '/tab/configure') {
    if (teams) renderConfigure(main);
    else replace(main, h('p', {}, 'This page is shown by Teams when the tab is added to a channel.'));
    return;
  }
  const host: Host = teams ?? browserHost();
  if (!teams) applyBrowserTheme();
  document.documentElement.dataset['host'] = host.kind;
  const api = new Api(host);
  const methods = await fetch('/api/dashboard/auth/config').then((r) => r.json() as Promise<{ apiToken: boolean; slack: boolean }>, () => ({ apiToken: true, slack: false }));

  const show = async (): Promise<void> => {
    try {
      const me = await api.get<Me>('/me');
      who.textContent = `${me.user.displayName} (${me.user.roles.join(', ') || 'no role'})`;
      signOut.hidden = host.kind !== 'browser';
      signOut.onclick = () => void host.signOut().then(() => location.reload());
      const task = /^\/tab\/tasks\/([^/]+)$/.exec(path);
      if (task?.[1]) {
        await renderTask(main, api, decodeURIComponent(task[1]), status);
        return;
      }
      if (path === '/tab/search') {
        await renderSearch(main, api, query.get('q') ?? '', status);
        return;
      }
      const customer = /^\/tab\/customers\/([^/]+)$/.exec(path);
      if (customer?.[1]) {
        await renderCustomer(main, api, decodeURIComponent(customer[1]), status, { openStatement: query.get('statement') === '1' });
        return;
      }
      const invoice = /^\/tab\/invoices\/([^/]+)$/.exec(path);
      if (invoice?.[1]) {
        await renderInvoice(main, api, decodeURIComponent(invoice[1]), status);
        return;
      }
      const options = await api.get<Options>('/options');
      renderDashboard(main, api, me, options, status);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && host.kind === 'browser') {
        const hadToken = (await host.token()) !== null;
        await host.signOut();
        renderSignIn(main, hadToken ? `That token was refused: ${err.message}` : null, methods, () => void show());
        return;
      }
      signOut.hidden = host.kind !== 'browser';
      signOut.onclick = () => void host.signOut().then(() => location.reload());
      replace(main, h('p', { class: 'error', role: 'alert' }, err instanceof Error ? err.message : String(err)));
      document.body.dataset['state'] = 'error';
    }
  };
  await show();
}

void start();
