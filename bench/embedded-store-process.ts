// The embedded store alone in its own process, for benchmarks that want to measure the client
// side's memory apart from the store's: prints `{"uri": …}` on one line, stops on SIGTERM.
// Usage: node bin/run-ts.js bench/embedded-store-process.ts <dataDir>
import { startEmbeddedServer } from '../storage/embedded/index.js';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: embedded-store-process.ts <dataDir>');
  process.exit(2);
}
// No compaction during the run: compacting serializes the whole data set in one synchronous
// step (seconds per GiB), long enough at a million invoices for a client in another process to
// time out waiting (see README, limits of the embedded store).
const server = await startEmbeddedServer({ dataDir, port: 0, journalCompactBytes: Number.MAX_SAFE_INTEGER });
console.log(JSON.stringify({ uri: server.uri }));
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
