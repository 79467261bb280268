// Address headers flattened to mailboxes: groups dissolved, addresses lower-cased.
import type { AddressObject, EmailAddress } from 'mailparser';
import type { MailAddress } from '../parsed-email.js';

/** The mailboxes of one or more parsed address headers; entries without an address are dropped. */
export function toMailAddresses(header: AddressObject | AddressObject[] | undefined): MailAddress[] {
  if (header === undefined) return [];
  const objects = Array.isArray(header) ? header : [header];
  return objects.flatMap((o) => flatten(o.value)).flatMap(toMailAddress);
}

function flatten(entries: readonly EmailAddress[]): EmailAddress[] {
  return entries.flatMap((e) => (e.group ? flatten(e.group) : [e]));
}

function toMailAddress(entry: EmailAddress): MailAddress[] {
  const address = (entry.address ?? '').trim().toLowerCase();
  if (address === '') return [];
  const name = entry.name.trim();
  return [name === '' ? { address } : { address, name }];
}
