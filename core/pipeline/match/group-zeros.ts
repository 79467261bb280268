// A reference whose digit groups lost their leading zeros ("2026-1609" for "2026-001609",
// "F 26 42" for "F-26-0042"). The exact key cannot find it (the zeros sit inside the number),
// so the SoR is searched by the last group (its serial key) and the other groups are compared
// without their zeros. A different letter prefix or any other digit means another number.
import { alphanumericKey } from '../invoice-number.js';
import type { SorInvoice, SorLookup } from '../sor.js';

interface GroupedNumber {
  letters: string;
  groups: string[];
}

const GENERIC_LETTERS = /^(?:INV|INVOICE|NO|NR|NUM|RE|REN?R)?$/;

function grouped(s: string): GroupedNumber {
  return {
    letters: alphanumericKey(s).replace(/\d.*$/, ''),
    groups: (s.match(/\d+/g) ?? []).map((g) => g.replace(/^0+(?=\d)/, '')),
  };
}

/** True when `raw` is `number` with leading zeros dropped inside one or more of its digit groups. */
export function sameGroupsWithoutZeros(raw: string, number: string): boolean {
  const a = grouped(raw);
  const b = grouped(number);
  if (a.letters !== b.letters && !GENERIC_LETTERS.test(a.letters)) return false;
  return a.groups.length === b.groups.length && a.groups.every((g, i) => g === b.groups[i]);
}

/** SoR invoices `raw` names with zeros dropped inside its digit groups; [] unless `raw` has at least two groups. */
export async function invoicesWithoutGroupZeros(raw: string, sor: SorLookup): Promise<SorInvoice[]> {
  const { groups } = grouped(raw);
  const serial = groups[groups.length - 1];
  if (groups.length < 2 || serial === undefined) return [];
  const found = await sor.invoicesBySerialKeys([serial]);
  return found.filter((inv) => sameGroupsWithoutZeros(raw, inv.number));
}
