// The configuration page of the channel tab (/tab/configure): Teams shows it when the tab is
// added to a channel or chat; saving points the tab at the dashboard.
import { pages } from '@microsoft/teams-js';
import { h, replace } from './dom.js';

export function renderConfigure(root: HTMLElement): void {
  replace(root, h('section', { class: 'panel' },
    h('h2', {}, 'Add the arbot dashboard'),
    h('p', {}, 'The tab shows the helpdesk dashboards to everyone in this channel; each person sees what their arbot role allows. Select Save to add it.')));
  const base = `${location.origin}/tab`;
  pages.config.registerOnSaveHandler((event) => {
    pages.config.setConfig({ entityId: 'dashboard', contentUrl: base, websiteUrl: base, suggestedDisplayName: 'AR Dashboard' })
      .then(() => event.notifySuccess(), (err: unknown) => event.notifyFailure(err instanceof Error ? err.message : String(err)));
  });
  pages.config.setValidityState(true);
  document.body.dataset['state'] = 'ready';
}
