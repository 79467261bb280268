// Folding makes cue phrases and features match however the sender typed them
// (accents dropped on a phone, "ß" written "ss", curly quotes, en dashes).

/** Lower-cases, removes accents and unifies quotes, dashes and spaces. */
export function fold(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[‘’‚‛`´]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[ \t\u00a0\u202f]+/g, ' ');
}
