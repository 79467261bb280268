import type { ReplyMessageAttachment } from '../../core/domain/draft.js';

/** Renders a customer's statement of account as a PDF attachment (as of the SoR's "today"). */
export interface StatementDocuments {
  statementAttachment(customerSorId: string, language: string): Promise<ReplyMessageAttachment>;
}
