// Removes from an HTML document everything a human reader would not see, and returns that
// text: instructions aimed at bots hide there (display:none, zero font, white on white).
import { parseDeclarations } from './css-declarations.js';
import { parseStyleSheet, ruleMatches, type CssRule } from './css-rules.js';
import { DomUtils, classList, isComment, isElement, isText, type HtmlDocument, type HtmlElement, type HtmlNode } from './html-dom.js';
import { squash } from './text-cleanup.js';
import { ROOT_CONTEXT, childContext, elementHidingReason, textHidingReason, type VisualContext } from './visibility.js';

// Elements that are never rendered as text. Their content is not "hidden text" either.
const NOT_RENDERED = new Set(['head', 'style', 'script', 'title', 'template', 'xml', 'meta', 'link', 'noscript', 'object', 'embed', 'iframe', 'svg']);

/** Removes invisible content from `doc` in place; returns the hidden text, one chunk per hidden run. */
export function removeHiddenContent(doc: HtmlDocument): string[] {
  const rules = styleRules(doc);
  const hidden: string[] = [];
  let pending: string[] = [];
  const flush = (): void => {
    const text = squash(pending.join(' '));
    if (text !== '') hidden.push(text);
    pending = [];
  };

  const walk = (nodes: readonly HtmlNode[], ctx: VisualContext): void => {
    for (const node of [...nodes]) {
      if (isElement(node)) {
        if (NOT_RENDERED.has(node.name)) {
          DomUtils.removeElement(node);
          continue;
        }
        const style = computedStyle(node, rules);
        if (elementHidingReason(style, node.attribs) !== undefined) {
          flush();
          pending.push(DomUtils.textContent(node));
          flush();
          DomUtils.removeElement(node);
          continue;
        }
        walk(node.children, childContext(ctx, node.name, style, node.attribs));
      } else if (isText(node)) {
        if (node.data.trim() === '') continue;
        if (textHidingReason(ctx) !== undefined) {
          pending.push(node.data);
          DomUtils.removeElement(node);
        } else {
          flush();
        }
      } else if (isComment(node)) {
        if (isReadableComment(node.data)) {
          flush();
          hidden.push(squash(node.data));
        }
        DomUtils.removeElement(node);
      }
    }
  };
  walk(doc.children, ROOT_CONTEXT);
  flush();
  return hidden;
}

function styleRules(doc: HtmlDocument): CssRule[] {
  return DomUtils.getElementsByTagName('style', doc.children, true).flatMap((el) => parseStyleSheet(DomUtils.textContent(el)));
}

// Matching style-sheet rules first, the inline style attribute last (it wins).
function computedStyle(el: HtmlElement, rules: readonly CssRule[]): Map<string, string> {
  const target = { tag: el.name, id: el.attribs['id'], classes: classList(el) };
  const style = new Map<string, string>();
  for (const rule of rules) {
    if (ruleMatches(rule, target)) for (const [k, v] of rule.declarations) style.set(k, v);
  }
  for (const [k, v] of parseDeclarations(el.attribs['style'])) style.set(k, v);
  return style;
}

// Prose in an HTML comment is invisible but readable by a bot; markup noise is not.
function isReadableComment(data: string): boolean {
  const text = squash(data);
  if (/^\[(?:end)?if\b/i.test(text) || /[{};]/.test(text)) return false;
  return (text.match(/\p{L}{2,}/gu) ?? []).length >= 4;
}
