// An evaluation dataset folder (../shared/datasets/FORMAT.md): sor.json, emails/*.eml, labels.jsonl.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSorJson, type SorJsonSnapshot } from '../../adapters/sor/file/sor-json.js';
import { parseLabels, type Label } from './labels.js';

export interface Dataset {
  dir: string;
  /** The SoR, with the records of sor.json it skipped as malformed (`sor.skipped`). */
  sor: SorJsonSnapshot;
  labels: Label[];
  /** File name → raw message, in file-name order. */
  emails: Map<string, Uint8Array>;
}

/** Loads a dataset; every label must have its email file. */
export async function loadDataset(dir: string): Promise<Dataset> {
  const [sor, labelsText, files] = await Promise.all([
    loadSorJson(join(dir, 'sor.json')),
    readFile(join(dir, 'labels.jsonl'), 'utf8'),
    readdir(join(dir, 'emails')),
  ]);
  const labels = parseLabels(labelsText, join(dir, 'labels.jsonl'));
  const emails = new Map<string, Uint8Array>();
  for (const file of files.filter((f) => f.endsWith('.eml')).sort()) emails.set(file, await readFile(join(dir, 'emails', file)));
  const missing = labels.filter((l) => !emails.has(l.file)).map((l) => l.file);
  if (missing.length > 0) throw new Error(`labels without an email file in ${dir}/emails: ${missing.join(', ')}`);
  return { dir, sor, labels, emails };
}
