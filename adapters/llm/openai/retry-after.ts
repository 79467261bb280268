/** Headers as the OpenAI client exposes them on an APIError. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * How long the service asked us to wait, in milliseconds: `retry-after-ms` (OpenAI, Azure) first,
 * then `retry-after` as seconds or an HTTP date. Undefined when absent or unreadable.
 */
export function retryAfterMs(headers: HeaderReader | undefined, now: Date): number | undefined {
  const millis = parseNumber(headers?.get('retry-after-ms'));
  if (millis !== undefined) return Math.ceil(millis);
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  const seconds = parseNumber(value);
  if (seconds !== undefined) return Math.ceil(seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function parseNumber(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}
