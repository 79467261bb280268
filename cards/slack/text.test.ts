import { describe, expect, it } from 'vitest';
import { boundedLines, escapeMrkdwn, formatMoney, mentionOf, mrkdwnLink, slackDateTime, truncateMrkdwn, truncatePlain } from './text.js';

describe('slack text', () => {
  it('escapes the three characters mrkdwn reads as markup', () => {
    expect(escapeMrkdwn('a & <!channel> > b')).toBe('a &amp; &lt;!channel&gt; &gt; b');
  });

  it('truncates without splitting a link, a mention, an entity or a surrogate pair', () => {
    expect(truncateMrkdwn('short', 10)).toBe('short');
    expect(truncateMrkdwn('hello <https://x.example/a|a link> end', 20)).toBe('hello…');
    expect(truncateMrkdwn('hi <@U123> there', 8)).toBe('hi…');
    expect(truncateMrkdwn('a &amp; b', 5)).toBe('a…');
    expect(truncatePlain('ab😀cd', 4)).toBe('ab…');
    const more = ' (more: <https://t.example|open>)';
    const cut = truncateMrkdwn('x'.repeat(100), 80, more);
    expect(cut).toBe(`${'x'.repeat(80 - 1 - more.length)}…${more}`);
    expect(cut).toHaveLength(80);
    // A suffix that would crowd out the text is dropped.
    expect(truncateMrkdwn('x'.repeat(100), 20, ' (more: <https://t.example|open>)')).toBe(`${'x'.repeat(19)}…`);
  });

  it('lists whole lines within the maximum, then how many more', () => {
    const lines = ['aaaa', 'bbbb', 'cccc', 'dddd'];
    expect(boundedLines(lines, 100, (n) => `+${n}`)).toBe('aaaa\nbbbb\ncccc\ndddd');
    expect(boundedLines(lines, 12, (n) => `+${n}`)).toBe('aaaa\nbbbb\n+2');
    expect(boundedLines(lines, 14, (n) => `+${n}`)).toBe('aaaa\nbbbb\n+2');
    expect(boundedLines(['x'.repeat(50), 'y'], 20, (n) => `+${n}`)).toBe(`${'x'.repeat(16)}…\n+1`);
    for (let max = 5; max < 30; max++) expect(boundedLines(lines, max, (n) => `+${n}`).length).toBeLessThanOrEqual(max);
  });

  it('makes links that cannot be broken out of', () => {
    expect(mrkdwnLink('https://x.example/a?b=1|2>', 'open <it>')).toBe('<https://x.example/a?b=1%7C2%3E|open &lt;it&gt;>');
  });

  it('mentions people with a Slack id, names the others', () => {
    expect(mentionOf({ userId: 'u', displayName: 'Ana', slackUserId: 'U0ANA' })).toBe('<@U0ANA>');
    expect(mentionOf({ userId: 'u', displayName: 'Ana', slackUserId: 'W0ENT' })).toBe('<@W0ENT>');
    expect(mentionOf({ userId: 'u', displayName: 'Ana & Bo' })).toBe('Ana &amp; Bo');
    expect(mentionOf({ userId: 'u', displayName: 'Ana', slackUserId: '  ' })).toBe('Ana');
    expect(mentionOf({ userId: 'u', displayName: 'Ana', slackUserId: 'u0ana|x' })).toBe('Ana');
  });

  it("shows dates in the reader's time zone with a UTC fallback", () => {
    expect(slackDateTime('2026-11-20T13:00:00.000Z')).toBe('<!date^1795179600^{date_short_pretty} {time}|2026-11-20 13:00 UTC>');
    expect(slackDateTime('soon')).toBe('soon');
  });

  it('formats money, also in currencies Intl does not know', () => {
    expect(formatMoney({ amount: 12450, currency: 'USD' })).toBe('$12,450.00');
    expect(formatMoney({ amount: 5, currency: 'usd' })).toBe('5.00 usd');
  });
});
