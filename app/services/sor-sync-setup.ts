// Builds the sync engine from configuration, for the scheduled job, the CLI and the chat
// "Re-sync" action: the configured connector, the settings, this process as lock owner.
import type { Logger } from 'pino';
import { connectorFor, type SorSettings } from '../../adapters/sor/registry.js';
import type { SorConnector } from '../../core/sor/sor-connector.js';
import type { Repositories } from '../../storage/repositories/index.js';
import type { ArbotConfig } from '../config/schema.js';
import { SorSync, type SorSyncDeps, type SyncOutcome } from './sor-sync.js';
import { currentOwner, isLocalOwnerDead } from './sor-sync-lock.js';
import { SearchIndexer, withSearchIndexing, type IndexerRepos } from '../../bot/search/search-indexer.js';

/** The engine's settings from the configuration. */
export function syncSettingsOf(config: ArbotConfig): NonNullable<SorSyncDeps['settings']> {
  return { batchSize: config.sor.batchSize, fullEveryMs: config.sor.fullSyncHours * 3600_000 };
}

export interface SyncSetupInput {
  config: ArbotConfig;
  repos: SorSyncDeps['repos'];
  logger: Logger;
  cwd: string;
  now?: () => Date;
  fetch?: typeof fetch;
  onProgress?: SorSyncDeps['onProgress'];
  /** Use this connector instead of the configured one (`arbot import`). */
  connector?: SorConnector;
}

/** The engine over the configured (or given) connector; undefined when ARBOT_SOR_CONNECTOR is none. */
export async function sorSyncFor(input: SyncSetupInput): Promise<SorSync | undefined> {
  const connector = input.connector ?? (await connectorFor({ settings: input.config.sor as SorSettings, cwd: input.cwd, ...(input.fetch && { fetch: input.fetch }) }));
  if (connector === undefined) return undefined;
  const now = input.now ?? (() => new Date());
  // Synced customers, contacts and invoices are added to the search index as they are written,
  // so a lookup finds them at once (with full repositories; a partial set syncs unindexed).
  const repos = hasSearchIndex(input.repos) ? withSearchIndexing(input.repos, new SearchIndexer(input.repos, now, input.logger), input.logger) : input.repos;
  return new SorSync({
    repos,
    connector,
    logger: input.logger,
    now,
    owner: currentOwner(input.config.jobs.workerName),
    isOwnerDead: isLocalOwnerDead,
    settings: syncSettingsOf(input.config),
    ...(input.onProgress && { onProgress: input.onProgress }),
  });
}

/** Re-syncs one customer now (the chat "Re-sync" action): `busy` while another sync runs. */
export async function resyncCustomer(input: SyncSetupInput & { repos: Repositories }, customerSorId: string): Promise<SyncOutcome | { kind: 'off' }> {
  const sync = await sorSyncFor(input);
  if (sync === undefined) return { kind: 'off' };
  return sync.run({ mode: 'full', customerSorId, trigger: 'chat' });
}

function hasSearchIndex<R extends SorSyncDeps['repos']>(repos: R): repos is R & IndexerRepos {
  return 'searchIndex' in repos && (repos as Partial<IndexerRepos>).searchIndex !== undefined;
}
