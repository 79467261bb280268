/** A conversation: the emails sharing one thread key (derived from References/In-Reply-To). */
export interface Thread {
  id: string;
  tenantId: string;
  threadKey: string;
  subject: string;
  messageIds: string[];
  customerSorId?: string;
  firstAt: Date;
  lastAt: Date;
}
