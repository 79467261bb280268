import { describe, expect, it } from 'vitest';
import { sameGroupsWithoutZeros } from './group-zeros.js';

describe('sameGroupsWithoutZeros', () => {
  it('accepts zeros dropped inside a digit group', () => {
    expect(sameGroupsWithoutZeros('2026-1609', '2026-001609')).toBe(true);
    expect(sameGroupsWithoutZeros('2026/1911', '2026-001911')).toBe(true);
    expect(sameGroupsWithoutZeros('F 26 42', 'F-26-0042')).toBe(true);
  });

  it('rejects another digit, another group count or another letter prefix', () => {
    expect(sameGroupsWithoutZeros('2026-1690', '2026-001609')).toBe(false);
    expect(sameGroupsWithoutZeros('20261609', '2026-001609')).toBe(false);
    expect(sameGroupsWithoutZeros('2025-1609', '2026-001609')).toBe(false);
    expect(sameGroupsWithoutZeros('AB-26-42', 'F-26-0042')).toBe(false);
  });
});
