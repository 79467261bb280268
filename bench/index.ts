// `npm run bench`: every benchmark, one after another, each in its own process so that
// peak RSS is measured per benchmark.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const benches = ['storage.bench.ts', 'pipeline.bench.ts'];
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const res = spawnSync(process.execPath, [join(import.meta.dirname, '../bin/run-ts.js'), join(import.meta.dirname, file), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
