/** Anything with a `write(text)` method: process.stdout, a file stream, a test buffer. */
export interface TextSink {
  write(text: string): unknown;
}

const levelNames: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const hiddenFields = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err']);

/**
 * A pino destination that rewrites each JSON line as `12:00:00.000 INFO  message key=value`,
 * in-process: pino-pretty is not a dependency and a worker-thread transport is overkill here.
 */
export function createPrettyStream(out: TextSink): TextSink {
  return { write: (line: string) => out.write(formatLine(line)) };
}

/** Formats one pino JSON line for humans; lines that are not JSON objects pass through. */
export function formatLine(line: string): string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return line; // not JSON (pino only writes JSON, so this is someone else's text): keep it
  }
  if (typeof record !== 'object' || record === null) return line;
  const entry = record as Record<string, unknown>;
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 23) : '';
  const level = (levelNames[Number(entry.level)] ?? String(entry.level)).padEnd(5);
  const fields = Object.entries(entry)
    .filter(([name]) => !hiddenFields.has(name))
    .map(([name, value]) => `${name}=${formatValue(value)}`);
  const text = [time, level, String(entry.msg ?? ''), ...fields].filter(Boolean).join(' ');
  return `${text}${formatError(entry.err)}\n`;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? String(value);
}

function formatError(err: unknown): string {
  if (typeof err !== 'object' || err === null) return '';
  const { stack, message } = err as { stack?: unknown; message?: unknown };
  const text = typeof stack === 'string' ? stack : String(message);
  return `\n${text.replace(/^/gm, '    ')}`;
}
