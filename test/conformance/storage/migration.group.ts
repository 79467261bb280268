import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_COLLECTION, migrations } from '../../../storage/migrations.js';
import { allIndexes, type CollectionIndexes } from '../../../storage/repositories/index.js';
import { silentLogger, type StorageTestContext } from './context.js';

const qualifiedNames = allIndexes.flatMap((c) => c.indexes.map((i) => `${c.collection}.${i.name}`));

/** Index creation from the repositories' specs and the migration history. */
export function migrationGroup(ctx: StorageTestContext): void {
  describe('migrate', () => {
    it('creates every index of every repository on a fresh database and records the migrations', async () => {
      expect(ctx.migration.indexesCreated.sort()).toEqual([...qualifiedNames].sort());
      expect(ctx.migration.indexesRebuilt).toEqual([]);
      expect(ctx.migration.applied.map((m) => m.version)).toEqual(migrations.map((m) => m.version));
      const history = await ctx.db.collection(MIGRATIONS_COLLECTION).find({}).toArray();
      expect(history.map((h) => h['_id'])).toEqual(migrations.map((m) => m.version));
    });

    it('gives indexes the unique flag and partial filter of their spec', async () => {
      for (const spec of allIndexes) {
        const listed = await ctx.db.collection(spec.collection).listIndexes().toArray();
        for (const index of spec.indexes) {
          const found = listed.find((l) => l['name'] === index.name);
          expect(found, `${spec.collection}.${index.name}`).toBeDefined();
          expect(found?.['key']).toEqual(index.keys);
          expect(Boolean(found?.['unique'])).toBe(Boolean(index.unique));
          if (index.partialFilterExpression) expect(found?.['partialFilterExpression']).toEqual(index.partialFilterExpression);
        }
      }
    });

    it('is a no-op when run again', async () => {
      const again = await migrate(ctx.db, silentLogger);
      expect(again).toEqual({ applied: [], indexesCreated: [], indexesRebuilt: [] });
      expect(await ctx.db.collection(MIGRATIONS_COLLECTION).countDocuments()).toBe(migrations.length);
    });

    it('runs concurrently on an empty database without failing', async () => {
      const db = ctx.emptyDb();
      await Promise.all([migrate(db, silentLogger), migrate(db, silentLogger)]);
      expect(await migrate(db, silentLogger)).toEqual({ applied: [], indexesCreated: [], indexesRebuilt: [] });
    });

    it('rebuilds an index whose keys changed and creates a new one', async () => {
      const db = ctx.emptyDb();
      const v1: CollectionIndexes[] = [{ collection: 'things', indexes: [{ name: 'by_a', keys: { a: 1 } }] }];
      const v2: CollectionIndexes[] = [
        {
          collection: 'things',
          indexes: [
            { name: 'by_a', keys: { a: 1, b: 1 }, unique: true },
            { name: 'by_c', keys: { c: -1 } },
          ],
        },
      ];
      expect((await migrate(db, silentLogger, v1, [])).indexesCreated).toEqual(['things.by_a']);
      const report = await migrate(db, silentLogger, v2, []);
      expect(report).toEqual({ applied: [], indexesCreated: ['things.by_c'], indexesRebuilt: ['things.by_a'] });
      const byA = (await db.collection('things').listIndexes().toArray()).find((i) => i['name'] === 'by_a');
      expect(byA).toMatchObject({ key: { a: 1, b: 1 }, unique: true });
      expect(await migrate(db, silentLogger, v2, [])).toEqual({ applied: [], indexesCreated: [], indexesRebuilt: [] });
    });

    it('applies only the migrations not yet recorded, in version order', async () => {
      const db = ctx.emptyDb();
      const ran: number[] = [];
      const step = (version: number) => ({ version, name: `step ${version}`, up: async () => void ran.push(version) });
      await migrate(db, silentLogger, [], [step(2), step(1)]);
      const report = await migrate(db, silentLogger, [], [step(1), step(2), step(3)]);
      expect(ran).toEqual([1, 2, 3]);
      expect(report.applied).toEqual([{ version: 3, name: 'step 3' }]);
    });
  });
}
