// The visible text of an HTML body, with its hidden text set apart and the start of the
// quoted history marked.
import { errorMessage, type ProblemList } from '../parse/problem-list.js';
import { isElement, isText, nestingDepth, parseHtml, toHtml, type HtmlDocument, type HtmlNode } from './html-dom.js';
import { removeHiddenContent } from './html-hidden.js';
import { markHistoryStart } from './html-history-marker.js';
import { htmlToText } from './html-text.js';
import { HISTORY_SENTINEL, cleanText } from './text-cleanup.js';

export interface HtmlBody {
  /** Visible text; a line holding only HISTORY_SENTINEL marks where quoted history starts. */
  text: string;
  /** Text hidden from the reader, one entry per hidden run. */
  hidden: string[];
}

// Larger bodies are marketing or generated reports; their first megabyte says what they are.
const MAX_HTML_CHARS = 1_000_000;
// The DOM serializer and html-to-text recurse per level; deeper markup would overflow the stack.
const MAX_NESTING = 300;

/** Splits an HTML body into visible text (with the history sentinel) and hidden text. */
export function readHtmlBody(html: string, problems: ProblemList): HtmlBody {
  let source = html.split(HISTORY_SENTINEL).join('');
  if (source.length > MAX_HTML_CHARS) {
    problems.add(`HTML body of ${source.length} characters was cut to ${MAX_HTML_CHARS} for reading`);
    source = source.slice(0, MAX_HTML_CHARS);
  }
  const doc = parseHtml(source);
  if (nestingDepth(doc) > MAX_NESTING) {
    // Hidden-text detection cannot run on it, which is itself worth a look by a person.
    problems.add(`HTML body is nested more than ${MAX_NESTING} levels deep; read as flat text without hidden-text checks`);
    return { text: flatText(doc), hidden: [] };
  }
  try {
    const hidden = removeHiddenContent(doc);
    markHistoryStart(doc);
    return { text: htmlToText(toHtml(doc)), hidden };
  } catch (err) {
    problems.add(`HTML body could not be converted (${errorMessage(err)}); read as flat text`);
    return { text: flatText(parseHtml(source)), hidden: [] };
  }
}

/** Visible text only, for HTML attachments: no hidden text, no history marker. Throws on pathological markup. */
export function htmlVisibleText(html: string): string {
  const source = html.slice(0, MAX_HTML_CHARS);
  const doc = parseHtml(source);
  if (nestingDepth(doc) > MAX_NESTING) return flatText(doc);
  removeHiddenContent(doc);
  return htmlToText(toHtml(doc));
}

const NO_TEXT = new Set(['script', 'style', 'head', 'title', 'template', 'xml']);
const BLOCKS = new Set(['p', 'div', 'br', 'tr', 'li', 'table', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol']);

// The text of a document walked without recursion: block elements end lines, nothing is hidden.
function flatText(doc: HtmlDocument): string {
  const out: string[] = [];
  const stack: Array<HtmlNode | '\n'> = [...doc.children].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === '\n') out.push('\n');
    else if (isText(node)) out.push(node.data);
    else if (isElement(node) && !NO_TEXT.has(node.name)) {
      if (BLOCKS.has(node.name)) stack.push('\n');
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i];
        if (child !== undefined) stack.push(child);
      }
    }
  }
  return cleanText(out.join('').replace(/[ \t]+/g, ' '));
}
