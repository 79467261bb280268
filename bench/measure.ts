// Small helpers shared by the benchmarks: timing, rates and peak memory.
import { performance } from 'node:perf_hooks';

export interface Rate {
  name: string;
  ops: number;
  ms: number;
  perSecond: number;
}

/** Runs `fn` once and reports operations per second. */
export async function rate(name: string, ops: number, fn: () => Promise<void>): Promise<Rate> {
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  return { name, ops, ms: Math.round(ms), perSecond: Math.round((ops / ms) * 1000) };
}

/** Runs `count` async tasks with at most `concurrency` in flight. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function printTable(title: string, rows: Rate[]): void {
  console.log(`\n${title}`);
  console.log('| operation | ops | ms | ops/s |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.ops} | ${r.ms} | ${r.perSecond} |`);
}
