// The conformance suite against the generic REST connector (a GETPAID-like AR API served by
// nock: snake_case items under "data", page pagination, an API key header) and against the
// Business Central connector (API v2.0 shapes from learn.microsoft.com: OData "value" lists,
// @odata.nextLink paging, $filter, OAuth2 client credentials).
import nock from 'nock';
import { afterAll, beforeAll } from 'vitest';
import { BusinessCentralConnector } from '../../adapters/sor/business-central/business-central.connector.js';
import { parseRestConfig, RestConnector } from '../../adapters/sor/rest/rest.connector.js';
import { SorHttp } from '../../adapters/sor/rest/sor-http.js';
import { businessCentralApi, BC_COMPANY_URL, BC_TOKEN_URL, guid } from '../fixtures/business-central-api.js';
import { getpaidApi, GETPAID_BASE, GETPAID_MAPPING } from '../fixtures/getpaid-api.js';
import { sorConnectorSuite } from './sor-connector.suite.js';

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

sorConnectorSuite('rest (GETPAID-like API)', async () => {
  nock.cleanAll();
  getpaidApi();
  const http = new SorHttp({ auth: { type: 'api_key', header: 'x-api-key', key: 'k-123' }, maxRetries: 0 });
  return { connector: new RestConnector(parseRestConfig(GETPAID_MAPPING), http, GETPAID_BASE) };
});

sorConnectorSuite('business-central (API v2.0)', async () => {
  nock.cleanAll();
  businessCentralApi();
  const http = new SorHttp({ auth: { type: 'oauth2', tokenUrl: BC_TOKEN_URL, clientId: 'app', clientSecret: 's3cret', scope: 'https://api.businesscentral.dynamics.com/.default' }, maxRetries: 0 });
  // BC keeps one email per customer (contacts differ) and journal-line payments carry no method
  // (the configured default): compared by count and validity only.
  return { connector: new BusinessCentralConnector(http, { companyUrl: BC_COMPANY_URL, defaults: { currency: 'USD', paymentMethod: 'wire' } }), countOnly: ['contacts', 'payments'], idOf: guid };
});
