// Mail clients wrap earlier messages in recognisable containers (Gmail's gmail_quote, Apple
// and Thunderbird's <blockquote type="cite">, Outlook's divRplyFwdMsg / appendonsend). The
// first one marks where the history starts; a sentinel line there survives HTML-to-text
// conversion, and splitHistory cuts at it.
import { DomUtils, blockNode, classList, type HtmlDocument, type HtmlElement } from './html-dom.js';
import { HISTORY_SENTINEL } from './text-cleanup.js';

const QUOTE_CLASSES = new Set(['gmail_quote', 'gmail_quote_container', 'moz-cite-prefix', 'yahoo_quoted', 'protonmail_quote', 'zmail_extra', 'ms-outlook-mobile-reference-message']);
const QUOTE_IDS = /^(?:x_)*(?:divRplyFwdMsg|appendonsend|OLK_SRC_BODY_SECTION|yahoo_quoted\w*|mail-editor-reference-message-container)$/i;

/** Inserts the history sentinel before the first quote container; returns whether one was found. */
export function markHistoryStart(doc: HtmlDocument): boolean {
  const container = DomUtils.findOne(isQuoteContainer, doc.children, true);
  if (container === null) return false;
  DomUtils.prepend(container, blockNode(HISTORY_SENTINEL));
  return true;
}

function isQuoteContainer(el: HtmlElement): boolean {
  if (el.name === 'blockquote' && (el.attribs['type'] ?? '').toLowerCase() === 'cite') return true;
  if (QUOTE_IDS.test(el.attribs['id'] ?? '')) return true;
  return classList(el).some((c) => QUOTE_CLASSES.has(c));
}
