import type { ReplyMessageAttachment } from '../../core/domain/draft.js';

/** Renders the invoice PDFs an analyst attaches to a draft (SoR document or generated copy). */
export interface ReplyDocuments {
  invoiceAttachments(customerSorId: string, invoiceNumbers: readonly string[], language: string): Promise<ReplyMessageAttachment[]>;
}
