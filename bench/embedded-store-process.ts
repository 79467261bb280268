// The embedded store alone in its own process, for benchmarks that want to measure the client
// side's memory apart from the store's: prints `{"uri": …}` on one line, stops on SIGTERM.
// Usage: node bin/run-ts.js bench/embedded-store-process.ts <dataDir>
import { startEmbeddedServer } from '../storage/embedded/index.js';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: embedded-store-process.ts <dataDir>');
  process.exit(2);
}
const server = await startEmbeddedServer({ dataDir, port: 0, journalCompactBytes: 1 << 30 });
console.log(JSON.stringify({ uri: server.uri }));
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
