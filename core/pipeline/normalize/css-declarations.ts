// Inline CSS as a property map: just enough CSS to decide whether a human can see an element.

/** Declarations of a style attribute or rule body; property names lower-cased, "!important" dropped. */
export function parseDeclarations(style: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!style) return out;
  // Comments would hide a declaration from us but not from the mail client's parser.
  for (const decl of style.replace(/\/\*[\s\S]*?\*\//g, '').split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const name = decl.slice(0, colon).trim().toLowerCase();
    const value = decl
      .slice(colon + 1)
      .replace(/!\s*important/gi, '')
      .trim()
      .toLowerCase();
    if (name !== '' && value !== '') out.set(name, value);
  }
  return out;
}

/** A CSS length in CSS pixels relative to the parent's font size; undefined when not a length. */
export function lengthPx(value: string | undefined, parentFontPx: number): number | undefined {
  if (value === undefined || value.length > 40) return undefined;
  const m = /^(-?\d*\.?\d+)\s*(px|pt|em|rem|%|ex|ch|vw|vh|cm|mm|in|pc)?$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case undefined:
    case 'px':
      return n;
    case 'pt':
      return (n * 4) / 3;
    case 'pc':
      return n * 16;
    case 'in':
      return n * 96;
    case 'cm':
      return (n * 96) / 2.54;
    case 'mm':
      return (n * 96) / 25.4;
    case 'em':
    case 'ch':
      return n * parentFontPx;
    case 'ex':
      return (n * parentFontPx) / 2;
    case 'rem':
      return n * 16;
    case '%':
      return (n * parentFontPx) / 100;
    default:
      // vw/vh depend on the viewport; treat as "not a fixed length".
      return undefined;
  }
}

const FONT_SIZE_KEYWORDS: Record<string, number> = {
  'xx-small': 9,
  'x-small': 10,
  small: 13,
  medium: 16,
  large: 18,
  'x-large': 24,
  'xx-large': 32,
};

/** The computed font size in px for a `font-size` value, given the parent's. */
export function fontSizePx(value: string | undefined, parentFontPx: number): number {
  if (value === undefined) return parentFontPx;
  const keyword = FONT_SIZE_KEYWORDS[value];
  if (keyword !== undefined) return keyword;
  if (value === 'smaller') return parentFontPx * 0.8;
  if (value === 'larger') return parentFontPx * 1.2;
  return lengthPx(value, parentFontPx) ?? parentFontPx;
}
