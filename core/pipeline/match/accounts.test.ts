import { describe, expect, it } from 'vitest';
import { matchSnapshot } from '../../../test/fixtures/match-sor.js';
import { InMemorySor } from '../in-memory-sor.js';
import { resolveAccounts } from './accounts.js';

describe('resolveAccounts', () => {
  it('resolves account numbers as written or with other separators, and drops unknown ones', async () => {
    const sor = new InMemorySor(matchSnapshot());
    expect(await resolveAccounts(['100-2231', '100 2232', '104.1180', '999-0000'], sor)).toEqual([
      { raw: '100-2231', customerId: 'C1' },
      { raw: '100 2232', customerId: 'C2' },
      { raw: '104.1180', customerId: 'C3' },
    ]);
  });
});
