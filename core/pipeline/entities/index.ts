// Entity extraction: references, amounts and dates found in an email's text.
export { extractEntities, type ExtractOptions } from './extract.js';
export { isReplySubject, referenceText, type ReferenceSources } from './reference-text.js';
export { parseAmountNumber } from './amounts.js';
