// The Teams adapter's pure parts: error mapping, outgoing activities, mention stripping,
// command parsing, roster pages, channel data, the card's version stamp.
import { describe, expect, it } from 'vitest';
import { HttpError } from '@microsoft/agents-hosting';
import { ChatChannelError } from '../../../bot/ports/chat-channel.js';
import { cardMessage, stripBotMention, textMessage } from './teams-activities.js';
import { withCardState } from './teams-cards.js';
import { parseCommand } from './teams-commands.js';
import { pagedMembers, teamsAuthConfig } from './teams-connector.js';
import { channelOf, teamsChannelData } from './teams-directory.js';
import { teamsErrorCode, toTeamsChatError } from './teams-errors.js';
import { configFixture } from '../../../app/config/config.fixture.js';

/** An error as the SDK's ConnectorClient throws it. */
function httpError(status: number, body?: unknown): HttpError {
  const response = { data: body, status, statusText: '', headers: new Headers(), config: { method: 'post', url: 'v3/conversations' } };
  return new HttpError(`Request failed with status ${status}`, response, response.config);
}

describe('teams errors', () => {
  it.each([
    [404, 'not_found'],
    [401, 'auth'],
    [403, 'forbidden'],
    [429, 'temporary'],
    [500, 'temporary'],
    [503, 'temporary'],
    [400, 'invalid'],
    [413, 'invalid'],
  ] as const)('maps HTTP %i to %s', (status, code) => {
    expect(teamsErrorCode(httpError(status))).toBe(code);
  });

  it("trusts the connector's own code over the status (the Playground answers an unknown conversation with a 500)", () => {
    expect(teamsErrorCode(httpError(500, { error: { code: 'ConversationNotFound', message: 'Conversation not found' } }))).toBe('not_found');
    expect(teamsErrorCode(httpError(403, { error: { code: 'BotNotInConversationRoster' } }))).toBe('forbidden');
    expect(teamsErrorCode(httpError(400, { error: { code: 'Throttled' } }))).toBe('temporary');
  });

  it('calls a failed connection temporary and anything else unknown', () => {
    expect(teamsErrorCode(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }))).toBe('temporary');
    expect(teamsErrorCode(new Error('boom'))).toBe('unknown');
    expect(teamsErrorCode('nope')).toBe('unknown');
  });

  it('wraps with the operation and keeps a ChatChannelError as it is', () => {
    const e = toTeamsChatError('updateActivity', httpError(404, { error: { code: 'ActivityNotFoundInConversation' } }));
    expect(e).toBeInstanceOf(ChatChannelError);
    expect(e).toMatchObject({ platform: 'teams', code: 'not_found' });
    expect(e.message).toBe('Teams updateActivity failed: HTTP 404 ActivityNotFoundInConversation');
    expect(toTeamsChatError('x', e)).toBe(e);
  });
});

describe('teams activities', () => {
  it('puts a card in an Adaptive Card attachment with its summary', () => {
    expect(cardMessage({ type: 'AdaptiveCard' }, 'New: Copy please')).toEqual({
      type: 'message',
      summary: 'New: Copy please',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } }],
    });
  });

  it('turns "@Name" into a Teams mention for people with an id, longest name first, and leaves the others as written', () => {
    const ana = { userId: 'u1', displayName: 'Ana Lima', teamsAadObjectId: 'aad-ana' };
    const an = { userId: 'u2', displayName: 'Ana', teamsAadObjectId: 'aad-an' };
    const bo = { userId: 'u3', displayName: 'Bo Chen' };
    const m = textMessage({ text: '@Ana Lima and @Ana, please ask @Bo Chen. Thanks @Ana Lima', mentions: [an, ana, bo] }, (u) => u.teamsAadObjectId);
    expect(m.text).toBe('<at>Ana Lima</at> and <at>Ana</at>, please ask @Bo Chen. Thanks <at>Ana Lima</at>');
    expect(m.entities).toEqual([
      { type: 'mention', text: '<at>Ana Lima</at>', mentioned: { id: 'aad-ana', name: 'Ana Lima' } },
      { type: 'mention', text: '<at>Ana</at>', mentioned: { id: 'aad-an', name: 'Ana' } },
    ]);
  });

  it('strips the bot mention and markup from a channel message', () => {
    expect(stripBotMention('<at>arbot</at> customer   Acme&nbsp;Industrial', 'arbot')).toBe('customer Acme Industrial');
    expect(stripBotMention('<p><at>AR Bot</at> invoice 204518</p>', undefined)).toBe('invoice 204518');
    expect(stripBotMention('stats', 'arbot')).toBe('stats');
  });
});

describe('teams commands', () => {
  it.each([
    ['customer Acme Industrial', { kind: 'customer', query: 'Acme Industrial' }],
    ['Invoice INV-204518', { kind: 'invoice', number: 'INV-204518' }],
    ['inv 204518', { kind: 'invoice', number: '204518' }],
    ['tasks', { kind: 'tasks', scope: 'mine' }],
    ['tasks team', { kind: 'tasks', scope: 'team' }],
    ['stats', { kind: 'stats' }],
    ['help', { kind: 'help' }],
    ['', { kind: 'help' }],
    ['whoami', { kind: 'admin', text: 'whoami' }],
    ['team members Collections u1 u2', { kind: 'admin', text: 'team members Collections u1 u2' }],
    ['what is this', { kind: 'unknown', text: 'what is this' }],
  ])('reads %j', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });
});

describe('teams connector and directory helpers', () => {
  it('reads a roster page in either of the shapes the connector uses', () => {
    expect(
      pagedMembers({
        members: [{ id: '29:1', aadObjectId: 'a1', name: 'Ana' }, { id: '29:2', objectId: 'a2' }, { name: 'no id' }, null],
        continuationToken: 'next',
      }),
    ).toEqual({ members: [{ id: '29:1', aadObjectId: 'a1', name: 'Ana' }, { id: '29:2', aadObjectId: 'a2' }], continuationToken: 'next' });
    expect(pagedMembers('nonsense')).toEqual({ members: [] });
  });

  it('reads team, channel and tenant from channelData, and the channel from a thread id', () => {
    expect(teamsChannelData({ team: { id: 'T' }, channel: { id: 'C' }, tenant: { id: 'X' } })).toEqual({ teamId: 'T', channelId: 'C', tenantId: 'X' });
    expect(teamsChannelData(undefined)).toEqual({});
    expect(channelOf('19:abc@thread.tacv2;messageid=123')).toBe('19:abc@thread.tacv2');
  });

  it('builds the SDK auth settings per app type, anonymous without an app id', () => {
    const teams = (over: Partial<ReturnType<typeof configFixture>['teams']>) => configFixture({ teams: over }).teams;
    expect(teamsAuthConfig(teams({}))).toEqual({});
    expect(teamsAuthConfig(teams({ appId: 'app', appPassword: 'pw', tenantId: 'ten' }))).toEqual({ clientId: 'app', clientSecret: 'pw', authType: 'ClientSecret', tenantId: 'ten' });
    expect(teamsAuthConfig(teams({ appId: 'app', appPassword: 'pw', appType: 'MultiTenant' }))).toEqual({ clientId: 'app', clientSecret: 'pw', authType: 'ClientSecret' });
    expect(teamsAuthConfig(teams({ appId: 'mi', appType: 'UserAssignedMSI', tenantId: 'ten' }))).toEqual({ clientId: 'mi', authType: 'UserManagedIdentity', tenantId: 'ten' });
  });

  it("stamps the task's version on the card's refresh action", () => {
    const card = { type: 'AdaptiveCard', refresh: { action: { type: 'Action.Execute', verb: 'task.refresh', data: { taskId: 't1' } }, userIds: ['29:1'] } };
    expect(withCardState(card, { version: 7 })).toEqual({ ...card, refresh: { ...card.refresh, action: { ...card.refresh.action, data: { taskId: 't1', version: 7 } } } });
    expect(withCardState({ type: 'AdaptiveCard' }, { version: 7 })).toEqual({ type: 'AdaptiveCard' });
  });
});
