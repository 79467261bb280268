// Bolt and the Slack WebClient log through their own Logger interface; this one writes to
// arbot's pino logger, so Slack's messages land in the same structured log.
import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from 'pino';

const PINO_LEVELS: Readonly<Record<LogLevel, string>> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** A Slack Logger writing to `logger` (Bolt's own level setting is ignored: pino's level rules). */
export function slackLogger(logger: Logger): SlackLogger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error', msg: unknown[]) => logger[level](msg.map((m) => (typeof m === 'string' ? m : String(m))).join(' '));
  return {
    debug: (...msg) => write('debug', msg),
    info: (...msg) => write('info', msg),
    warn: (...msg) => write('warn', msg),
    error: (...msg) => write('error', msg),
    setLevel: () => undefined,
    getLevel: () => (Object.entries(PINO_LEVELS).find(([, pino]) => pino === logger.level)?.[0] as LogLevel | undefined) ?? LogLevel.INFO,
    setName: () => undefined,
  };
}
