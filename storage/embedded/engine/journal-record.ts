// The logical records of the journal and of snapshots. Each record is an after-image
// (a whole document, a deletion by _id, an index or collection change), so replaying a
// record twice leaves the same state: recovery needs no undo and compaction no locking.
import type { IndexSpec } from './index-spec.js';
import type { Doc } from './values.js';

export type JournalRecord =
  | { o: 'p'; d: string; c: string; doc: Doc }
  | { o: 'x'; d: string; c: string; id: unknown }
  | { o: 'ci'; d: string; c: string; spec: IndexSpec }
  | { o: 'di'; d: string; c: string; name: string }
  | { o: 'cc'; d: string; c: string }
  | { o: 'dc'; d: string; c: string }
  | { o: 'dd'; d: string }
  | { o: 'rn'; d: string; c: string; td: string; tc: string };
