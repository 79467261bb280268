// Reading the Retry-After header of a throttled response (RFC 9110 §10.2.3), whatever shape
// the client library hands the headers over in.

/** Retry-After as seconds: a number of seconds or an HTTP date (RFC 9110); undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | undefined, now: Date = new Date()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** A header from a Headers object or a plain record, case-insensitively. */
export function headerValue(headers: unknown, name: string): string | undefined {
  if (headers === null || headers === undefined) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  if (typeof headers === 'object') {
    const found = Object.entries(headers as Record<string, unknown>).find(([k]) => k.toLowerCase() === name);
    return typeof found?.[1] === 'string' ? found[1] : undefined;
  }
  return undefined;
}
