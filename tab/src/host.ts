// Where the page runs: inside Teams (teams-js initialised, theme followed, SSO token from
// authentication.getAuthToken) or in a plain browser (an API token the person pastes, kept
// for the session only, or the session cookie of "Sign in with Slack").
import { app, authentication } from '@microsoft/teams-js';

export type Theme = 'default' | 'dark' | 'contrast';

export interface Host {
  kind: 'teams' | 'browser';
  /** A bearer token for the API; `fresh` asks Teams for a new one (after a 401). Null: none (in a browser the Slack session cookie may still sign in). */
  token(fresh?: boolean): Promise<string | null>;
  /** Forgets the identity (and ends a cookie session on the server); resolves when done. */
  signOut(): Promise<void>;
}

const TOKEN_KEY = 'arbot.dashboard.token';
const TEAMS_INIT_TIMEOUT_MS = 5000;

/** Applies a Teams theme to the page (CSS variables keyed on data-theme). */
export function applyTheme(theme: string | undefined): void {
  const t: Theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  document.documentElement.dataset['theme'] = t;
  document.dispatchEvent(new CustomEvent('arbot:theme', { detail: t }));
}

function framed(): boolean {
  try {
    return window.parent !== window || window.opener !== null;
  } catch {
    // A cross-origin parent throws on access: we are framed.
    return true;
  }
}

/** Initialises teams-js when the page is framed (a tab); resolves to null in a plain browser or when no Teams host answers. */
export async function detectTeams(): Promise<Host | null> {
  if (!framed()) return null;
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), TEAMS_INIT_TIMEOUT_MS));
  try {
    const result = await Promise.race([app.initialize().then(() => 'ok' as const), timeout]);
    if (result === 'timeout') return null;
  } catch (err) {
    console.warn('arbot: not inside Teams', err);
    return null;
  }
  const context = await app.getContext();
  applyTheme(context.app.theme);
  app.registerOnThemeChangeHandler(applyTheme);
  app.notifySuccess();
  let cached: string | null = null;
  return {
    kind: 'teams',
    async token(fresh = false) {
      if (cached && !fresh) return cached;
      cached = await authentication.getAuthToken();
      return cached;
    },
    async signOut() {
      cached = null;
    },
  };
}

/** The plain-browser host: the token comes from the sign-in form and lives in sessionStorage; a Slack sign-in lives in an HttpOnly cookie. */
export function browserHost(): Host {
  return {
    kind: 'browser',
    async token() {
      return sessionStorage.getItem(TOKEN_KEY);
    },
    async signOut() {
      sessionStorage.removeItem(TOKEN_KEY);
      // The cookie is HttpOnly, so only the server can clear it.
      await fetch('/api/dashboard/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-Arbot-Request': '1' } }).catch((err: unknown) => {
        console.warn('arbot: sign-out request failed', err);
      });
    },
  };
}

export function rememberToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

/** Follows the browser's dark-mode and forced-colours preferences outside Teams. */
export function applyBrowserTheme(): void {
  const contrast = window.matchMedia('(forced-colors: active)').matches || window.matchMedia('(prefers-contrast: more)').matches;
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  applyTheme(contrast ? 'contrast' : dark ? 'dark' : 'default');
}
