// Slack Web API failures as the few ChatChannelError codes the desk acts on. The WebClient
// throws coded errors (platform errors carry Slack's `error` string in `data.error`, HTTP
// errors a status code); these small pure functions read only those fields, so they work on
// anything the client throws without depending on its classes.
import { ChatChannelError, type ChatChannelErrorCode } from '../../../bot/ports/chat-channel.js';

export const SLACK = 'slack';

/** Slack's `error` strings (https://docs.slack.dev/reference/methods) by the code they map to. */
const PLATFORM_ERRORS: Readonly<Record<string, ChatChannelErrorCode>> = {
  channel_not_found: 'not_found',
  message_not_found: 'not_found',
  user_not_found: 'not_found',
  users_not_found: 'not_found',
  thread_not_found: 'not_found',
  view_not_found: 'not_found',
  not_in_channel: 'forbidden',
  is_archived: 'forbidden',
  cant_update_message: 'forbidden',
  restricted_action: 'forbidden',
  cannot_dm_bot: 'forbidden',
  user_disabled: 'forbidden',
  missing_scope: 'forbidden',
  not_allowed_token_type: 'forbidden',
  ekm_access_denied: 'forbidden',
  not_authed: 'auth',
  invalid_auth: 'auth',
  account_inactive: 'auth',
  token_revoked: 'auth',
  token_expired: 'auth',
  no_permission: 'auth',
  ratelimited: 'temporary',
  rate_limited: 'temporary',
  service_unavailable: 'temporary',
  fatal_error: 'temporary',
  internal_error: 'temporary',
  request_timeout: 'temporary',
  invalid_blocks: 'invalid',
  invalid_blocks_format: 'invalid',
  invalid_arguments: 'invalid',
  invalid_arg_name: 'invalid',
  msg_too_long: 'invalid',
  no_text: 'invalid',
  too_many_attachments: 'invalid',
  invalid_metadata_format: 'invalid',
  invalid_metadata_schema: 'invalid',
  invalid_trigger_id: 'invalid',
  expired_trigger_id: 'invalid',
};

/** The ChatChannelError code of anything the Slack WebClient threw. Pure. */
export function slackErrorCode(error: unknown): ChatChannelErrorCode {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const e = error as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown };
  switch (e.code) {
    case 'slack_webapi_platform_error': {
      const slackError = typeof e.data?.error === 'string' ? e.data.error : '';
      return Object.hasOwn(PLATFORM_ERRORS, slackError) ? (PLATFORM_ERRORS[slackError] as ChatChannelErrorCode) : 'unknown';
    }
    case 'slack_webapi_rate_limited_error':
    case 'slack_webapi_request_error':
      return 'temporary';
    case 'slack_webapi_http_error': {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      if (status === 429 || status >= 500 || status === 408) return 'temporary';
      if (status === 401) return 'auth';
      if (status === 403) return 'forbidden';
      if (status === 404) return 'not_found';
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** Slack's own error string, when the failure was a platform error ("channel_not_found"). */
export function slackErrorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** `error` as a ChatChannelError of Slack, saying which call failed (tokens are never part of it). */
export function toSlackChatError(operation: string, error: unknown): ChatChannelError {
  if (error instanceof ChatChannelError) return error;
  const name = slackErrorName(error);
  const detail = name ?? (error instanceof Error ? error.message : String(error));
  return new ChatChannelError(SLACK, slackErrorCode(error), `Slack ${operation} failed: ${detail}`, { cause: error });
}
