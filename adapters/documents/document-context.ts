// Who a document is from and for, and its language: the second argument of every DocumentRenderer method.
import type { DocumentRenderer } from '../../core/replies/reply-model.js';

/** Issuer, customer and language of a rendered document. */
export type DocumentContext = Parameters<DocumentRenderer['invoicePdf']>[1];
