// File-system failures of the folder source, mapped to MailSourceError codes.
import { MailSourceError, type MailSourceErrorCode } from '../../../core/mail/mail-source.js';

const CODES: Record<string, MailSourceErrorCode> = {
  ENOENT: 'not_found',
  ENOTDIR: 'not_found',
  EACCES: 'auth',
  EPERM: 'auth',
  EMFILE: 'temporary',
  ENFILE: 'temporary',
  EBUSY: 'temporary',
  EAGAIN: 'temporary',
  EIO: 'temporary',
  ETIMEDOUT: 'temporary',
};

/** The MailSourceError for a failure while reading `dir`. */
export function folderSourceError(err: unknown, dir: string): MailSourceError {
  if (err instanceof MailSourceError) return err;
  const errno = err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
  const code: MailSourceErrorCode = (errno === undefined ? undefined : CODES[errno]) ?? 'unknown';
  const what = code === 'not_found' ? 'the mail folder does not exist' : code === 'auth' ? 'no permission to read the mail folder' : 'could not read the mail folder';
  return new MailSourceError(code, `${what}: ${dir}${errno ? ` (${errno})` : ''}`, { cause: err });
}

export function isErrno(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code;
}
