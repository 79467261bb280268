// The Teams message extension (search-based): the `searchRecords` command in the compose box
// and the command box sends `composeExtension/query` invokes as the person types; the answer
// is a page of customer and invoice matches from the shared search use case, each the card to
// insert with a thumbnail preview (`attachmentLayout: list`). Teams waits at most 5 s and
// shows a `message` result as plain text, which is how refusals and hints are answered.
import type { InvokeResponse } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { ChatIdentity } from '../../../bot/identity.js';
import { searchRecords } from '../../../bot/queries/record-search.js';
import type { QueryDeps } from '../../../bot/queries/lookup.js';
import { searchResultAttachments, type SearchResultAttachment } from '../../../cards/teams/search-result-cards.js';
import { TEAMS_SEARCH_COMMAND } from '../../../manifest/teams/teams-manifest.js';

/** The invoke Teams sends for a search command. */
export const MESSAGE_EXTENSION_QUERY = 'composeExtension/query';
/** The manifest's search command and its one parameter. */
export const SEARCH_COMMAND_ID = TEAMS_SEARCH_COMMAND.id;
export const SEARCH_PARAMETER = TEAMS_SEARCH_COMMAND.parameter.name;
/** Teams sends this parameter instead when the command runs as soon as it is opened (initialRun). */
const INITIAL_RUN_PARAMETER = 'initialRun';

/** The body Teams expects back from a `composeExtension/query` invoke. */
export interface MessageExtensionResponse {
  composeExtension:
    | { type: 'result'; attachmentLayout: 'list'; attachments: SearchResultAttachment[] }
    | { type: 'message'; text: string };
}

export interface MessageExtensionDeps {
  queries: QueryDeps;
  logger: Logger;
}

/** What Teams puts in the invoke's `value`, as far as arbot reads it. */
interface QueryValue {
  commandId: string;
  text: string;
  initialRun: boolean;
  skip: number;
  count: number | undefined;
}

/** Answers a `composeExtension/query` invoke: always HTTP 200, results or a message. */
export async function answerMessageExtensionQuery(deps: MessageExtensionDeps, identity: ChatIdentity | null, value: unknown): Promise<InvokeResponse<MessageExtensionResponse>> {
  const query = readQueryValue(value);
  if (query.commandId !== SEARCH_COMMAND_ID) {
    deps.logger.warn({ commandId: query.commandId }, 'teams: unknown message extension command');
    return answer({ type: 'message', text: `Unknown search command "${query.commandId}". Update the arbot app in Teams.` });
  }
  const started = Date.now();
  // Someone without an Entra object id is nobody arbot knows; the use case refuses them.
  const result = await searchRecords(deps.queries, identity ?? { platform: 'teams', aadObjectId: '' }, query.initialRun ? '' : query.text, {
    skip: query.skip,
    ...(query.count !== undefined ? { count: query.count } : {}),
  });
  deps.logger.info(
    { commandId: query.commandId, chars: query.text.length, initialRun: query.initialRun, refused: result.ok ? undefined : result.error.code, results: result.ok ? result.value.items.length : 0, ms: Date.now() - started },
    'teams: message extension query',
  );
  if (!result.ok) return answer({ type: 'message', text: result.error.message });
  const { items, hint } = result.value;
  if (items.length === 0) return answer({ type: 'message', text: hint ?? 'Nothing found.' });
  return answer({ type: 'result', attachmentLayout: 'list', attachments: searchResultAttachments(items) });
}

function answer(composeExtension: MessageExtensionResponse['composeExtension']): InvokeResponse<MessageExtensionResponse> {
  return { status: 200, body: { composeExtension } };
}

/** Reads `{ commandId, parameters: [{ name, value }], queryOptions: { skip, count } }` without trusting its shape. Pure. */
export function readQueryValue(value: unknown): QueryValue {
  const v = record(value);
  const parameters = Array.isArray(v.parameters) ? v.parameters.map(record) : [];
  const param = (name: string) => parameters.find((p) => p.name === name)?.value;
  const typed = param(SEARCH_PARAMETER);
  const initial = param(INITIAL_RUN_PARAMETER);
  const options = record(v.queryOptions);
  return {
    commandId: typeof v.commandId === 'string' ? v.commandId : '',
    text: typeof typed === 'string' ? typed : '',
    initialRun: typed === undefined && (initial === true || initial === 'true'),
    skip: nonNegative(options.skip) ?? 0,
    count: nonNegative(options.count),
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function nonNegative(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}
