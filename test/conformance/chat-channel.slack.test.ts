// Runs the ChatChannel conformance suite against the Slack adapter, with the Slack Web API
// played by a local stub that keeps what each channel shows; the probe reads the stub.
import pino from 'pino';
import { SlackChatChannel } from '../../adapters/chat/slack/slack.chat-channel.js';
import { mentionedIds } from '../../adapters/chat/slack/slack-text.js';
import { newSlackWebClient, SingleWorkspace } from '../../adapters/chat/slack/slack-workspaces.js';
import { platformUserId, type ChatUserRef } from '../../bot/ports/chat-channel.js';
import { SlackApiStub } from '../support/slack-api-stub.js';
import { chatChannelSuite } from './chat-channel.suite.js';

const silent = pino({ level: 'silent' });

chatChannelSuite('slack (Web API stub)', async () => {
  const stub = await new SlackApiStub({ tokens: ['xoxb-conformance'], channels: ['C0ARBOT'] }).start();
  const client = newSlackWebClient('xoxb-conformance', { slackApiUrl: stub.apiUrl, logger: silent });
  const channel = new SlackChatChannel({ workspaces: new SingleWorkspace(client), logger: silent, tabUrl: (id) => `https://arbot.example/tab?task=${id}` });
  const user: ChatUserRef = { userId: 'u-ana', displayName: 'Ana Lima', slackUserId: 'U0ANALIMA' };
  const dmOf = (u: ChatUserRef) => `D${platformUserId(u, 'slack') ?? '-'}`;
  return {
    channel,
    address: { platform: 'slack', conversationId: 'C0ARBOT' },
    missingAddress: { platform: 'slack', conversationId: 'C0NOTHERE' },
    user,
    userWithoutIdentity: { userId: 'u-ben', displayName: 'Ben Okafor' },
    probe: {
      async shownTask(post) {
        const message = stub.message(post.conversationId, post.messageId);
        const payload = message?.metadata?.event_payload;
        if (!message || !payload) return null;
        return {
          taskId: String(payload.task_id),
          version: Number(payload.version),
          status: String(payload.status),
          mentionedUserIds: mentionedIds([message.text, message.blocks]),
        };
      },
      async directMessagesTo(u) {
        return stub.channelMessages(dmOf(u)).map((m) => m.text);
      },
      async messagesIn(address) {
        return stub.channelMessages(address.conversationId).map((m) => ({ text: m.text, mentionedUserIds: mentionedIds([m.text, m.blocks]) }));
      },
    },
    teardown: () => stub.stop(),
  };
});
