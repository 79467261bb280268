// The answer key of an evaluation dataset (labels.jsonl, see ../shared/datasets/FORMAT.md).
import { z } from 'zod';
import { INTENTS } from '../../core/pipeline/intents.js';

export const labelSchema = z.object({
  file: z.string().min(1),
  intents: z.array(z.enum(INTENTS)).min(1),
  customerId: z.string().nullable(),
  invoiceNumbers: z.array(z.string()),
  knownContact: z.boolean(),
  expected: z.enum(['auto_reply', 'review', 'no_action']),
  why: z.string().optional(),
});

export type Label = z.infer<typeof labelSchema>;

/** Parses labels.jsonl; a bad line is reported with its line number. */
export function parseLabels(jsonl: string, source = 'labels.jsonl'): Label[] {
  const out: Label[] = [];
  for (const [i, line] of jsonl.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new Error(`${source}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    const parsed = labelSchema.safeParse(value);
    if (!parsed.success) throw new Error(`${source}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    out.push(parsed.data);
  }
  return out;
}
