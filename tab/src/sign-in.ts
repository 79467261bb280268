// Sign-in in a plain browser: "Sign in with Slack" (OpenID Connect, a link to the server's
// login route) when the server has it configured, and an API token (ARBOT_DASHBOARD_TOKENS),
// kept for this browser session only.
import { h, replace } from './dom.js';
import { rememberToken } from './host.js';

export function renderSignIn(root: HTMLElement, message: string | null, methods: { apiToken: boolean; slack: boolean }, onDone: () => void): void {
  const input = h('input', { id: 'api-token', name: 'token', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'api-token-help' });
  const form = h('form', {
    class: 'sign-in',
    onsubmit: (e: Event) => {
      e.preventDefault();
      const token = input.value.trim();
      if (token === '') return;
      rememberToken(token);
      onDone();
    },
  },
  h('h2', {}, 'Sign in'),
  message ? h('p', { class: 'error', role: 'alert' }, message) : null,
  methods.slack ? h('p', {}, h('a', { class: 'button', id: 'sign-in-slack', href: '/api/dashboard/auth/slack/login' }, 'Sign in with Slack')) : null,
  methods.slack ? h('p', { class: 'note' }, 'Or use an API token:') : null,
  h('div', { class: 'field' }, h('label', { for: 'api-token' }, 'API token'), input),
  h('p', { id: 'api-token-help', class: 'note' }, methods.apiToken ? 'The token an arbot manager gave you (ARBOT_DASHBOARD_TOKENS). It is kept only until you close this tab.' : 'No API tokens are configured on this server; ask an arbot manager.'),
  h('button', { type: 'submit' }, 'Sign in'));
  replace(root, form);
  input.focus();
  document.body.dataset['state'] = 'sign-in';
}
