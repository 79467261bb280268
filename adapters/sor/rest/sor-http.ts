// The HTTP side of REST connectors: fetch (injected) with authentication (API key, bearer
// token, OAuth2 client credentials), a rate limit, timeouts, retries with back-off that honour
// Retry-After, and every failure normalized to a SorConnectorError code.
import { SorConnectorError, type SorErrorCode } from '../../../core/sor/sor-connector.js';

export type SorAuth =
  | { type: 'none' }
  | { type: 'api_key'; header: string; key: string; prefix?: string }
  | { type: 'bearer'; token: string }
  | { type: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: string; scope?: string };

export interface SorHttpOptions {
  auth: SorAuth;
  fetch?: typeof fetch;
  /** Most requests a second (0: unlimited). */
  requestsPerSecond?: number;
  /** Retries of a temporary failure (429, 5xx, network, timeout). */
  maxRetries?: number;
  timeoutMs?: number;
  /** First back-off; it doubles each retry (with jitter), capped at 60 s. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  headers?: Record<string, string>;
}

export interface SorResponse {
  body: unknown;
  headers: Headers;
  url: string;
}

/** Maps an HTTP status to the code the engine acts on. */
export function codeForStatus(status: number): SorErrorCode {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 410) return 'cursor_expired';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'temporary';
  return 'unknown';
}

/** Retry-After as milliseconds (seconds or an HTTP date), if present. */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A small JSON GET client with the policies above. */
export class SorHttp {
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private nextSlot = 0;
  private token: { value: string; expiresAt: number } | undefined;

  constructor(private readonly options: SorHttpOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
  }

  /** GETs JSON, retrying temporary failures; throws a SorConnectorError. */
  async getJson(url: string, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<SorResponse> {
    const maxRetries = this.options.maxRetries ?? 4;
    let authRetried = false;
    for (let attempt = 0; ; attempt++) {
      let failure: SorConnectorError;
      try {
        await this.pace();
        const res = await this.send(url, { ...this.options.headers, ...headers, ...(await this.authHeaders()) }, signal);
        if (res.ok) return { body: await this.json(res, url), headers: res.headers, url };
        const code = codeForStatus(res.status);
        const detail = await errorDetail(res);
        failure = new SorConnectorError(code, `GET ${redact(url)}: HTTP ${res.status}${detail ? ` (${detail})` : ''}`, {
          ...(code === 'temporary' && { retryAfterMs: retryAfterMs(res.headers, this.now()) }),
        });
        // An expired OAuth token: fetch a new one once before calling it an auth failure.
        if (code === 'auth' && this.options.auth.type === 'oauth2' && !authRetried) {
          authRetried = true;
          this.token = undefined;
          attempt--;
          continue;
        }
      } catch (err) {
        if (err instanceof SorConnectorError) throw err;
        if (signal?.aborted) throw new SorConnectorError('unknown', `GET ${redact(url)}: aborted`, { cause: err });
        failure = new SorConnectorError('temporary', `GET ${redact(url)}: ${(err as Error).message}`, { cause: err });
      }
      if (failure.code !== 'temporary' || attempt >= maxRetries) throw failure;
      await this.sleep(failure.retryAfterMs ?? this.backoff(attempt));
    }
  }

  private backoff(attempt: number): number {
    const base = (this.options.backoffMs ?? 500) * 2 ** attempt;
    return Math.min(60_000, Math.round(base * (0.75 + Math.random() * 0.5)));
  }

  /** Spaces requests out to the configured rate. */
  private async pace(): Promise<void> {
    const rps = this.options.requestsPerSecond ?? 0;
    if (rps <= 0) return;
    const now = this.now();
    const wait = this.nextSlot - now;
    this.nextSlot = Math.max(now, this.nextSlot) + 1000 / rps;
    if (wait > 0) await this.sleep(wait);
  }

  private async send(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
    return this.fetch(url, { headers: { accept: 'application/json', ...headers }, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  }

  private async json(res: Response, url: string): Promise<unknown> {
    const text = await res.text();
    try {
      return text === '' ? null : (JSON.parse(text) as unknown);
    } catch (err) {
      throw new SorConnectorError('unknown', `GET ${redact(url)}: the answer is not JSON`, { cause: err });
    }
  }

  private async authHeaders(): Promise<Record<string, string>> {
    const auth = this.options.auth;
    switch (auth.type) {
      case 'none':
        return {};
      case 'api_key':
        return { [auth.header]: `${auth.prefix ?? ''}${auth.key}` };
      case 'bearer':
        return { authorization: `Bearer ${auth.token}` };
      case 'oauth2':
        return { authorization: `Bearer ${await this.oauthToken(auth)}` };
    }
  }

  /** An OAuth2 client-credentials token, reused until a minute before it expires. */
  private async oauthToken(auth: Extract<SorAuth, { type: 'oauth2' }>): Promise<string> {
    if (this.token && this.token.expiresAt > this.now()) return this.token.value;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: auth.clientId, client_secret: auth.clientSecret });
    if (auth.scope) form.set('scope', auth.scope);
    let res: Response;
    try {
      res = await this.fetch(auth.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (err) {
      throw new SorConnectorError('temporary', `OAuth2 token request to ${auth.tokenUrl} failed: ${(err as Error).message}`, { cause: err });
    }
    if (!res.ok) {
      const code = res.status === 400 || res.status === 401 || res.status === 403 ? 'auth' : codeForStatus(res.status);
      throw new SorConnectorError(code, `OAuth2 token request to ${auth.tokenUrl}: HTTP ${res.status}${(await errorDetail(res)) ? ` (${await errorDetail(res)})` : ''}`);
    }
    const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new SorConnectorError('auth', `OAuth2 token response from ${auth.tokenUrl} has no access_token`);
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600);
    this.token = { value: body.access_token, expiresAt: this.now() + Math.max(0, (Number.isFinite(seconds) ? seconds : 3600) - 60) * 1000 };
    return this.token.value;
  }
}

/** The error text of a failed answer, short: `error.message`, `error_description`, `message`, or the start of the body. */
async function errorDetail(res: Response): Promise<string> {
  let text: string;
  try {
    text = await res.clone().text();
  } catch {
    return ''; // the body was already read or the connection dropped: the status says enough
  }
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const error = body['error'];
    const message =
      (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string' && (error as { message: string }).message) ||
      (typeof body['error_description'] === 'string' && body['error_description']) ||
      (typeof body['message'] === 'string' && body['message']) ||
      (typeof error === 'string' && error);
    if (message) return message.slice(0, 200);
  } catch {
    // not JSON: fall back to the text
  }
  return text.trim().slice(0, 200);
}

/** A URL without credentials in its query (api_key=…, token=…). */
export function redact(url: string): string {
  return url.replace(/([?&](?:api[_-]?key|key|token|access_token|client_secret|signature)=)[^&]*/gi, '$1***');
}
