// The bundled demo company (demo/): a system-of-record snapshot, an inbox of emails written
// for the demo, and what processing that inbox must show (demo/expected.json).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { loadSorJson } from '../../adapters/sor/file/sor-json.js';
import { INTENTS } from '../../core/pipeline/intents.js';
import type { SorSnapshot } from '../../core/pipeline/sor.js';

/** demo/ in the repository. */
export const DEMO_DIR = join(import.meta.dirname, '../../demo');

const counts = z.strictObject({ emails: z.number().int(), autoReplied: z.number().int(), tasks: z.number().int(), noAction: z.number().int() });

const expectedSchema = z.strictObject({
  processed: z.number().int(),
  autoReplied: z.number().int(),
  tasks: z.number().int(),
  noAction: z.number().int(),
  outboxFiles: z.number().int(),
  perIntent: z.record(z.enum(INTENTS), counts),
});

/** What the demo's summary must show (checked by test/e2e/first-run.test.ts). */
export type DemoExpectations = z.infer<typeof expectedSchema>;

export interface DemoCompany {
  sor: SorSnapshot;
  /** File name → raw message, in file-name order. */
  inbox: Array<{ file: string; raw: Uint8Array }>;
}

/** Loads demo/sor.json and demo/inbox/*.eml. */
export async function loadDemoCompany(dir = DEMO_DIR): Promise<DemoCompany> {
  const sor = await loadSorJson(join(dir, 'sor.json'));
  const files = (await readdir(join(dir, 'inbox'))).filter((f) => f.endsWith('.eml')).sort();
  const inbox = await Promise.all(files.map(async (file) => ({ file, raw: new Uint8Array(await readFile(join(dir, 'inbox', file))) })));
  return { sor, inbox };
}

/** Reads demo/expected.json. */
export async function loadDemoExpectations(dir = DEMO_DIR): Promise<DemoExpectations> {
  const path = join(dir, 'expected.json');
  return expectedSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}
