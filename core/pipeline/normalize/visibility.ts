// Whether a human can see an element or a piece of text, from its computed-ish style. Attackers
// hide instructions for bots with display:none, zero font sizes, white-on-white text, zero
// heights with overflow hidden or off-screen positioning; each of these is recognised here.
import { BLACK, WHITE, contrastRatio, parseColor, type Rgba } from './css-color.js';
import { fontSizePx, lengthPx } from './css-declarations.js';

/** What an element passes down to its children. */
export interface VisualContext {
  color: Rgba;
  background: Rgba;
  fontPx: number;
  /** visibility:hidden is inherited but a child may set visibility:visible. */
  visible: boolean;
}

/** What a mail client starts from: black 16px text on white. */
export const ROOT_CONTEXT: VisualContext = { color: BLACK, background: WHITE, fontPx: 16, visible: true };

// Below these, text cannot be read: font-size 0/1px tricks and near-invisible colours.
const MIN_READABLE_FONT_PX = 3;
const MIN_CONTRAST = 1.4;
const MIN_OPACITY = 0.1;
const OFF_SCREEN_PX = -500;

/** Why the whole element (and everything in it) is invisible, or undefined when it may be seen. */
export function elementHidingReason(style: ReadonlyMap<string, string>, attribs: Readonly<Record<string, string>>): string | undefined {
  if ('hidden' in attribs) return 'hidden attribute';
  const display = style.get('display');
  if (display === 'none') return 'display:none';
  if (style.get('mso-hide') === 'all') return 'mso-hide:all';
  const opacity = Number(style.get('opacity'));
  if (style.has('opacity') && !Number.isNaN(opacity) && opacity < MIN_OPACITY) return 'opacity:0';
  const clipped = ['hidden', 'clip'].includes(style.get('overflow') ?? style.get('overflow-y') ?? style.get('overflow-x') ?? '');
  if (clipped) {
    for (const prop of ['height', 'max-height', 'width', 'max-width']) {
      const px = lengthPx(style.get(prop), 16);
      if (px !== undefined && px <= 1) return `${prop}:0 with overflow hidden`;
    }
  }
  if (/^rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?\s*\)$/.test(style.get('clip') ?? '')) return 'clip:rect(0,0,0,0)';
  const position = style.get('position');
  if (position === 'absolute' || position === 'fixed') {
    for (const prop of ['left', 'top', 'right']) {
      const px = lengthPx(style.get(prop), 16);
      if (px !== undefined && px <= OFF_SCREEN_PX) return `positioned off-screen (${prop})`;
    }
  }
  const indent = lengthPx(style.get('text-indent'), 16);
  if (indent !== undefined && indent <= OFF_SCREEN_PX) return 'text-indent off-screen';
  return undefined;
}

/** The context an element's children see, from its style and legacy attributes (bgcolor, <font color>). */
export function childContext(parent: VisualContext, tag: string, style: ReadonlyMap<string, string>, attribs: Readonly<Record<string, string>>): VisualContext {
  const background = opaqueBackground(style.get('background-color') ?? backgroundShorthandColor(style.get('background')) ?? attribs['bgcolor'], parent.background);
  const colorValue = style.get('color') ?? (tag === 'font' ? attribs['color'] : undefined);
  const color = parseColor(colorValue) ?? parent.color;
  const fontPx = fontSizePx(style.get('font-size'), parent.fontPx);
  const visibility = style.get('visibility');
  const visible = visibility === undefined ? parent.visible : visibility === 'visible';
  return { color, background, fontPx, visible };
}

/** Why text in this context is invisible, or undefined when a human can read it. */
export function textHidingReason(ctx: VisualContext): string | undefined {
  if (!ctx.visible) return 'visibility:hidden';
  if (ctx.fontPx < MIN_READABLE_FONT_PX) return `font-size ${round(ctx.fontPx)}px`;
  if (ctx.color.a < MIN_OPACITY) return 'transparent text';
  if (contrastRatio(ctx.color, ctx.background) < MIN_CONTRAST) return 'text colour matches the background';
  return undefined;
}

function opaqueBackground(value: string | undefined, inherited: Rgba): Rgba {
  const c = parseColor(value);
  // A translucent background mostly shows what is behind it.
  return c === undefined || c.a < 0.5 ? inherited : { ...c, a: 1 };
}

function backgroundShorthandColor(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /#[0-9a-f]{3,8}\b|rgba?\([^)]*\)|hsla?\([^)]*\)|\b(?:white|black|transparent|whitesmoke|snow|ivory|red|green|blue|yellow|gr[ae]y|silver|navy|maroon)\b/i.exec(value);
  return m?.[0];
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
