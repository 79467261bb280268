// Stage 4: matching an email's sender and references against the system of record.
export { matchEmail, type MatchInput, type MatchOptions } from './match-email.js';
export { authResultsFrom, parseAuthenticationResults, parseReceivedSpf } from './auth-results.js';
export { bouncedRecipients, isDeliveryFailure } from './bounce.js';
export { decideCustomer, referencedCustomers } from './customer.js';
export { detectLookalike } from './lookalike.js';
export { matchSender } from './sender.js';
export { resolveInvoices } from './invoices.js';
