// The configuration of the generic REST connector, read from the "rest" part of the mapping
// file (ARBOT_SOR_MAPPING): endpoints per entity, pagination style, field mapping, and the
// query parameters for modified-since and per-customer reads. Secrets (API key, OAuth2 client
// secret) come from the typed configuration, never from this file.
import { z } from 'zod';
import { fieldSpecSchema } from './field-mapping.js';

const pagination = z.discriminatedUnion('style', [
  /** ?page=1&per_page=100 until a page comes back short (or empty). */
  z.strictObject({ style: z.literal('page'), pageParam: z.string().default('page'), sizeParam: z.string().default('per_page'), firstPage: z.number().int().default(1) }),
  /** ?offset=0&limit=100 until a page comes back short. */
  z.strictObject({ style: z.literal('offset'), offsetParam: z.string().default('offset'), limitParam: z.string().default('limit') }),
  /** ?cursor=… taken from the body (cursorPath) until it is empty. */
  z.strictObject({ style: z.literal('cursor'), cursorParam: z.string().default('cursor'), cursorPath: z.string().default('next_cursor'), sizeParam: z.string().optional() }),
  /** RFC 8288 Link: <…>; rel="next" header, or a next URL in the body (nextPath, e.g. "@odata.nextLink"). */
  z.strictObject({ style: z.literal('link'), sizeParam: z.string().optional(), nextPath: z.string().optional() }),
]);

const entity = z.strictObject({
  path: z.string().min(1),
  /** Where the items are in the answer ("data", "results"); absent: the answer is the array. */
  itemsPath: z.string().optional(),
  /** Query parameter for "modified at or after" and how to write the instant. */
  modifiedSinceParam: z.string().optional(),
  modifiedSinceFormat: z.enum(['iso', 'date', 'epoch_seconds', 'epoch_ms']).default('iso'),
  /** Query parameter filtering by customer id, for per-customer re-syncs. */
  customerParam: z.string().optional(),
  /** Fixed query parameters. */
  query: z.record(z.string(), z.string()).default({}),
  /** Wire field → where it is in an item. */
  fields: z.record(z.string(), fieldSpecSchema),
});

export const restConfigSchema = z.strictObject({
  /** Overrides ARBOT_SOR_BASE_URL. */
  baseUrl: z.url().optional(),
  pageSize: z.number().int().min(1).max(10_000).optional(),
  pagination,
  /** Header carrying the API key (when ARBOT_SOR_API_KEY is set), and an optional prefix such as "Token ". */
  apiKeyHeader: z.string().default('x-api-key'),
  apiKeyPrefix: z.string().optional(),
  headers: z.record(z.string(), z.string()).default({}),
  entities: z.strictObject({
    customers: entity,
    contacts: entity.optional(),
    invoices: entity,
    payments: entity.optional(),
    creditMemos: entity.optional(),
  }),
});

export type RestConfig = z.infer<typeof restConfigSchema>;
export type RestEntityConfig = z.infer<typeof entity>;
export type RestPagination = z.infer<typeof pagination>;
