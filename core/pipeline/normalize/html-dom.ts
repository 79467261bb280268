// The DOM types of htmlparser2, named once: core/ reaches the DOM only through htmlparser2.
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlNode = HtmlDocument['children'][number];
export type HtmlElement = Extract<HtmlNode, { attribs: Record<string, string> }>;
export type HtmlText = Extract<HtmlNode, { type: typeof ElementType.Text }>;
export type HtmlComment = Extract<HtmlNode, { type: typeof ElementType.Comment }>;

/** Parses an HTML body the way mail clients do: forgiving, entities decoded, tags lower-cased. */
export function parseHtml(html: string): HtmlDocument {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

/** Narrows a node to an element (tags, including script and style). */
export function isElement(node: HtmlNode): node is HtmlElement {
  return 'attribs' in node;
}

/** Narrows a node to a text node. */
export function isText(node: HtmlNode): node is HtmlText {
  return node.type === ElementType.Text;
}

/** Narrows a node to a comment. */
export function isComment(node: HtmlNode): node is HtmlComment {
  return node.type === ElementType.Comment;
}

/** The class names of an element. */
export function classList(el: HtmlElement): string[] {
  return (el.attribs['class'] ?? '').split(/\s+/).filter((c) => c !== '');
}

/** A block element holding `text`, to insert into a document. */
export function blockNode(text: string): HtmlNode {
  const node = parseHtml(`<div>${text}</div>`).children[0];
  if (node === undefined) throw new Error('htmlparser2 returned an empty document for a literal <div>');
  return node;
}

/** The deepest element nesting of a document, counted without recursion (the input may be hostile). */
export function nestingDepth(doc: HtmlDocument): number {
  let max = 0;
  const stack: Array<[readonly HtmlNode[], number]> = [[doc.children, 1]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [nodes, depth] = next;
    for (const node of nodes) {
      if (!isElement(node)) continue;
      max = Math.max(max, depth);
      if (node.children.length > 0) stack.push([node.children, depth + 1]);
    }
  }
  return max;
}

/** Serializes a (modified) document back to HTML. */
export function toHtml(doc: HtmlDocument): string {
  return DomUtils.getOuterHTML(doc);
}

export { DomUtils };
