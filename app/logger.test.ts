import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { formatLine } from './pretty-log.js';

function memorySink() {
  const lines: string[] = [];
  return { lines, write: (text: string) => void lines.push(text) };
}

describe('createLogger', () => {
  it('writes JSON lines at or above the level', () => {
    const sink = memorySink();
    const logger = createLogger({ level: 'info', destination: sink });
    logger.debug('hidden');
    logger.info({ port: 3978 }, 'listening');
    expect(sink.lines).toHaveLength(1);
    expect(JSON.parse(sink.lines[0] ?? '')).toMatchObject({ level: 30, msg: 'listening', port: 3978 });
  });

  it('redacts secret fields at any depth', () => {
    const sink = memorySink();
    const logger = createLogger({ level: 'info', destination: sink });
    logger.info(
      {
        password: 'hunter2a',
        config: { storage: { mongodbUri: 'mongodb://u:hunter2b@h' } },
        req: { headers: { authorization: 'Bearer hunter2c' } },
        teams: { clientSecret: 'hunter2d', token: 'hunter2e' },
      },
      'secrets',
    );
    logger.child({ apiKey: 'hunter2f' }).info('child');
    const output = sink.lines.join('');
    expect(output).not.toMatch(/hunter2/);
    expect(JSON.parse(sink.lines[0] ?? '')).toMatchObject({
      password: '***',
      config: { storage: { mongodbUri: '***' } },
      req: { headers: { authorization: '***' } },
    });
  });

  it('writes human-readable lines when pretty, still redacted', () => {
    const sink = memorySink();
    const logger = createLogger({ level: 'info', pretty: true, destination: sink });
    logger.warn({ component: 'http', token: 'hunter2' }, 'slow request');
    expect(sink.lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}slow request component=http token=\*\*\*\n$/);
  });
});

describe('formatLine', () => {
  it('prints errors with their stack, indented', () => {
    const line = JSON.stringify({ level: 50, time: 0, msg: 'failed', err: { message: 'boom', stack: 'Error: boom\n    at x' } });
    expect(formatLine(line)).toBe('00:00:00.000 ERROR failed\n    Error: boom\n        at x\n');
  });

  it('quotes values with spaces and passes non-JSON through', () => {
    expect(formatLine(JSON.stringify({ level: 30, msg: 'm', a: 'two words', n: { x: 1 } }))).toBe('INFO  m a="two words" n={"x":1}\n');
    expect(formatLine('plain text\n')).toBe('plain text\n');
  });
});
