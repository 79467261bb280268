// Machine senders: delivery systems, postmasters and no-reply mailboxes.
import type { MailAddress } from '../parsed-email.js';
import { localPartOf } from './domains.js';

const SYSTEM_LOCAL_PART =
  /^(?:mailer-daemon|postmaster|mail-daemon|maildaemon|no[-_.]?reply(?:[-_.+].*)?|do[-_.]?not[-_.]?reply(?:[-_.+].*)?|dont[-_.]?reply|bounces?(?:[-_.+].*)?|auto[-_.]?(?:reply|responder|confirm)|microsoftexchange[0-9a-f]{8,}|mdaemon|nepasrepondre|ne[-_.]?pas[-_.]?repondre|no[-_.]?responder|noresponder|nao[-_.]?responder|non[-_.]?rispondere|keine[-_.]?antwort|niet[-_.]?beantwoorden|geen[-_.]?antwoord)$/i;
const SYSTEM_NAME = /^(?:mail delivery (?:system|subsystem)|mail administrator|mailer[- ]daemon|postmaster|microsoft outlook|internet mail delivery)$/i;

/** Why the address is a machine sender, or undefined when it is not. */
export function systemSenderReason(from: MailAddress | undefined): string | undefined {
  if (!from) return undefined;
  const local = localPartOf(from.address);
  if (SYSTEM_LOCAL_PART.test(local)) return `${from.address} is a machine mailbox (${local})`;
  const name = from.name?.trim() ?? '';
  if (SYSTEM_NAME.test(name)) return `the sender's display name "${name}" is a mail delivery system`;
  return undefined;
}
