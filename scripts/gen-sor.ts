// `npm run gen:sor -- --customers 100000 --invoices 1000000 [--out <dir>] [--changed 0.01]`:
// writes a synthetic SoR as CSV exports (customers.csv, contacts.csv, invoices.csv,
// payments.csv, credit-memos.csv in the default column mapping), streamed, so memory stays
// flat at any size. Deterministic: the same sizes give the same data; with --changed a
// fraction of invoices and payments differ (later due date, new reference) and carry a later
// modifiedAt, which is what an incremental sync picks up.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface GenerateOptions {
  customers: number;
  invoices: number;
  /** Fraction of invoices and payments changed at `changedAt` (0: none). */
  changed?: number;
  changedAt?: Date;
  baseAt?: Date;
}

export interface GenerateCounts {
  customers: number;
  contacts: number;
  invoices: number;
  payments: number;
  creditMemos: number;
  changed: number;
}

const CURRENCIES = ['USD', 'USD', 'USD', 'USD', 'USD', 'EUR', 'EUR', 'GBP', 'CAD', 'USD'];
const METHODS = ['ACH', 'wire', 'check', 'card'];
const DAY = 86_400_000;

/** A deterministic fraction in [0, 1) for record `i` (Knuth multiplicative hash). */
const unit = (i: number, salt: number) => (((i + salt) * 2654435761) % 4294967296) / 4294967296;
const csv = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const money = (n: number) => n.toFixed(2);

async function write(out: WriteStream, line: string): Promise<void> {
  if (!out.write(line)) await new Promise<void>((done) => out.once('drain', () => done()));
}

async function close(out: WriteStream): Promise<void> {
  await new Promise<void>((done, fail) => out.end((err?: Error | null) => (err ? fail(err) : done())));
}

/** Writes the CSV exports into `dir`. */
export async function generateSor(dir: string, options: GenerateOptions): Promise<GenerateCounts> {
  await mkdir(dir, { recursive: true });
  const base = (options.baseAt ?? new Date('2026-11-01T00:00:00Z')).getTime();
  const changedAt = (options.changedAt ?? new Date(base + 10 * DAY)).getTime();
  // Distinct stamps (one millisecond apart), as a real SoR's modification times are.
  const stamp = (at: number, i: number) => new Date(at + i).toISOString();
  const isChanged = (i: number) => (options.changed ?? 0) > 0 && unit(i, 7) < (options.changed ?? 0);
  const counts: GenerateCounts = { customers: 0, contacts: 0, invoices: 0, payments: 0, creditMemos: 0, changed: 0 };
  const open = (name: string, header: string) => {
    const s = createWriteStream(join(dir, name), { encoding: 'utf8' });
    s.write(`${header}\n`);
    return s;
  };

  const customers = open('customers.csv', 'id,accountNumber,name,currency,domains,billingOwner,status,modifiedAt');
  const contacts = open('contacts.csv', 'customerId,name,email,role,modifiedAt');
  for (let i = 0; i < options.customers; i++) {
    const id = `C${100000 + i}`;
    const domain = `c${i}.example`;
    await write(customers, `${id},100-${String(i).padStart(6, '0')},${csv(`Customer ${i}, Ltd`)},${CURRENCIES[i % CURRENCIES.length]},${domain},owner${i % 7}@ar.example,${i % 50 === 49 ? 'archived' : 'active'},${stamp(base, i)}\n`);
    await write(contacts, `${id},Accounts Payable,ap@${domain},AP,${stamp(base, i)}\n`);
    await write(contacts, `${id},Controller ${i},controller@${domain},Controller,${stamp(base, i)}\n`);
    counts.customers++;
    counts.contacts += 2;
  }
  await Promise.all([close(customers), close(contacts)]);

  const invoices = open('invoices.csv', 'id,number,customerId,poNumber,issueDate,dueDate,currency,amount,balance,status,contactEmails,pdfUrl,modifiedAt');
  const payments = open('payments.csv', 'id,customerId,date,amount,currency,method,reference,applications,modifiedAt');
  const memos = open('credit-memos.csv', 'id,number,customerId,date,amount,balance,currency,modifiedAt');
  for (let j = 0; j < options.invoices; j++) {
    const c = j % Math.max(1, options.customers);
    const customerId = `C${100000 + c}`;
    const currency = CURRENCIES[c % CURRENCIES.length] as string;
    const number = `INV-${1000000 + j}`;
    const amount = 100 + Math.round(unit(j, 1) * 5_000_000) / 100;
    const issue = base - (j % 365) * DAY;
    const changed = isChanged(j);
    const due = issue + 30 * DAY + (changed ? 7 * DAY : 0);
    const kind = j % 3; // 0 paid, 1 open, 2 partially paid
    const paid = kind === 0 ? amount : kind === 2 ? Math.round(amount * 40) / 100 : 0;
    const status = kind === 0 ? 'paid' : kind === 1 ? 'open' : 'partially_paid';
    const modifiedAt = changed ? stamp(changedAt, j) : stamp(base, j);
    if (changed) counts.changed++;
    await write(
      invoices,
      `I${j},${number},${customerId},${j % 4 === 0 ? `PO-${j}` : ''},${day(issue)},${day(due)},${currency},${money(amount)},${money(amount - paid)},${status},ap@c${c}.example,https://sor.example/invoices/I${j}.pdf,${modifiedAt}\n`,
    );
    counts.invoices++;
    if (paid > 0) {
      await write(payments, `P${j},${customerId},${day(issue + 20 * DAY)},${money(paid)},${currency},${METHODS[j % 4]},${changed ? `REF-${j}-B` : `REF-${j}`},${number}:${money(paid)},${modifiedAt}\n`);
      counts.payments++;
    }
    if (j % 20 === 0) {
      await write(memos, `M${j},CM-${1000000 + j},${customerId},${day(issue + 5 * DAY)},25.00,25.00,${currency},${stamp(base, j)}\n`);
      counts.creditMemos++;
    }
  }
  await Promise.all([close(invoices), close(payments), close(memos)]);
  return counts;
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const customers = Number(flag(args, '--customers') ?? 1000);
  const invoices = Number(flag(args, '--invoices') ?? 10000);
  const changed = Number(flag(args, '--changed') ?? 0);
  const out = resolve(flag(args, '--out') ?? `sor-${customers}x${invoices}`);
  if (![customers, invoices].every((n) => Number.isInteger(n) && n >= 0) || !(changed >= 0 && changed <= 1)) {
    throw new Error('usage: gen-sor --customers <n> --invoices <n> [--changed <0..1>] [--out <dir>]');
  }
  const started = Date.now();
  const counts = await generateSor(out, { customers, invoices, changed });
  console.log(`wrote ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
  console.log(`load it with: arbot import ${out}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
