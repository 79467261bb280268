// Slack Block Kit builders: pure functions from view models to message, modal and home JSON.
export * from './app-home.js';
export * from './limits.js';
export * from './lookup-blocks.js';
export * from './record-blocks.js';
export * from './task-message.js';
export * from './task-modals.js';
export { escapeMrkdwn, mentionOf, mrkdwnLink, slackDateTime } from './text.js';
