// Connection handshake and server information. The store presents itself as a standalone
// mongod 7.0 (wire version 21), so the driver uses no transactions, retryable writes or
// streaming monitoring, none of which a single in-process server needs.
import type { Doc } from '../engine/values.js';
import type { CommandHandler } from './context.js';

export const SERVER_VERSION = '7.0.0';
const MAX_WIRE_VERSION = 21;

const hello: CommandHandler = (cmd, ctx) => {
  const reply: Doc = {
    isWritablePrimary: true,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  };
  if (cmd.helloOk === true || 'hello' in cmd) reply.helloOk = true;
  // Legacy isMaster callers read `ismaster`.
  if (!('hello' in cmd)) reply.ismaster = true;
  return reply;
};

const buildInfo: CommandHandler = () => ({
  version: SERVER_VERSION,
  gitVersion: 'arbot-embedded',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: 16 * 1024 * 1024,
  storageEngines: ['arbot-embedded'],
  ok: 1,
});

const ok: CommandHandler = () => ({ ok: 1 });

const whatsmyuri: CommandHandler = () => ({ you: '127.0.0.1', ok: 1 });

const getParameter: CommandHandler = (cmd) => {
  const reply: Doc = { ok: 1 };
  if (cmd.featureCompatibilityVersion !== undefined) reply.featureCompatibilityVersion = { version: '7.0' };
  return reply;
};

export const handshakeCommands: Record<string, CommandHandler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: ok,
  buildInfo,
  buildinfo: buildInfo,
  endSessions: ok,
  killSessions: ok,
  refreshSessions: ok,
  startSession: ok,
  whatsmyuri,
  getParameter,
};
