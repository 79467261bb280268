// The SorConnector port: how the sync engine reads a system of record. A connector streams
// each entity as pages (async iterables of batches), optionally only what changed since a
// cursor, and reports deletions. Records come back in the canonical wire shape (SorWire*,
// see sor-records.ts) but unvalidated: the engine validates every record and reports the
// malformed ones, so a connector only maps fields and never drops or fixes data itself.

/** The entities a system of record provides, in the order the engine syncs them. */
export const SOR_ENTITIES = ['customers', 'contacts', 'invoices', 'payments', 'creditMemos'] as const;
export type SorEntity = (typeof SOR_ENTITIES)[number];

/** One page of records of one entity. */
export interface SorPage {
  /** Records in the canonical wire shape, not yet validated (`unknown`: the SoR may send anything). */
  records: unknown[];
  /**
   * Keys of records the SoR deleted (tombstones): SoR ids, or `customerId|email` for contacts.
   * A record with `deleted: true` is read as a tombstone as well.
   */
  deleted?: string[];
  /**
   * Opaque position after this page: passing it back as `resumeFrom` yields the pages that
   * follow. The engine stores it once the page is written, so a killed sync resumes here.
   */
  checkpoint?: string;
}

export interface SorReadOptions {
  /** Only records modified at or after this instant (an incremental sync); absent: everything. */
  modifiedSince?: Date;
  /** Continue after the page whose checkpoint this is. */
  resumeFrom?: string;
  /** Only this customer's records (a per-customer re-sync); for customers, only that customer. */
  customerId?: string;
  /** Records per page the engine would like (a hint). */
  pageSize: number;
  signal?: AbortSignal;
}

/** What a connector can do; the engine adapts (e.g. filters by customer itself) when it cannot. */
export interface SorCapabilities {
  /** Honours `modifiedSince` (else every incremental sync reads everything). */
  modifiedSince: boolean;
  /** Reports deleted records (else deletions are found by a full sync's sweep only). */
  deletions: boolean;
  /** Honours `customerId` natively (else the engine filters the full stream). */
  customerFilter: boolean;
}

export interface SorConnector {
  /** Kind of system, as configured: "file", "csv", "rest", "business-central" … */
  readonly kind: string;
  /** Stable identity of this source (kind plus location), so cursors never mix two sources. */
  readonly sourceId: string;
  readonly capabilities: SorCapabilities;
  /** Streams one entity, page by page. Fails with a SorConnectorError. */
  read(entity: SorEntity, options: SorReadOptions): AsyncIterable<SorPage>;
  close?(): Promise<void>;
}

/**
 * The few failure kinds the engine acts on: temporary (retry later, keep the run resumable),
 * auth (stop, tell a person), cursor_expired (restart the entity without its checkpoint),
 * not_found, invalid_config, unknown.
 */
export type SorErrorCode = 'temporary' | 'auth' | 'cursor_expired' | 'not_found' | 'invalid_config' | 'unknown';

/** A connector failure normalized at the edge (see STYLE.md habit 4). */
export class SorConnectorError extends Error {
  constructor(
    readonly code: SorErrorCode,
    message: string,
    options: { cause?: unknown; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'SorConnectorError';
    this.retryAfterMs = options.retryAfterMs;
  }
  readonly retryAfterMs: number | undefined;
}

/** The key a contact is deleted by in `SorPage.deleted`. */
export function contactKey(customerId: string, email: string): string {
  return `${customerId}|${email.trim().toLowerCase()}`;
}
