// The embedded MongoDB-compatible store (see README "Embedded store" for its limits).
export { startEmbeddedServer, type EmbeddedServer, type EmbeddedServerOptions } from './server.js';
export { EmbeddedLockedError } from './lock.js';
export type { RecoveryReport } from './durability/journal.js';
