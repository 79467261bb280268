// Which kind of customer data a reply to these intents discloses (the send guard's scope).
import type { Intent } from '../pipeline/intents.js';
import type { DataScope } from './send-guard.js';

/** Invoice copies alone disclose only those invoices; anything else discloses account data. */
export function dataScopeOf(intents: readonly Intent[]): DataScope {
  return intents.length > 0 && intents.every((i) => i === 'invoice_copy') ? 'invoices' : 'account';
}
