// Runs the ChatChannel conformance suite against the in-memory test double, standing in for
// each platform (so the identity mapping of both is exercised).
import { memoryChatChannelHarness } from '../support/memory-chat-channel.js';
import { chatChannelSuite } from './chat-channel.suite.js';

chatChannelSuite('memory (as teams)', async () => memoryChatChannelHarness('teams'));
chatChannelSuite('memory (as slack)', async () => memoryChatChannelHarness('slack'));
