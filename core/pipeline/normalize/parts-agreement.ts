// A message's text/plain and text/html parts should say the same thing. When they do not,
// the bot (reading the plain part) and the person (seeing the HTML) read different messages,
// which is how instructions get smuggled past a reviewer; that is reported as a problem.

// Words of three letters or more; URLs and cid: references differ legitimately between parts.
function words(text: string): Set<string> {
  const cleaned = text.replace(/https?:\/\/\S+|www\.\S+|\[cid:[^\]]*\]|\[image:[^\]]*\]|<[^>\s]+>/gi, ' ');
  return new Set(cleaned.toLowerCase().match(/\p{L}{3,}/gu) ?? []);
}

const MIN_DIFFERENT_WORDS = 10;
const MIN_DIFFERENT_SHARE = 0.2;

/** A problem string when the visible plain and HTML texts differ substantially, else undefined. */
export function partsDisagreement(plain: string, html: string): string | undefined {
  const a = words(plain);
  const b = words(html);
  const onlyPlain = [...a].filter((w) => !b.has(w)).length;
  const onlyHtml = [...b].filter((w) => !a.has(w)).length;
  const differs = (only: number, side: Set<string>): boolean => only >= MIN_DIFFERENT_WORDS && only / side.size >= MIN_DIFFERENT_SHARE;
  if (differs(onlyPlain, a)) return `text/plain part has ${onlyPlain} words the HTML part does not show`;
  if (differs(onlyHtml, b)) return `HTML part shows ${onlyHtml} words the text/plain part does not have`;
  return undefined;
}
