// Inputs built to make regexes and recursive walkers blow up; each must finish quickly.
import { describe, expect, it } from 'vitest';
import { mimeMessage } from '../../../test/fixtures/mime.js';
import { parseAndNormalize } from '../parse/index.js';

const CASES: Array<[string, () => Buffer]> = [
  ['long runs of blanks', () => mimeMessage({ text: `a${' '.repeat(300_000)}b\n${'\t'.repeat(200_000)}x` })],
  ['a keyword followed by blanks', () => mimeMessage({ text: `invoice${' '.repeat(200_000)}x` })],
  ['a style sheet without braces', () => mimeMessage({ html: `<style>${'a'.repeat(300_000)}</style><p>hi</p>` })],
  ['many delimiter-like lines and no boundary', () => Buffer.from(`From: a@b.example\r\nContent-Type: multipart/mixed\r\n\r\n${Array.from({ length: 40_000 }, (_, i) => `--tok${i}`).join('\r\n')}`)],
  ['one 500 kB word', () => mimeMessage({ text: 'x'.repeat(500_000) })],
  ['thousands of attributions', () => mimeMessage({ text: Array.from({ length: 20_000 }, () => 'On Mon, Nov 2, 2026 X wrote:\n> q\nanswer').join('\n') })],
  ['huge CSS values', () => mimeMessage({ html: `<span style="color:rgb(${'1'.repeat(100_000)}x">t</span><div style="height:${'1'.repeat(100_000)}x;overflow:hidden">y</div>` })],
  ['thousands of hidden runs', () => mimeMessage({ text: 'hello '.repeat(50_000), html: Array.from({ length: 3000 }, (_, i) => `<span style="display:none">hidden chunk ${i} here</span>`).join('') })],
];

describe('hostile input', () => {
  it.each(CASES)('%s', async (_name, build) => {
    const raw = build();
    const started = performance.now();
    const { normalized } = await parseAndNormalize(raw);
    expect(typeof normalized.newText).toBe('string');
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
