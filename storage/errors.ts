/** Error codes a caller may branch on; anything else is `STORAGE`. */
export type StorageErrorCode = 'STORAGE' | 'CONNECT' | 'DUPLICATE_KEY' | 'CONFLICT';

/** A storage failure with a one-line message that is safe to log (no credentials, no stack in the text). */
export class StorageError extends Error {
  readonly code: StorageErrorCode;

  constructor(message: string, options: { code?: StorageErrorCode; cause?: unknown } = {}) {
    super(oneLine(message), { cause: options.cause });
    this.name = 'StorageError';
    this.code = options.code ?? 'STORAGE';
  }
}

/**
 * True for the server's duplicate-key error (code 11000), a bulk write whose every failure is one,
 * or a StorageError already mapped to DUPLICATE_KEY.
 */
export function isDuplicateKeyError(e: unknown): boolean {
  if (e instanceof StorageError) return e.code === 'DUPLICATE_KEY';
  if (!isObject(e)) return false;
  if (e['code'] === 11000) return true;
  const failures = writeErrors(e);
  return failures.length > 0 && failures.every((w) => w.code === 11000);
}

/** The per-operation failures of a bulk-write error (empty for any other error). */
export function writeErrors(e: unknown): { code: number | undefined; message: string }[] {
  const list = isObject(e) ? e['writeErrors'] : undefined;
  if (!Array.isArray(list)) return [];
  return list.map((w: unknown) => ({
    code: errorCode(w),
    message: isObject(w) && typeof w['errmsg'] === 'string' ? oneLine(w['errmsg']) : '',
  }));
}

/** The numeric server error code of a driver error, if it has one. */
export function errorCode(e: unknown): number | undefined {
  return isObject(e) && typeof e['code'] === 'number' ? e['code'] : undefined;
}

/** First line of an error's message, for one-line logs and wrapped errors. */
export function errorMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return oneLine(text);
}

function oneLine(text: string): string {
  return (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').trim();
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
