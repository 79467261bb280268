// A stand-in for the Teams web client, for the browser tests: a page on the tab's own origin
// that frames /tab and answers the postMessage calls @microsoft/teams-js makes (initialize,
// getContext, authentication.getAuthToken), and can push a theme change. teams-js accepts
// messages from its own origin, so no Microsoft origin is needed. Every call is recorded in
// window.__teamsCalls for the test to check.
import type { Express } from 'express';

export const TEAMS_HOST_PATH = '/__test/teams-host';

/** Runtime config the host announces (apiVersion 4, the capabilities the tab uses). */
const RUNTIME = { apiVersion: 4, hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } }, isLegacyTeams: false, supports: { appInitialization: {}, authentication: {}, pages: { appButton: {}, tabs: {}, config: {} }, teamsCore: {} } };

export interface TeamsHostState {
  token: string;
  theme: 'default' | 'dark' | 'contrast';
  userObjectId: string;
}

/** Mounts the host page; `state` is read on every request, so a test can set the token and theme. */
export function teamsHostMount(state: TeamsHostState): (app: Express) => void {
  return (app) => {
    app.get(TEAMS_HOST_PATH, (_req, res) => {
      const config = JSON.stringify({ runtime: RUNTIME, token: state.token, theme: state.theme, oid: state.userObjectId });
      res.type('html').send(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams (simulated)</title></head>
<body style="margin:0;background:#ebebeb">
<iframe id="tab" title="arbot tab" src="/tab" style="width:100%;height:1800px;border:0"></iframe>
<script>
const cfg = ${config.replace(/</g, '\\u003c')};
window.__teamsCalls = [];
window.addEventListener('message', (e) => {
  const m = e.data;
  if (!m || typeof m.func !== 'string' || e.source === window) return;
  window.__teamsCalls.push(m.func);
  const reply = (args) => e.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, e.origin);
  if (m.func === 'initialize') reply(['content', 'web', JSON.stringify(cfg.runtime), '2.58.0']);
  else if (m.func === 'getContext') reply([{ locale: 'en-us', theme: cfg.theme, entityId: 'dashboard', userObjectId: cfg.oid, hostClientType: 'web', frameContext: 'content', appSessionId: 'session-1' }]);
  else if (m.func === 'authentication.getAuthToken') reply([true, cfg.token]);
});
window.setTeamsTheme = (theme) => document.getElementById('tab').contentWindow.postMessage({ func: 'themeChange', args: [theme] }, location.origin);
</script>
</body></html>`);
    });
  };
}
