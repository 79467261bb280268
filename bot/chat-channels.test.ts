import { describe, expect, it } from 'vitest';
import type { TaskPost } from '../core/domain/task.js';
import { taskViewFixture } from '../test/fixtures/task-view.js';
import { MemoryChatChannel } from '../test/support/memory-chat-channel.js';
import { ChatChannels, channelAddresses, type ChatDeliveryFailure } from './chat-channels.js';
import { ChatChannelError, type ChatUserRef } from './ports/chat-channel.js';

const TEAMS_CHANNEL = '19:collections@thread.tacv2';
const SLACK_CHANNEL = 'C0COLLECT';
const team = { channels: { teams: { teamId: 'team-guid', channelId: TEAMS_CHANNEL }, slack: { channelId: SLACK_CHANNEL } } };
const ana: ChatUserRef = { userId: 'user-ana', displayName: 'Ana Lima', teamsAadObjectId: 'aad-ana', slackUserId: 'U0ANA' };

function setup() {
  const teams = new MemoryChatChannel({ platform: 'teams' });
  const slack = new MemoryChatChannel({ platform: 'slack' });
  const failures: ChatDeliveryFailure[] = [];
  const channels = new ChatChannels([teams, slack], { onFailure: (f) => failures.push(f) });
  return { teams, slack, channels, failures };
}

describe('channelAddresses', () => {
  it("addresses a team's Teams channel by its channel id and its Slack channel by id", () => {
    expect(channelAddresses(team.channels)).toEqual([
      { platform: 'teams', conversationId: TEAMS_CHANNEL },
      { platform: 'slack', conversationId: SLACK_CHANNEL },
    ]);
    expect(channelAddresses({ slack: { channelId: SLACK_CHANNEL } })).toEqual([{ platform: 'slack', conversationId: SLACK_CHANNEL }]);
    expect(channelAddresses({})).toEqual([]);
  });
});

describe('ChatChannels', () => {
  it('refuses a second adapter for the same platform', () => {
    const { channels } = setup();
    expect(() => channels.register(new MemoryChatChannel({ platform: 'slack' }))).toThrow(/already registered/);
    expect(channels.platforms()).toEqual(['teams', 'slack']);
  });

  it('posts the card on every platform the team has a channel on and an adapter exists for', async () => {
    const { teams, slack, channels } = setup();
    const view = taskViewFixture();
    const posts = await channels.postTask(team, view);
    expect(posts.map((p) => [p.platform, p.conversationId])).toEqual([
      ['teams', TEAMS_CHANNEL],
      ['slack', SLACK_CHANNEL],
    ]);
    expect(teams.cards()).toEqual([view]);
    expect(slack.cards()).toEqual([view]);

    const slackOnly = new MemoryChatChannel({ platform: 'slack' });
    expect((await new ChatChannels([slackOnly]).postTask(team, view)).map((p) => p.platform)).toEqual(['slack']);
    expect(await channels.postTask({ channels: {} }, view)).toEqual([]);
  });

  it('keeps the posts that worked when one platform fails, and reports the failure', async () => {
    const { teams, channels, failures } = setup();
    teams.failWith(new ChatChannelError('teams', 'temporary', 'throttled'));
    const posts = await channels.postTask(team, taskViewFixture());
    expect(posts.map((p) => p.platform)).toEqual(['slack']);
    expect(failures).toMatchObject([{ operation: 'postTask', platform: 'teams', error: { code: 'temporary' } }]);
  });

  it('rejects when the card could be posted nowhere', async () => {
    const { teams, slack, channels, failures } = setup();
    teams.failWith(new ChatChannelError('teams', 'auth', 'token expired'));
    slack.failWith(new Error('socket hang up'));
    await expect(channels.postTask(team, taskViewFixture())).rejects.toMatchObject({ platform: 'teams', code: 'auth' });
    expect(failures.map((f) => [f.platform, f.error.code])).toEqual([
      ['teams', 'auth'],
      ['slack', 'unknown'],
    ]);
  });

  it('updates every copy; one platform failing never stops the others, odd errors become unknown', async () => {
    const { teams, slack, channels } = setup();
    const view = taskViewFixture({ version: 1 });
    const posts = await channels.postTask(team, view);
    teams.failWith('boom');
    const stray: TaskPost = { platform: 'webex', conversationId: 'room', messageId: 'm1' };

    const result = await channels.updateEverywhere([...posts, stray], { ...view, version: 2, status: 'in_review' });

    expect(result.updated).toBe(1);
    expect(slack.cards()).toMatchObject([{ version: 2, status: 'in_review' }]);
    expect(teams.cards()).toMatchObject([{ version: 1 }]);
    expect(result.failed.map((f) => [f.post.platform, f.error.code])).toEqual([
      ['teams', 'unknown'],
      ['webex', 'invalid'],
    ]);
    for (const f of result.failed) expect(f.error).toBeInstanceOf(ChatChannelError);
    expect(result.failed[0]?.error.cause).toBe('boom');
  });

  it('applies two quick updates of one card in the order they were made', async () => {
    const { slack, channels } = setup();
    const view = taskViewFixture({ version: 1 });
    const posts = await channels.postTask({ channels: { slack: { channelId: SLACK_CHANNEL } } }, view);
    // The first update is slow; unserialised, the second would land first and be overwritten.
    slack.delay((call) => (call.endsWith(' v2') ? 40 : 0));

    const first = channels.updateEverywhere(posts, { ...view, version: 2, status: 'in_review' });
    const second = channels.updateEverywhere(posts, { ...view, version: 3, status: 'approved' });
    await Promise.all([first, second]);

    expect(slack.cards()).toMatchObject([{ version: 3, status: 'approved' }]);
    expect(slack.calls.slice(-2)).toEqual([`updateTask ${view.taskId} v2`, `updateTask ${view.taskId} v3`]);
  });

  it('keeps going after a failed update of the same task, and does not hold up other tasks', async () => {
    const { slack, channels } = setup();
    const slackTeam = { channels: { slack: { channelId: SLACK_CHANNEL } } };
    const a = taskViewFixture({ version: 1 });
    const b = taskViewFixture({ version: 1 });
    const postsA = await channels.postTask(slackTeam, a);
    const postsB = await channels.postTask(slackTeam, b);

    slack.delay((call) => (call.startsWith(`updateTask ${a.taskId}`) ? 40 : 0));
    const order: string[] = [];
    const slowA = channels.updateEverywhere(postsA, { ...a, version: 2 }).then(() => order.push('a'));
    await channels.updateEverywhere(postsB, { ...b, version: 2 }).then(() => order.push('b'));
    await slowA;
    expect(order).toEqual(['b', 'a']);

    slack.delay(0);
    const ghost = postsA.map((p) => ({ ...p, messageId: 'gone' }));
    expect((await channels.updateEverywhere(ghost, { ...a, version: 3 })).failed.map((f) => f.error.code)).toEqual(['not_found']);
    slack.failWith(new ChatChannelError('slack', 'temporary', 'rate limited'));
    await expect(channels.postTask(slackTeam, { ...a, version: 3 })).rejects.toMatchObject({ code: 'temporary' });
    slack.failWith(undefined);
    expect((await channels.updateEverywhere(postsA, { ...a, version: 4 })).updated).toBe(1);
    expect(slack.cards().find((v) => v.taskId === a.taskId)?.version).toBe(4);
  });

  it('direct-messages a person on every platform they are on', async () => {
    const { teams, slack, channels, failures } = setup();
    const message = { text: 'Reminder: task T-1 is due in 1 hour.' };
    expect(await channels.notify(ana, message)).toEqual(['teams', 'slack']);
    expect(await teams.probe.directMessagesTo(ana)).toEqual([message.text]);
    expect(await slack.probe.directMessagesTo(ana)).toEqual([message.text]);

    const slackOnly = { userId: 'user-bo', displayName: 'Bo Chen', slackUserId: 'U0BO' };
    expect(await channels.notify(slackOnly, message)).toEqual(['slack']);
    expect(await channels.notify({ userId: 'user-cy', displayName: 'Cy' }, message)).toEqual([]);

    slack.failWith(new ChatChannelError('slack', 'forbidden', 'cannot DM'));
    expect(await channels.notify(ana, message)).toEqual(['teams']);
    expect(failures).toMatchObject([{ operation: 'notify', platform: 'slack', error: { code: 'forbidden' } }]);
    await expect(channels.notify(slackOnly, message)).rejects.toBeInstanceOf(ChatChannelError);
  });

  it('posts a plain message in each channel given', async () => {
    const { teams, slack, channels } = setup();
    const message = { text: 'Task T-2 is past its deadline, @Ana Lima please look.', mentions: [ana] };
    const posts = await channels.postToChannels(team.channels, message);
    expect(posts.map((p) => p.platform)).toEqual(['teams', 'slack']);
    expect(await teams.probe.messagesIn({ platform: 'teams', conversationId: TEAMS_CHANNEL })).toEqual([{ text: message.text, mentionedUserIds: ['aad-ana'] }]);
    expect(await slack.probe.messagesIn({ platform: 'slack', conversationId: SLACK_CHANNEL })).toEqual([{ text: message.text, mentionedUserIds: ['U0ANA'] }]);
  });
});
