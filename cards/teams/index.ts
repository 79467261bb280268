// Microsoft Teams cards: pure functions from view models to Adaptive Card 1.5 JSON.
export * from './adaptive-card.js';
export { formatMoney } from './format.js';
export { customerCard, customerListCard, errorCard, helpCard, invoiceCard, invoiceNotFoundCard, statsCard, taskListCard } from './lookup-cards.js';
export {
  customerRecordCard,
  invoiceRecordCard,
  mergePreviewCard,
  RECORD_INPUTS,
  RECORD_VERBS,
  statementCard,
  timelineCard,
  type RecordCardOptions,
  type RecordNotice,
  type StatementHandover,
} from './record-cards.js';
export {
  searchResultAttachments,
  searchResultCard,
  searchResultPreview,
  THUMBNAIL_CARD_CONTENT_TYPE,
  type SearchResultAttachment,
  type ThumbnailCard,
} from './search-result-cards.js';
export { TASK_INPUTS, TASK_VERBS, type TaskActionData, type TaskVerb } from './task-card-actions.js';
export { REFRESH_MAX_USERS, TASK_CARD_MAX_BYTES, taskCard, taskTabUrl, type TaskCardOptions } from './task-card.js';
