// The names of the record actions on chat cards and messages: Teams' Action.Execute verbs and
// Slack's button action_ids. `record.*` act on a customer, `invoice.*` on an invoice; each is
// one use case of bot/records, so both platforms name it the same way.

/** The record actions a chat entry point routes to bot/records. */
export const RECORD_VERBS = {
  /** Show a customer's record (e.g. from a list of matches). */
  open: 'record.open',
  statement: 'record.statement',
  sendStatement: 'record.sendStatement',
  sendInvoices: 'record.sendInvoices',
  note: 'record.note',
  resync: 'record.resync',
  timeline: 'record.timeline',
  archive: 'record.archive',
  mergePreview: 'record.mergePreview',
  mergeConfirm: 'record.mergeConfirm',
  invoiceCopy: 'invoice.sendCopy',
  invoicePdf: 'invoice.pdf',
} as const;
