// `arbot doctor`'s checks: each looks at one part of the configuration or one connection and
// says, in one line per finding, what works (✓), what is broken and how to fix it (✗), or what
// was not checked and why (–). Checks get their I/O (fetch, storage, clock) through the context.
import type { Db } from 'mongodb';
import type { ArbotConfig } from '../config/schema.js';

export type CheckStatus = 'ok' | 'fail' | 'skip';

/** One finding, printed as one line. */
export interface CheckResult {
  name: string;
  status: CheckStatus;
  detail: string;
  /** What to do about a failure. */
  fix?: string;
}

export interface DoctorContext {
  config: ArbotConfig;
  /** Relative paths in the configuration are resolved against it. */
  cwd: string;
  fetch: typeof fetch;
  /** Longest wait for one outside call, in ms. */
  timeoutMs: number;
  /** No calls leave this machine (loopback and local files only). */
  offline: boolean;
  /** The database once the storage check reached it; SoR data is read from it. */
  db?: Db;
}

/** A check: one or more findings. A check may set `ctx.db` for the checks after it. */
export type Check = (ctx: DoctorContext) => Promise<CheckResult[]>;

export const ok = (name: string, detail: string): CheckResult => ({ name, status: 'ok', detail });
export const fail = (name: string, detail: string, fix: string): CheckResult => ({ name, status: 'fail', detail, fix });
export const skip = (name: string, detail: string): CheckResult => ({ name, status: 'skip', detail });

const MARK: Record<CheckStatus, string> = { ok: '✓', fail: '✗', skip: '–' };

/** `✗ Slack: … — fix: …`, one line whatever the detail held. */
export function formatResult(r: CheckResult): string {
  const line = `${MARK[r.status]} ${r.name}: ${r.detail}${r.fix ? ` — fix: ${r.fix}` : ''}`;
  return line.replace(/\s*\n\s*/g, ' ');
}

/** Runs every check in order; a check that throws is a failure named after it, not a crash. */
export async function runChecks(checks: ReadonlyArray<{ name: string; run: Check }>, ctx: DoctorContext, onResult: (r: CheckResult) => void = () => undefined): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    let found: CheckResult[];
    try {
      found = await check.run(ctx);
    } catch (err) {
      found = [fail(check.name, `the check itself failed: ${errorText(err)}`, 'report this line')];
    }
    for (const r of found) onResult(r);
    results.push(...found);
  }
  return results;
}

/** The message of an error, with the cause's code when it has one (ECONNREFUSED, ENOTFOUND …). */
export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  const code = cause && typeof cause.code === 'string' ? ` (${cause.code})` : '';
  return `${err.message}${code}`;
}

/** fetch with the doctor's timeout; the JSON body or a thrown error naming what failed. */
export async function fetchJson(ctx: DoctorContext, url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  const res = await ctx.fetch(url, { ...init, signal: AbortSignal.timeout(ctx.timeoutMs) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON (an HTML error page, a proxy's answer): the caller reports the status with the text.
  }
  return { status: res.status, body };
}

/** Whether a host is this machine (calls to it are allowed offline). */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/** Why an outside call failed, in words: a timeout, a refused connection, a name that does not resolve … */
export function networkError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return `no answer within ${timeoutMs / 1000} s`;
  return errorText(err);
}
