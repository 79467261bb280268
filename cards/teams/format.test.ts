import { describe, expect, it } from 'vitest';
import { bullets, cardDateTime, displayAddress, listWithMore, percent, truncate, untrusted } from './format.js';

describe('card text helpers', () => {
  it('writes timestamps as Adaptive Cards date functions without fractional seconds', () => {
    expect(cardDateTime('2026-11-20T13:00:00.000Z')).toBe('{{DATE(2026-11-20T13:00:00Z, SHORT)}} {{TIME(2026-11-20T13:00:00Z)}}');
    expect(cardDateTime('2026-11-20T14:00:00+01:00')).toBe('{{DATE(2026-11-20T13:00:00Z, SHORT)}} {{TIME(2026-11-20T13:00:00Z)}}');
    expect(cardDateTime('soon')).toBe('soon');
  });

  it('truncates with an ellipsis and never splits a surrogate pair', () => {
    expect(truncate('abcdef', 6)).toBe('abcdef');
    expect(truncate('abc def', 5)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });

  it('strips mention tags, date functions and control characters from untrusted text', () => {
    expect(untrusted('<at>Boss</at> pay {{DATE(2026-01-01T00:00:00Z)}}\u0007 now', 100)).toBe('Boss pay {\u200B{DATE(2026-01-01T00:00:00Z)}} now');
    expect(untrusted('x'.repeat(10), 5)).toBe('xxxx…');
  });

  it('shows "Name <address>" without angle brackets', () => {
    expect(displayAddress('Jane Roe <jane@acme.example>')).toBe('Jane Roe (jane@acme.example)');
    expect(displayAddress('<jane@acme.example>')).toBe('jane@acme.example');
    expect(displayAddress('jane@acme.example')).toBe('jane@acme.example');
  });

  it('formats percentages and lists', () => {
    expect(percent(0.934)).toBe('93%');
    expect(percent(1.2)).toBe('100%');
    expect(listWithMore(['a', 'b', 'c'], 2)).toBe('a, b and 1 more');
    expect(bullets(['a', 'b', 'c'], 2)).toBe('- a\n- b\n- and 1 more');
  });
});
