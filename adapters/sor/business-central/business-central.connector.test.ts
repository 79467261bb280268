// The Business Central connector against nock fixtures shaped like the API v2.0 reference
// (learn.microsoft.com/dynamics365/business-central/dev-itpro/api-reference/v2.0: customer,
// salesInvoice, customerPayment and salesCreditMemo GET examples; OData paging with
// @odata.nextLink and Prefer: odata.maxpagesize; errors as { error: { code, message } }),
// plus a full sync through the engine into the embedded store.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SorConnectorError } from '../../../core/sor/sor-connector.js';
import { businessCentralApi, BC_COMPANY_URL, BC_TOKEN_URL, guid } from '../../../test/fixtures/business-central-api.js';
import { syncFor, tempStorage } from '../../../test/fixtures/sor-sync.js';
import { SorHttp } from '../rest/sor-http.js';
import { BusinessCentralConnector } from './business-central.connector.js';
import { invoiceToWire } from './business-central.mapping.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const connector = () =>
  new BusinessCentralConnector(new SorHttp({ auth: { type: 'oauth2', tokenUrl: BC_TOKEN_URL, clientId: 'app', clientSecret: 's3cret' }, maxRetries: 0 }), {
    companyUrl: BC_COMPANY_URL,
    defaults: { currency: 'USD', paymentMethod: 'wire' },
  });

describe('Business Central connector', () => {
  it('maps the documented salesInvoice example', () => {
    // The GET salesInvoices response example from the API v2.0 reference (trimmed to the fields used).
    const example = {
      id: '9e0f5c9c-44e3-ea11-bb43-000d3a2feca1', number: 'PS-INV103001', externalDocumentNumber: '', invoiceDate: '2019-01-15', postingDate: '2019-01-15', dueDate: '2019-01-15',
      customerPurchaseOrderReference: '', customerId: 'f3a5738a-44e3-ea11-bb43-000d3a2feca1', customerNumber: '20000', currencyCode: 'USD', remainingAmount: 0,
      totalAmountExcludingTax: 164.7, totalTaxAmount: 8.24, totalAmountIncludingTax: 172.94, status: 'Paid', lastModifiedDateTime: '2020-08-21T00:25:58.337Z', email: 'helen.ray@contoso.com',
    };
    expect(invoiceToWire(example, { currency: 'USD', paymentMethod: 'wire' }, BC_COMPANY_URL)).toEqual({
      id: '9e0f5c9c-44e3-ea11-bb43-000d3a2feca1', number: 'PS-INV103001', customerId: 'f3a5738a-44e3-ea11-bb43-000d3a2feca1', poNumber: null, issueDate: '2019-01-15', dueDate: '2019-01-15',
      currency: 'USD', amount: 172.94, balance: 0, status: 'paid', contactEmails: ['helen.ray@contoso.com'],
      pdfUrl: `${BC_COMPANY_URL}/salesInvoices(9e0f5c9c-44e3-ea11-bb43-000d3a2feca1)/pdfDocument/pdfDocumentContent`, modifiedAt: '2020-08-21T00:25:58.337Z',
    });
  });

  it('follows @odata.nextLink and filters by lastModifiedDateTime and customerId', async () => {
    businessCentralApi();
    const pages = [];
    for await (const p of connector().read('invoices', { pageSize: 2, modifiedSince: new Date('2026-11-02T10:00:00Z'), customerId: guid('C2') })) pages.push(p);
    expect(pages.map((p) => p.records.map((r) => (r as { number: string }).number))).toEqual([['INV-3', 'INV-4']]);
  });

  it('a rejected token is an auth error with the API message', async () => {
    nock('https://login.microsoftonline.com').post(/token/).reply(200, { token_type: 'Bearer', expires_in: 3599, access_token: 'wrong' });
    nock('https://login.microsoftonline.com').post(/token/).reply(200, { token_type: 'Bearer', expires_in: 3599, access_token: 'wrong' });
    businessCentralApi();
    const err = await (async () => {
      for await (const _ of connector().read('customers', { pageSize: 10 })) void _;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SorConnectorError);
    expect((err as SorConnectorError).code).toBe('auth');
    expect((err as SorConnectorError).message).toContain('The server has rejected the client credentials.');
  });

  it('a full sync from Business Central stores every entity', { timeout: 60_000 }, async () => {
    businessCentralApi();
    const s = await tempStorage();
    try {
      const outcome = await syncFor(s, connector()).run({ mode: 'full', trigger: 'cli' });
      if (outcome.kind !== 'done') throw new Error('busy');
      expect(outcome.run).toMatchObject({ status: 'succeeded', invalidTotal: 0 });
      expect(outcome.run.counts.invoices.inserted).toBe(5);
      const inv = await s.repos.invoices.findByNumber('INV-2');
      expect(inv).toMatchObject({ status: 'partially_paid', balance: 150, customerSorId: guid('C1') });
      expect(inv?.pdfUrl).toMatch(/pdfDocument\/pdfDocumentContent$/);
      expect((await s.repos.customers.findBySorId(guid('C3')))?.status).toBe('archived');
      expect(await s.repos.payments.findByInvoiceNumber('INV-3')).toHaveLength(1);
    } finally {
      await s.dispose();
    }
  });
});
