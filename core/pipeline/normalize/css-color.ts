// CSS colours, parsed far enough to tell text drawn in (nearly) the background colour.

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** The default page background of mail clients. */
export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
/** The default text colour. */
export const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };

const NAMED: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  whitesmoke: '#f5f5f5',
  snow: '#fffafa',
  ivory: '#fffff0',
  ghostwhite: '#f8f8ff',
  floralwhite: '#fffaf0',
  azure: '#f0ffff',
  mintcream: '#f5fffa',
  aliceblue: '#f0f8ff',
  seashell: '#fff5ee',
  linen: '#faf0e6',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  gainsboro: '#dcdcdc',
  navy: '#000080',
  maroon: '#800000',
  windowtext: '#000000',
  window: '#ffffff',
};

/** Parses #rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba(), hsl()/hsla(), a few names and "transparent". */
export function parseColor(value: string | undefined): Rgba | undefined {
  if (value === undefined || value.length > 100) return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = NAMED[v] ?? v;
  const h = /^#([0-9a-f]{3,8})$/.exec(hex)?.[1];
  if (h !== undefined) return parseHex(h);
  const rgb = /^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(v);
  if (rgb) {
    const ch = (s: string | undefined): number => (s?.endsWith('%') ? (Number(s.slice(0, -1)) * 255) / 100 : Number(s));
    return { r: ch(rgb[1]), g: ch(rgb[2]), b: ch(rgb[3]), a: alpha(rgb[4]) };
  }
  const hsl = /^hsla?\(\s*([\d.]+)(?:deg)?[\s,]+([\d.]+)%[\s,]+([\d.]+)%(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(v);
  if (hsl) return { ...hslToRgb(Number(hsl[1]), Number(hsl[2]) / 100, Number(hsl[3]) / 100), a: alpha(hsl[4]) };
  return undefined;
}

/** WCAG contrast ratio between two opaque colours (1 = identical, 21 = black on white). */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function parseHex(h: string): Rgba | undefined {
  const full = h.length === 3 || h.length === 4 ? [...h].map((c) => c + c).join('') : h;
  if (full.length !== 6 && full.length !== 8) return undefined;
  const n = (i: number): number => parseInt(full.slice(i, i + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: full.length === 8 ? n(6) / 255 : 1 };
}

function alpha(s: string | undefined): number {
  if (s === undefined) return 1;
  return s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s);
}

function luminance({ r, g, b }: Rgba): number {
  const lin = (c: number): number => {
    const s = Math.min(255, Math.max(0, c)) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function hslToRgb(h: number, s: number, l: number): Omit<Rgba, 'a'> {
  const k = (n: number): number => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return { r: f(0) * 255, g: f(8) * 255, b: f(4) * 255 };
}
