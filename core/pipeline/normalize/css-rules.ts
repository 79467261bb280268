// Rules from <style> blocks, reduced to what can hide text: `.x{display:none}` hides
// `<div class="x">` as surely as an inline style does. Only the last compound selector of each
// rule is matched (so `div .x` counts as `.x`): that can only over-report hidden text, which
// still goes to hiddenText where it is looked at, never silently dropped.
import { parseDeclarations } from './css-declarations.js';

export interface CssRule {
  tag?: string;
  id?: string;
  classes: string[];
  declarations: Map<string, string>;
}

/** The element facts a simple selector can test. */
export interface SelectorTarget {
  tag: string;
  id?: string;
  classes: readonly string[];
}

const MAX_STYLE_CHARS = 200_000;

/** Rules of a style sheet outside conditional at-rules (@media, @supports), in source order. */
export function parseStyleSheet(css: string): CssRule[] {
  const text = stripConditionalBlocks(css.slice(0, MAX_STYLE_CHARS).replace(/\/\*[\s\S]*?\*\/|<!--|-->/g, ' '));
  const rules: CssRule[] = [];
  // indexOf rather than a /([^{}]+)\{…\}/ regex: that one is quadratic on a brace-less sheet.
  let pos = 0;
  while (pos < text.length) {
    const open = text.indexOf('{', pos);
    const close = open < 0 ? -1 : text.indexOf('}', open);
    if (close < 0) break;
    const declarations = parseDeclarations(text.slice(open + 1, close));
    if (declarations.size > 0) {
      for (const selector of text.slice(pos, open).split(',')) {
        const compound = lastCompound(selector.trim());
        if (compound) rules.push({ ...compound, declarations });
      }
    }
    pos = close + 1;
  }
  return rules;
}

/** Whether a rule's selector matches the element. */
export function ruleMatches(rule: CssRule, el: SelectorTarget): boolean {
  if (rule.tag !== undefined && rule.tag !== el.tag) return false;
  if (rule.id !== undefined && rule.id !== el.id) return false;
  return rule.classes.every((c) => el.classes.includes(c));
}

// @media and @supports apply only sometimes (a phone, a dark theme); their rules are skipped.
function stripConditionalBlocks(css: string): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const at = css.indexOf('@', i);
    if (at < 0) return out + css.slice(i);
    out += css.slice(i, at);
    const open = css.indexOf('{', at);
    const semi = css.indexOf(';', at);
    if (open < 0 || (semi >= 0 && semi < open)) {
      i = semi < 0 ? css.length : semi + 1; // @import, @charset …
      continue;
    }
    let depth = 0;
    let j = open;
    for (; j < css.length; j++) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}' && --depth === 0) break;
    }
    i = j + 1;
  }
  return out;
}

function lastCompound(selector: string): Omit<CssRule, 'declarations'> | undefined {
  const parts = selector.split(/[\s>+~]+/).filter((p) => p !== '');
  const last = parts[parts.length - 1];
  // Pseudo-classes and attribute selectors depend on state we do not model: skip the rule.
  if (last === undefined || /[:[\]]/.test(last)) return undefined;
  const m = /^([a-z][a-z0-9-]*|\*)?((?:[.#][\w-]+)*)$/i.exec(last);
  if (!m) return undefined;
  const tag = m[1] === undefined || m[1] === '*' ? undefined : m[1].toLowerCase();
  const tokens = m[2]?.match(/[.#][\w-]+/g) ?? [];
  const id = tokens.find((t) => t.startsWith('#'))?.slice(1);
  const classes = tokens.filter((t) => t.startsWith('.')).map((t) => t.slice(1));
  if (tag === undefined && id === undefined && classes.length === 0) return undefined;
  return { ...(tag === undefined ? {} : { tag }), ...(id === undefined ? {} : { id }), classes };
}
