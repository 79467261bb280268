// Bot Connector failures as the few ChatChannelError codes the desk acts on. The SDK's
// ConnectorClient throws its HttpError (a `status` and the response body, whose
// `error.code` is the connector's own code such as "ConversationNotFound"); fetch itself
// throws a TypeError when the service cannot be reached. These pure functions read only those
// fields, so they work on anything thrown without depending on the SDK's classes.
import { ChatChannelError, type ChatChannelErrorCode } from '../../../bot/ports/chat-channel.js';

export const TEAMS = 'teams';

/** Bot Connector error codes that say more than their HTTP status (the Playground answers some of them with a 500). */
const CONNECTOR_CODES: Readonly<Record<string, ChatChannelErrorCode>> = {
  ConversationNotFound: 'not_found',
  ActivityNotFoundInConversation: 'not_found',
  MemberNotFoundInConversation: 'not_found',
  NotFound: 'not_found',
  ChannelNotFound: 'not_found',
  ChatNotFound: 'not_found',
  UserNotFound: 'not_found',
  BotNotInConversationRoster: 'forbidden',
  ConversationBlockedByUser: 'forbidden',
  BotDisabledByAdmin: 'forbidden',
  MessageWritesBlocked: 'forbidden',
  Forbidden: 'forbidden',
  Unauthorized: 'auth',
  AuthenticationError: 'auth',
  BadArgument: 'invalid',
  BadSyntax: 'invalid',
  MissingProperty: 'invalid',
  InvalidConversationType: 'invalid',
  MessageSizeTooBig: 'invalid',
  Throttled: 'temporary',
  ServiceError: 'temporary',
  InternalServerError: 'temporary',
};

/** The HTTP status of an SDK HttpError (or anything shaped like one), else undefined. */
export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { status?: unknown; response?: { status?: unknown } };
  if (typeof e.status === 'number') return e.status;
  return typeof e.response?.status === 'number' ? e.response.status : undefined;
}

/** The Bot Connector's error code from the response body (`{ error: { code } }`), when there is one. */
export function connectorErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = (error as { response?: { data?: unknown } }).response?.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const body = data as { error?: { code?: unknown }; code?: unknown };
  const code = body.error?.code ?? body.code;
  return typeof code === 'string' ? code : undefined;
}

/** The ChatChannelError code of anything the connector client threw. Pure. */
export function teamsErrorCode(error: unknown): ChatChannelErrorCode {
  const code = connectorErrorCode(error);
  if (code !== undefined && Object.hasOwn(CONNECTOR_CODES, code)) return CONNECTOR_CODES[code] as ChatChannelErrorCode;
  const status = httpStatusOf(error);
  if (status !== undefined) {
    if (status === 404) return 'not_found';
    if (status === 401) return 'auth';
    if (status === 403) return 'forbidden';
    if (status === 408 || status === 412 || status === 429 || status >= 500) return 'temporary';
    if (status >= 400) return 'invalid';
    return 'unknown';
  }
  // fetch rejects with a TypeError ("fetch failed") when the connection itself fails.
  if (error instanceof TypeError && /fetch failed|network|ECONN|ETIMEDOUT|EAI_AGAIN/i.test(`${error.message} ${String((error as { cause?: unknown }).cause ?? '')}`)) {
    return 'temporary';
  }
  return 'unknown';
}

/** `error` as a ChatChannelError of Teams, saying which call failed (tokens are never part of it). */
export function toTeamsChatError(operation: string, error: unknown): ChatChannelError {
  if (error instanceof ChatChannelError) return error;
  const status = httpStatusOf(error);
  const code = connectorErrorCode(error);
  const detail = [status !== undefined ? `HTTP ${status}` : undefined, code].filter((s) => s !== undefined).join(' ');
  const message = detail !== '' ? detail : error instanceof Error ? error.message : String(error);
  return new ChatChannelError(TEAMS, teamsErrorCode(error), `Teams ${operation} failed: ${message}`, { cause: error });
}
