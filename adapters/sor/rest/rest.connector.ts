// The generic REST connector: any AR API with JSON lists (a GETPAID-like API among them),
// connected by configuration alone. Pages follow the configured style; the checkpoint is the
// next request (page number, offset, cursor or URL), so a resumed sync asks for exactly the
// page after the last one stored.
import { SorConnectorError, type SorConnector, type SorEntity, type SorPage, type SorReadOptions } from '../../../core/sor/sor-connector.js';
import { mapFields, valueAt } from './field-mapping.js';
import { restConfigSchema, type RestConfig, type RestEntityConfig } from './rest-config.js';
import type { SorHttp } from './sor-http.js';

/** Parses the "rest" part of a mapping file; a readable error names every problem. */
export function parseRestConfig(raw: unknown): RestConfig {
  const parsed = restConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new SorConnectorError('invalid_config', `REST mapping: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The rel="next" target of an RFC 8288 Link header. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (m && /(?:^|;)\s*rel\s*=\s*"?(?:[^";]*\s)?next(?:\s[^";]*)?"?\s*(?:;|$)/i.test(m[2] ?? '')) return m[1];
  }
  return undefined;
}

function formatInstant(at: Date, format: RestEntityConfig['modifiedSinceFormat']): string {
  if (format === 'date') return at.toISOString().slice(0, 10);
  if (format === 'epoch_seconds') return String(Math.floor(at.getTime() / 1000));
  if (format === 'epoch_ms') return String(at.getTime());
  return at.toISOString();
}

const END = '__end__';

export class RestConnector implements SorConnector {
  readonly kind = 'rest';
  readonly sourceId: string;
  readonly capabilities: SorConnector['capabilities'];

  constructor(
    private readonly config: RestConfig,
    private readonly http: SorHttp,
    private readonly baseUrl: string,
  ) {
    this.sourceId = `rest:${baseUrl}`;
    const all = Object.values(config.entities).filter((e) => e !== undefined);
    this.capabilities = {
      modifiedSince: all.every((e) => e.modifiedSinceParam !== undefined),
      deletions: all.some((e) => 'deleted' in e.fields),
      customerFilter: all.every((e) => e.customerParam !== undefined),
    };
  }

  async *read(entity: SorEntity, options: SorReadOptions): AsyncGenerator<SorPage> {
    const spec = this.config.entities[entity];
    if (spec === undefined) return;
    const pageSize = this.config.pageSize ?? options.pageSize;
    const p = this.config.pagination;
    const first = new URL(spec.path.replace(/^\//, ''), this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    for (const [k, v] of Object.entries(spec.query)) first.searchParams.set(k, v);
    if (options.modifiedSince !== undefined && spec.modifiedSinceParam) first.searchParams.set(spec.modifiedSinceParam, formatInstant(options.modifiedSince, spec.modifiedSinceFormat));
    if (options.customerId !== undefined && spec.customerParam) first.searchParams.set(spec.customerParam, options.customerId);

    // The request state: what the checkpoint stores.
    let position: string | number | undefined = options.resumeFrom === undefined ? undefined : (JSON.parse(options.resumeFrom) as { next: string | number }).next;
    // A run killed after storing the last page resumes past the end.
    if (position === END) return;
    for (;;) {
      const url = new URL(first);
      if (p.style === 'page') {
        url.searchParams.set(p.pageParam, String(position ?? p.firstPage));
        url.searchParams.set(p.sizeParam, String(pageSize));
      } else if (p.style === 'offset') {
        url.searchParams.set(p.offsetParam, String(position ?? 0));
        url.searchParams.set(p.limitParam, String(pageSize));
      } else if (p.style === 'cursor') {
        if (position !== undefined) url.searchParams.set(p.cursorParam, String(position));
        if (p.sizeParam) url.searchParams.set(p.sizeParam, String(pageSize));
      } else if (p.sizeParam && position === undefined) url.searchParams.set(p.sizeParam, String(pageSize));
      const target = p.style === 'link' && typeof position === 'string' ? position : url.toString();
      const res = await this.http.getJson(target, this.config.headers, options.signal);
      const items = spec.itemsPath === undefined ? res.body : valueAt(res.body, spec.itemsPath);
      if (!Array.isArray(items)) {
        throw new SorConnectorError('unknown', `GET ${spec.path}: expected a list at ${spec.itemsPath ?? 'the top level'} of the answer`);
      }
      const records = items.map((item) => mapFields(item, spec.fields));
      let next: string | number | undefined;
      if (p.style === 'page') next = items.length < pageSize || items.length === 0 ? undefined : Number(position ?? p.firstPage) + 1;
      else if (p.style === 'offset') next = items.length < pageSize || items.length === 0 ? undefined : Number(position ?? 0) + items.length;
      else if (p.style === 'cursor') {
        const c = valueAt(res.body, p.cursorPath);
        next = typeof c === 'string' && c !== '' ? c : typeof c === 'number' ? c : undefined;
      } else {
        const n = p.nextPath === undefined ? nextLink(res.headers.get('link')) : valueAt(res.body, p.nextPath);
        next = typeof n === 'string' && n !== '' ? new URL(n, target).toString() : undefined;
      }
      yield { records, checkpoint: JSON.stringify({ next: next ?? END }) };
      if (next === undefined) return;
      position = next;
    }
  }
}
