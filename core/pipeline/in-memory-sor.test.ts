import { describe, expect, it } from 'vitest';
import { sorLookupConformanceSuite } from '../../test/conformance/sor-lookup.suite.js';
import { matchSnapshot } from '../../test/fixtures/match-sor.js';
import { InMemorySor } from './in-memory-sor.js';

sorLookupConformanceSuite('InMemorySor', async (snapshot, ownAddresses) => new InMemorySor(snapshot, { ownAddresses }));

describe('InMemorySor', () => {
  it('returns copies, so callers cannot change its indexes', async () => {
    const sor = new InMemorySor(matchSnapshot());
    (await sor.invoicesOfCustomer('C1')).pop();
    expect(await sor.invoicesOfCustomer('C1')).toHaveLength(2);
  });
});
