import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './win-ansi.js';

describe('toWinAnsi', () => {
  it('keeps ASCII, Latin-1 and the WinAnsi extras (€, –, “”, Œ, …) as they are', () => {
    const s = 'Müller & Søhne S.à r.l. – “Œuvre” € 12,00 … ß ÿ';
    expect(toWinAnsi(s)).toBe(s);
  });

  it('strips accents WinAnsi lacks and transliterates letters that have no base form', () => {
    expect(toWinAnsi('Łódź Sp. z o.o.')).toBe('Lódz Sp. z o.o.');
    expect(toWinAnsi('Nguyễn Văn Đức')).toBe('Nguyen Van Duc');
    expect(toWinAnsi('İstanbul Şirketi')).toBe('Istanbul Sirketi');
  });

  it('transliterates Cyrillic and Greek', () => {
    expect(toWinAnsi('ООО «Ромашка»')).toBe('OOO «Romashka»');
    expect(toWinAnsi('Щука Юг')).toBe('Shchuka Yug');
    expect(toWinAnsi('Ελληνικά Τρόφιμα Α.Ε.')).toBe('Ellinika Trofima A.E.');
  });

  it('replaces what it cannot spell with ? (CJK, emoji: one per character)', () => {
    expect(toWinAnsi('株式会社 😀')).toBe('???? ?');
  });

  it('maps typographic spaces and the minus sign, and drops invisible format characters', () => {
    expect(toWinAnsi('12\u202F450,00\u00A0€')).toBe('12\u00A0450,00\u00A0€');
    expect(toWinAnsi('\u22125')).toBe('-5');
    expect(toWinAnsi('a\tb\u200Bc\u0007')).toBe('a bc');
  });

  it('composes decomposed accents first (e + combining acute is é)', () => {
    expect(toWinAnsi('Cafe\u0301')).toBe('Café');
  });
});
