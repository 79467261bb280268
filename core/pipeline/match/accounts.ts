// Account numbers quoted in an email → the customers they belong to.
import type { MatchResult } from '../match-result.js';
import type { SorLookup } from '../sor.js';

/** Spellings to try for an account number: as written, then with spaces, dots or slashes as hyphens. */
function variants(raw: string): string[] {
  const trimmed = raw.trim();
  return [...new Set([trimmed, trimmed.replace(/[\s./_]+/g, '-'), trimmed.toUpperCase()])];
}

/** Resolves each quoted account number that exists in the SoR. */
export async function resolveAccounts(accountNumbers: readonly string[], sor: SorLookup): Promise<MatchResult['accounts']> {
  const out: MatchResult['accounts'] = [];
  for (const raw of accountNumbers) {
    for (const v of variants(raw)) {
      const customer = await sor.customerByAccountNumber(v);
      if (customer) {
        out.push({ raw, customerId: customer.sorId });
        break;
      }
    }
  }
  return out;
}
