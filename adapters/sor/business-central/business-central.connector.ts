// SorConnector for Microsoft Dynamics 365 Business Central, API v2.0: OData lists under
// {base}/companies({id}), paged by `Prefer: odata.maxpagesize` and `@odata.nextLink`,
// incremental by `$filter=lastModifiedDateTime ge …`, per customer by `customerId eq …`.
// Authentication is OAuth2 client credentials against Microsoft Entra (see sor-http.ts).
// The API reports no deletions, so deletions are found by the full sync's sweep.
import { SorConnectorError, type SorConnector, type SorEntity, type SorPage, type SorReadOptions } from '../../../core/sor/sor-connector.js';
import type { SorHttp } from '../rest/sor-http.js';
import {
  creditMemoToWire,
  customerContactsToWire,
  customerToWire,
  invoiceToWire,
  paymentToWire,
  type BusinessCentralDefaults,
} from './business-central.mapping.js';

type Item = Record<string, unknown>;

/** The entity set each entity is read from, and how one item becomes wire records. */
const SETS: Record<SorEntity, { set: string; draftFilter?: string; toWire(item: Item, d: BusinessCentralDefaults, companyUrl: string): Item[] }> = {
  customers: { set: 'customers', toWire: (c, d) => [customerToWire(c, d)] },
  contacts: { set: 'customers', toWire: (c) => customerContactsToWire(c) },
  // Drafts and invoices in review are not receivables yet.
  invoices: { set: 'salesInvoices', draftFilter: "status ne 'Draft' and status ne 'In Review'", toWire: (i, d, url) => [invoiceToWire(i, d, url)] },
  payments: { set: 'customerPayments', toWire: (p, d) => [paymentToWire(p, d)] },
  creditMemos: { set: 'salesCreditMemos', draftFilter: "status ne 'Draft' and status ne 'In Review'", toWire: (m, d) => [creditMemoToWire(m, d)] },
};

export interface BusinessCentralOptions {
  /** https://api.businesscentral.dynamics.com/v2.0/{tenant}/{environment}/api/v2.0/companies({companyId}) */
  companyUrl: string;
  defaults: BusinessCentralDefaults;
}

/** An OData instant literal: DateTimeOffset values are written bare (no quotes) in $filter. */
const odataInstant = (at: Date): string => at.toISOString();
const GUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

export class BusinessCentralConnector implements SorConnector {
  readonly kind = 'business-central';
  readonly sourceId: string;
  readonly capabilities = { modifiedSince: true, deletions: false, customerFilter: true };
  private readonly companyUrl: string;

  constructor(
    private readonly http: SorHttp,
    private readonly options: BusinessCentralOptions,
  ) {
    this.companyUrl = options.companyUrl.replace(/\/+$/, '');
    this.sourceId = `business-central:${this.companyUrl}`;
  }

  async *read(entity: SorEntity, options: SorReadOptions): AsyncGenerator<SorPage> {
    const spec = SETS[entity];
    if (options.customerId !== undefined && !GUID.test(options.customerId)) {
      throw new SorConnectorError('invalid_config', `Business Central customer ids are GUIDs; got ${JSON.stringify(options.customerId)}`);
    }
    let url: string;
    if (options.resumeFrom !== undefined) {
      const next = (JSON.parse(options.resumeFrom) as { next: string | null }).next;
      if (next === null) return;
      url = next;
    } else {
      const filters: string[] = [];
      if (options.modifiedSince !== undefined) filters.push(`lastModifiedDateTime ge ${odataInstant(options.modifiedSince)}`);
      if (options.customerId !== undefined) filters.push(entity === 'customers' || entity === 'contacts' ? `id eq ${options.customerId}` : `customerId eq ${options.customerId}`);
      if (spec.draftFilter) filters.push(spec.draftFilter);
      const u = new URL(`${this.companyUrl}/${spec.set}`);
      if (filters.length > 0) u.searchParams.set('$filter', filters.join(' and '));
      url = u.toString();
    }
    for (;;) {
      const res = await this.http.getJson(url, { prefer: `odata.maxpagesize=${options.pageSize}` }, options.signal);
      const body = res.body as { value?: unknown; '@odata.nextLink'?: unknown } | null;
      if (!body || !Array.isArray(body.value)) throw new SorConnectorError('unknown', `GET ${spec.set}: the answer has no "value" list`);
      const records = (body.value as unknown[]).flatMap((item) =>
        typeof item === 'object' && item !== null ? spec.toWire(item as Item, this.options.defaults, this.companyUrl) : [item],
      );
      const next = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : null;
      yield { records, checkpoint: JSON.stringify({ next }) };
      if (next === null) return;
      url = next;
    }
  }
}
