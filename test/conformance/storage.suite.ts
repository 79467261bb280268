// The storage conformance suite: the driver operations arbot and agenda rely on, every
// repository and the schema migration, run through the official driver against any
// MongoDB-compatible target (the embedded store always, a real MongoDB when MONGODB_URI is set). Add a group by writing a `(ctx) => void` that registers a
// `describe` block and appending it to `storageGroups`.
import { describe } from 'vitest';
import { driverOperationsSuite } from './driver-operations.suite.js';
import { auditGroup } from './storage/audit.group.js';
import { useFreshDatabase, type StorageTarget, type StorageTestContext } from './storage/context.js';
import { emailGroup } from './storage/email.group.js';
import { migrationGroup } from './storage/migration.group.js';
import { outboxGroup } from './storage/outbox.group.js';
import { peopleGroup } from './storage/people.group.js';
import { settingGroup } from './storage/setting.group.js';
import { sorGroup } from './storage/sor.group.js';
import { taskGroup } from './storage/task.group.js';

export type { StorageTarget, StorageTestContext } from './storage/context.js';

/** One block of conformance tests; it reads `ctx` only inside its tests. */
export type StorageGroup = (ctx: StorageTestContext) => void;

/** The groups every storage target runs, in order. */
export const storageGroups: StorageGroup[] = [
  migrationGroup,
  emailGroup,
  sorGroup,
  taskGroup,
  outboxGroup,
  auditGroup,
  peopleGroup,
  settingGroup,
];

/** Registers the storage conformance tests against the target that `connect` opens (once per suite). */
export function storageConformanceSuite(name: string, connect: () => Promise<StorageTarget>): void {
  driverOperationsSuite(name, connect);
  describe(`storage: ${name}`, () => {
    const ctx = useFreshDatabase(connect);
    for (const group of storageGroups) group(ctx);
  });
}
