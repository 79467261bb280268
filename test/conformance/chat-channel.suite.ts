// The ChatChannel conformance suite: every chat adapter (Teams, Slack, the in-memory test
// double) must post, update in place, direct-message and mention the same way, and fail with a
// ChatChannelError. Each adapter's harness reads back what the platform shows, from the real
// client or from its API stub. Mentions and direct messages are checked against the person's id
// on the platform as platformUserId reads it from ChatUserRef.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskPost } from '../../core/domain/task.js';
import { ChatChannelError, platformUserId, type ChannelAddress, type ChatChannel, type ChatUserRef } from '../../bot/ports/chat-channel.js';
import { taskViewFixture } from '../fixtures/task-view.js';

export interface ChatChannelHarness {
  channel: ChatChannel;
  /** A channel the adapter can post in, and one it cannot (posting there must fail with a ChatChannelError). */
  address: ChannelAddress;
  missingAddress: ChannelAddress;
  /** A person with an identity on this platform, and one without. */
  user: ChatUserRef;
  userWithoutIdentity: ChatUserRef;
  /** What the platform shows now (read back from the real client or the API stub). */
  probe: {
    shownTask(post: TaskPost): Promise<{ taskId: string; version: number; status: string; mentionedUserIds: string[] } | null>;
    directMessagesTo(user: ChatUserRef): Promise<string[]>;
    messagesIn(address: ChannelAddress): Promise<{ text: string; mentionedUserIds: string[] }[]>;
  };
  teardown(): Promise<void>;
}

/** Registers the suite for one ChatChannel implementation; `setup` runs before each test. */
export function chatChannelSuite(name: string, setup: () => Promise<ChatChannelHarness>): void {
  describe(`ChatChannel conformance: ${name}`, () => {
    let h: ChatChannelHarness;
    beforeEach(async () => {
      h = await setup();
    });
    afterEach(async () => {
      await h.teardown();
    });

    const idOnPlatform = (user: ChatUserRef): string => {
      const id = platformUserId(user, h.channel.platform);
      if (id === undefined) throw new Error(`harness user ${user.userId} has no ${h.channel.platform} identity`);
      return id;
    };

    /** The ChatChannelError `promise` rejects with (fails the test when it resolves or rejects otherwise). */
    const chatError = async (promise: Promise<unknown>): Promise<ChatChannelError> => {
      const outcome = await promise.then(
        (value) => ({ resolved: value }),
        (error: unknown) => ({ error }),
      );
      if (!('error' in outcome)) throw new Error(`expected a ChatChannelError, but the call resolved with ${JSON.stringify(outcome.resolved)}`);
      expect(outcome.error).toBeInstanceOf(ChatChannelError);
      const error = outcome.error as ChatChannelError;
      expect(error.platform).toBe(h.channel.platform);
      return error;
    };

    it('posts a task card that shows the task and mentions the assignee', async () => {
      const view = taskViewFixture({ version: 3, status: 'assigned', assignee: h.user });
      const post = await h.channel.postTask(h.address, view);
      expect(post.platform).toBe(h.channel.platform);
      expect(post.messageId).not.toBe('');
      const shown = await h.probe.shownTask(post);
      expect(shown).toMatchObject({ taskId: view.taskId, version: 3, status: 'assigned' });
      expect(shown?.mentionedUserIds).toContain(idOnPlatform(h.user));
    });

    it('posts each task as its own message', async () => {
      const before = (await h.probe.messagesIn(h.address)).length;
      const a = await h.channel.postTask(h.address, taskViewFixture());
      const b = await h.channel.postTask(h.address, taskViewFixture());
      expect(b.messageId).not.toBe(a.messageId);
      expect((await h.probe.messagesIn(h.address)).length).toBe(before + 2);
    });

    it('updates a card in place: same post, new state, no second message', async () => {
      const view = taskViewFixture({ version: 1, status: 'new', statusLabel: 'New', assignee: undefined });
      const post = await h.channel.postTask(h.address, view);
      const before = (await h.probe.messagesIn(h.address)).length;

      await h.channel.updateTask(post, { ...view, version: 2, status: 'assigned', statusLabel: 'Assigned', assignee: h.user });
      await h.channel.updateTask(post, { ...view, version: 3, status: 'in_review', statusLabel: 'In review', assignee: h.user });

      const shown = await h.probe.shownTask(post);
      expect(shown).toMatchObject({ taskId: view.taskId, version: 3, status: 'in_review' });
      expect(shown?.mentionedUserIds).toContain(idOnPlatform(h.user));
      expect((await h.probe.messagesIn(h.address)).length).toBe(before);
    });

    it('leaves other cards alone when one is updated', async () => {
      const first = taskViewFixture({ version: 1 });
      const second = taskViewFixture({ version: 1 });
      const a = await h.channel.postTask(h.address, first);
      const b = await h.channel.postTask(h.address, second);
      await h.channel.updateTask(a, { ...first, version: 2, status: 'closed_no_reply', statusLabel: 'Closed without reply' });
      expect(await h.probe.shownTask(b)).toMatchObject({ taskId: second.taskId, version: 1, status: 'assigned' });
    });

    it('fails with a ChatChannelError when the post to update does not exist', async () => {
      const post = await h.channel.postTask(h.address, taskViewFixture());
      const ghost: TaskPost = { ...post, messageId: `${post.messageId}-missing` };
      await chatError(h.channel.updateTask(ghost, taskViewFixture()));
    });

    it('fails with a ChatChannelError when posting where it cannot', async () => {
      await chatError(h.channel.postTask(h.missingAddress, taskViewFixture()));
      await chatError(h.channel.postMessage(h.missingAddress, { text: 'Daily summary: 3 open tasks' }));
    });

    it('delivers a direct message to a person', async () => {
      await h.channel.notifyUser(h.user, { text: 'Reminder: task T-1 is due in 1 hour.' });
      expect(await h.probe.directMessagesTo(h.user)).toContainEqual(expect.stringContaining('task T-1 is due in 1 hour'));
    });

    it("fails with 'invalid' when the person has no identity on the platform", async () => {
      const error = await chatError(h.channel.notifyUser(h.userWithoutIdentity, { text: 'Reminder: task T-1 is due in 1 hour.' }));
      expect(error.code).toBe('invalid');
    });

    it('posts a plain message that shows its text and mention', async () => {
      const post = await h.channel.postMessage(h.address, { text: `Task T-2 is past its deadline, @${h.user.displayName} please look.`, mentions: [h.user] });
      expect(post.platform).toBe(h.channel.platform);
      const shown = (await h.probe.messagesIn(h.address)).find((m) => m.text.includes('is past its deadline'));
      expect(shown).toBeDefined();
      expect(shown?.text).toContain('please look');
      expect(shown?.mentionedUserIds).toContain(idOnPlatform(h.user));
    });

    it('posts a message that names someone without an identity here as plain text', async () => {
      const text = `@${h.userWithoutIdentity.displayName} asked for a summary.`;
      await h.channel.postMessage(h.address, { text, mentions: [h.userWithoutIdentity] });
      const shown = (await h.probe.messagesIn(h.address)).find((m) => m.text.includes('asked for a summary'));
      expect(shown?.text).toContain(h.userWithoutIdentity.displayName);
      expect(shown?.mentionedUserIds).toEqual([]);
    });
  });
}
