// pdfkit's built-in Helvetica is a standard Type 1 font with WinAnsi encoding: a character outside
// that set does not throw, it prints as garbage glyphs. Every string drawn goes through here first.
import { TRANSLITERATION } from './transliteration.js';

// The characters WinAnsi places in 0x80–0x9F, where Latin-1 has control codes.
const WIN_ANSI_HIGH = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

// Characters with an obvious WinAnsi stand-in that NFKD does not provide.
const STAND_INS: Record<string, string> = {
  '\u2212': '-', '\u2010': '-', '\u2011': '-', '\u2032': "'", '\u2033': '"', '\u2044': '/',
  '\u202F': '\u00A0', '\u2007': '\u00A0', '\u2060': '',
};

function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || ch === '\n' || WIN_ANSI_HIGH.has(ch);
}

function replaceOne(ch: string): string {
  const standIn = STAND_INS[ch];
  if (standIn !== undefined) return standIn;
  if (/\s/.test(ch)) return ' ';
  if (/\p{Cc}|\p{Cf}/u.test(ch)) return '';
  const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  return [...base].map((c) => (isWinAnsi(c) ? c : TRANSLITERATION[c] ?? '?')).join('');
}

/** `text` in characters Helvetica can show: accents stripped or letters transliterated where WinAnsi lacks them, `?` for the rest. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += isWinAnsi(ch) ? ch : replaceOne(ch);
  return out;
}
