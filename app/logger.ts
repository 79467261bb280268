import { pino, type Logger as PinoLogger } from 'pino';
import type { logLevels } from './config/schema.js';
import { createPrettyStream, type TextSink } from './pretty-log.js';

/** The logger every arbot component receives. */
export type Logger = PinoLogger;

export interface LoggerOptions {
  level: (typeof logLevels)[number];
  /** Human-readable lines instead of JSON. */
  pretty?: boolean;
  /** Where lines go; stdout when omitted. */
  destination?: TextSink;
}

/** Field names whose values are never logged, wherever they appear in a log object. */
export const secretFieldNames = [
  'password', 'passwd', 'secret', 'clientSecret', 'appPassword', 'token', 'accessToken', 'refreshToken',
  'idToken', 'apiKey', 'authorization', 'cookie', 'mongodbUri', 'connectionString', 'privateKey', 'signingSecret',
] as const;

// pino's redaction has no recursive wildcard; `*.*.name` covers the depths logs actually reach.
const redactPaths = secretFieldNames.flatMap((name) =>
  [0, 1, 2, 3].map((depth) => [...Array<string>(depth).fill('*'), name].join('.')),
);

/** Creates the structured logger; secret fields are replaced by `***` before anything is written. */
export function createLogger(options: LoggerOptions): Logger {
  const out = options.destination ?? process.stdout;
  const destination = options.pretty ? createPrettyStream(out) : out;
  return pino(
    { level: options.level, redact: { paths: redactPaths, censor: '***' } },
    { write: (line: string) => void destination.write(line) },
  );
}
