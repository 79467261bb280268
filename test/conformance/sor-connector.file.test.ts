// The conformance suite against the sor.json (file) and CSV connectors, on files written from SOR_FIXTURE.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvConnector } from '../../adapters/sor/csv/csv.connector.js';
import { SorJsonConnector } from '../../adapters/sor/file/sor-json.connector.js';
import { SOR_FIXTURE, sorConnectorSuite } from './sor-connector.suite.js';

const dir = mkdtempSync(join(tmpdir(), 'arbot-sor-conf-'));

// sor.json nests contacts in their customer.
writeFileSync(
  join(dir, 'sor.json'),
  JSON.stringify({
    asOf: '2026-11-20',
    company: { name: 'N', arMailbox: 'ar@n.example' },
    customers: SOR_FIXTURE.customers.map((c) => ({ ...c, contacts: SOR_FIXTURE.contacts.filter((ct) => ct.customerId === c.id).map(({ customerId: _c, ...ct }) => ct) })),
    invoices: SOR_FIXTURE.invoices,
    payments: SOR_FIXTURE.payments,
    creditMemos: SOR_FIXTURE.creditMemos,
  }),
);

// CSV exports with the ERP's own column names and status words, mapped back by the CSV mapping.
const csvDir = mkdtempSync(join(tmpdir(), 'arbot-sor-csv-'));
const q = (v: unknown) => (v === null || v === undefined ? '' : /[",;\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
writeFileSync(join(csvDir, 'CUSTOMERS.csv'), ['Customer No;Account;Name;Currency;Domains;Status;Modified', ...SOR_FIXTURE.customers.map((c) => [c.id, c.accountNumber, c.name, c.currency, c.domains.join('|'), c.status === 'active' ? 'A' : 'X', c.modifiedAt].map(q).join(';'))].join('\r\n'));
writeFileSync(join(csvDir, 'contacts.csv'), ['customerId;name;email;modifiedAt', ...SOR_FIXTURE.contacts.map((c) => [c.customerId, c.name, c.email, c.modifiedAt].map(q).join(';'))].join('\n'));
writeFileSync(
  join(csvDir, 'invoices.csv'),
  ['id;number;customerId;poNumber;issueDate;dueDate;currency;amount;balance;status;contactEmails;modifiedAt', ...SOR_FIXTURE.invoices.map((i) => [i.id, i.number, i.customerId, i.poNumber, i.issueDate, i.dueDate, i.currency, i.amount, i.balance, i.status, i.contactEmails.join('|'), i.modifiedAt].map(q).join(';'))].join('\n'),
);
writeFileSync(
  join(csvDir, 'payments.csv'),
  ['id;customerId;date;amount;currency;method;reference;applications;modifiedAt', ...SOR_FIXTURE.payments.map((p) => [p.id, p.customerId, p.date, p.amount, p.currency, p.method, p.reference, p.applications.map((a) => `${a.invoiceNumber}=${a.amount}`).join('|'), p.modifiedAt].map(q).join(';'))].join('\n'),
);
writeFileSync(join(csvDir, 'credit-memos.csv'), ['id;number;customerId;date;amount;balance;currency;modifiedAt', ...SOR_FIXTURE.creditMemos.map((m) => [m.id, m.number, m.customerId, m.date, m.amount, m.balance, m.currency, m.modifiedAt].map(q).join(';'))].join('\n'));

const csvMapping = {
  delimiter: ';',
  listSeparator: '|',
  applicationSeparator: '=',
  entities: {
    customers: {
      file: 'CUSTOMERS.csv',
      columns: { id: 'Customer No', accountNumber: 'Account', name: 'Name', currency: 'Currency', domains: 'Domains', status: 'Status', modifiedAt: 'Modified' },
      values: { status: { A: 'active', X: 'archived' } },
    },
  },
};

sorConnectorSuite('file (sor.json)', async () => ({ connector: new SorJsonConnector(join(dir, 'sor.json')) }));
sorConnectorSuite('csv', async () => ({ connector: new CsvConnector(csvDir, csvMapping) }));
