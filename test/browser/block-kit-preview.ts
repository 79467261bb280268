// A preview of a Slack Block Kit message as an HTML page, for the browser tests and the README
// screenshot: Slack's own client cannot run here. It draws the block and element types arbot's
// message builders (cards/slack/) emit, in a look modelled on Slack's light theme, and marks
// anything else with a visible "[unsupported block: type]" (or element) so a test notices when a
// builder emits something this preview does not draw. It is an approximation, not Slack: fonts
// fall back to what the machine has, and emoji are drawn as small badges (no emoji font here).

export interface BlockKitPreviewOptions {
  /** The app's name on the message row ("arbot"), followed by the APP badge. */
  appName: string;
  /** The time shown beside the name, as the reader's client would print it ("1:52 PM"). */
  time: string;
  /** Slack member id → display name: the client shows `<@U123>` as "@Name". */
  users?: Readonly<Record<string, string>>;
  /** IANA zone in which `<!date^…>` tokens are shown (Slack uses the reader's); default UTC. */
  timeZone?: string;
}

/** Every marker of something the preview cannot draw starts with this. */
export const UNSUPPORTED_MARKER = '[unsupported';

type Json = Record<string, unknown>;

/** A whole page: the message row (avatar, app name, APP badge, time) and its blocks, in #message. */
export function blockKitPreviewPage(message: { text: string; blocks: readonly unknown[] }, options: BlockKitPreviewOptions): string {
  const initial = escapeHtml(options.appName.trim().charAt(0).toUpperCase() || '?');
  const body = message.blocks.length > 0 ? renderBlocks(message.blocks, options) : `<div class="bk-section">${mrkdwnHtml(message.text, options)}</div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Block Kit preview</title><style>${CSS}</style></head>
<body>
<div id="message" class="message">
  <div class="avatar" aria-hidden="true">${initial}</div>
  <div class="content">
    <div class="meta"><span class="name">${escapeHtml(options.appName)}</span><span class="app-badge">APP</span><span class="time">${escapeHtml(options.time)}</span></div>
    <div class="blocks">${body}</div>
  </div>
</div>
</body></html>`;
}

/** The blocks as HTML, one element per block. */
export function renderBlocks(blocks: readonly unknown[], options: BlockKitPreviewOptions): string {
  return blocks.map((block) => renderBlock(block, options)).join('\n');
}

function renderBlock(block: unknown, options: BlockKitPreviewOptions): string {
  if (!isJson(block)) return unsupported('block', typeof block);
  switch (block.type) {
    case 'header':
      return `<div class="bk-header">${textObject(block.text, options)}</div>`;
    case 'section':
      return section(block, options);
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      return `<div class="bk-context">${elements.map((e) => contextElement(e, options)).join('')}</div>`;
    }
    case 'actions': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      return `<div class="bk-actions">${elements.map((e) => interactive(e, options)).join('')}</div>`;
    }
    case 'divider':
      return '<hr class="bk-divider">';
    case 'image':
      return `<figure class="bk-image">${block.title !== undefined ? `<figcaption>${textObject(block.title, options)}</figcaption>` : ''}<img src="${escapeAttr(String(block.image_url ?? ''))}" alt="${escapeAttr(String(block.alt_text ?? ''))}"></figure>`;
    default:
      return unsupported('block', String(block.type));
  }
}

function section(block: Json, options: BlockKitPreviewOptions): string {
  const text = block.text !== undefined ? `<div class="bk-text">${textObject(block.text, options)}</div>` : '';
  const fields = Array.isArray(block.fields) ? `<div class="bk-fields">${block.fields.map((f) => `<div class="bk-field">${textObject(f, options)}</div>`).join('')}</div>` : '';
  const accessory = block.accessory !== undefined ? `<div class="bk-accessory">${accessoryElement(block.accessory, options)}</div>` : '';
  return `<div class="bk-section"><div class="bk-main">${text}${fields}</div>${accessory}</div>`;
}

function accessoryElement(element: unknown, options: BlockKitPreviewOptions): string {
  if (isJson(element) && element.type === 'image') return image(element, 'bk-accessory-image');
  return interactive(element, options);
}

/** The interactive elements of actions blocks and accessories. */
function interactive(element: unknown, options: BlockKitPreviewOptions): string {
  if (!isJson(element)) return unsupported('element', typeof element);
  switch (element.type) {
    case 'button': {
      const style = element.style === 'primary' || element.style === 'danger' ? ` bk-button-${element.style}` : '';
      const label = textObject(element.text, options);
      return typeof element.url === 'string'
        ? `<a class="bk-button${style}" role="button" href="${escapeAttr(element.url)}">${label}</a>`
        : `<button type="button" class="bk-button${style}">${label}</button>`;
    }
    case 'static_select':
    case 'multi_static_select':
    case 'users_select':
    case 'conversations_select': {
      const placeholder = element.placeholder !== undefined ? textObject(element.placeholder, options) : 'Select an item';
      return `<span class="bk-select" role="combobox">${placeholder}<span class="bk-caret" aria-hidden="true">▾</span></span>`;
    }
    case 'overflow':
      return '<button type="button" class="bk-button bk-overflow" aria-label="More actions">⋯</button>';
    default:
      return unsupported('element', String(element.type));
  }
}

function contextElement(element: unknown, options: BlockKitPreviewOptions): string {
  if (isJson(element) && element.type === 'image') return image(element, 'bk-context-image');
  if (isJson(element) && (element.type === 'mrkdwn' || element.type === 'plain_text')) return `<span class="bk-context-text">${textObject(element, options)}</span>`;
  return unsupported('element', isJson(element) ? String(element.type) : typeof element);
}

function image(element: Json, className: string): string {
  return `<img class="${className}" src="${escapeAttr(String(element.image_url ?? ''))}" alt="${escapeAttr(String(element.alt_text ?? ''))}">`;
}

/** A text object: plain_text (emoji shortcodes unless `emoji: false`) or mrkdwn. */
function textObject(value: unknown, options: BlockKitPreviewOptions): string {
  if (!isJson(value) || typeof value.text !== 'string') return unsupported('text', isJson(value) ? String(value.type) : typeof value);
  if (value.type === 'mrkdwn') return value.verbatim === true ? lines(escapeHtml(value.text)) : mrkdwnHtml(value.text, options);
  if (value.type === 'plain_text') {
    const text = lines(escapeHtml(value.text));
    return value.emoji === false ? text : emoji(text);
  }
  return unsupported('text', String(value.type));
}

/**
 * Slack mrkdwn as HTML: `*bold*`, `_italic_`, `~strike~`, `` `code` ``, ```` ```pre``` ````,
 * `>` quoted lines, line breaks, `<url|label>` links, `<@U1>` mentions, `<#C1|name>` channels,
 * `<!here>`, `<!date^…|fallback>`, the `&amp; &lt; &gt;` entities and emoji shortcodes.
 */
export function mrkdwnHtml(text: string, options: Pick<BlockKitPreviewOptions, 'users' | 'timeZone'> = {}): string {
  // Spans that take no formatting (code, and the <…> tokens) are swapped for placeholders
  // (private-use characters around an index) first.
  const held: string[] = [];
  const hold = (html: string) => `\uE000${held.push(html) - 1}\uE001`;
  let src = text.replace(/```([\s\S]*?)```/g, (_m, code: string) => hold(`<pre class="bk-pre">${escapeHtml(decodeEntities(code.replace(/^\n/, '')))}</pre>`));
  src = src.replace(/`([^`\n]+)`/g, (_m, code: string) => hold(`<code class="bk-code">${escapeHtml(decodeEntities(code))}</code>`));
  src = src.replace(/<([^<>\n]+)>/g, (_m, token: string) => hold(angleToken(token, options)));

  const out: string[] = [];
  let quote: string[] = [];
  const flushQuote = () => {
    if (quote.length > 0) out.push(`<blockquote class="bk-quote">${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  // A line that starts with a raw ">" is quoted; a quoted ">" in the text arrives as "&gt;".
  for (const line of src.split('\n')) {
    if (line.startsWith('>')) {
      quote.push(inline(line.slice(1)));
    } else {
      flushQuote();
      out.push(inline(line));
    }
  }
  flushQuote();
  const html = out.join('<br>').replace(/<br><blockquote/g, '<blockquote').replace(/<\/blockquote><br>/g, '</blockquote>');
  return html.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => held[Number(i)] ?? '');
}

/** Bold, italic, strike and emoji on a line whose special spans are placeholders. */
function inline(line: string): string {
  let html = escapeHtml(decodeEntities(line));
  // Slack opens a marker after a line start, a space or punctuation, and closes it before one.
  const before = '(^|[\\s([{"\'\\uE001])';
  const after = '(?=$|[\\s.,;:!?)\\]}"\'\\uE000])';
  for (const [mark, tag] of [['\\*', 'b'], ['_', 'i'], ['~', 's']] as const) {
    html = html.replace(new RegExp(`${before}${mark}(?=\\S)([^\\n]*?\\S)${mark}${after}`, 'g'), (_m, lead: string, inner: string) => `${lead}<${tag}>${inner}</${tag}>`);
  }
  return emoji(html);
}

/** One `<…>` token: a link, mention, channel, special mention or date. */
function angleToken(token: string, options: Pick<BlockKitPreviewOptions, 'users' | 'timeZone'>): string {
  const bar = token.indexOf('|');
  const target = bar >= 0 ? token.slice(0, bar) : token;
  const label = bar >= 0 ? token.slice(bar + 1) : undefined;
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = options.users?.[id] ?? (label !== undefined ? decodeEntities(label) : id);
    return `<span class="bk-mention">@${escapeHtml(name)}</span>`;
  }
  if (target.startsWith('#')) return `<span class="bk-mention">#${escapeHtml(decodeEntities(label ?? target.slice(1)))}</span>`;
  if (target.startsWith('!date^')) return `<span class="bk-date">${escapeHtml(slackDate(target, label, options.timeZone ?? 'UTC'))}</span>`;
  if (target.startsWith('!subteam^')) return `<span class="bk-mention">${escapeHtml(decodeEntities(label ?? '@group'))}</span>`;
  if (target.startsWith('!')) return `<span class="bk-mention">@${escapeHtml(target.slice(1))}</span>`;
  const href = decodeEntities(target);
  const shown = label !== undefined ? decodeEntities(label) : href.replace(/^mailto:/, '');
  return `<a class="bk-link" href="${escapeAttr(href)}">${escapeHtml(shown)}</a>`;
}

/** `!date^<unix seconds>^<format>[^<link>]` as Slack prints it, or the fallback for a token it does not know. */
function slackDate(target: string, fallback: string | undefined, timeZone: string): string {
  const [, seconds, format] = target.split('^');
  const at = new Date(Number(seconds) * 1000);
  if (format === undefined || Number.isNaN(at.getTime())) return decodeEntities(fallback ?? target);
  const part = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-US', { timeZone, ...o }).format(at);
  const day = Number(part({ day: 'numeric' }));
  const ordinal = `${day}${day % 100 >= 11 && day % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][day % 10] ?? 'th')}`;
  // The "pretty" forms say "today"/"yesterday" relative to the reader's day; a preview has no
  // reader, so they print as their plain forms.
  const tokens: Record<string, () => string> = {
    date_num: () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at),
    date: () => `${part({ month: 'long' })} ${ordinal}, ${part({ year: 'numeric' })}`,
    date_short: () => part({ month: 'short', day: 'numeric', year: 'numeric' }),
    date_long: () => `${part({ weekday: 'long' })}, ${part({ month: 'long' })} ${ordinal}, ${part({ year: 'numeric' })}`,
    time: () => part({ hour: 'numeric', minute: '2-digit' }),
    time_secs: () => part({ hour: 'numeric', minute: '2-digit', second: '2-digit' }),
  };
  tokens.date_pretty = tokens.date as () => string;
  tokens.date_short_pretty = tokens.date_short as () => string;
  tokens.date_long_pretty = tokens.date_long as () => string;
  let known = true;
  const shown = format.replace(/\{(\w+)\}/g, (m, name: string) => {
    const render = tokens[name];
    if (render === undefined) known = false;
    return render ? render() : m;
  });
  return known ? shown : decodeEntities(fallback ?? target);
}

/** The shortcodes arbot's messages use, drawn as badges (a glyph on a colour) or a small icon; others stay text. */
const PAPERCLIP_SVG =
  '<svg viewBox="0 0 16 16" width="100%" height="100%" aria-hidden="true"><path d="M11 4.5v6.25a3 3 0 0 1-6 0V3.75a2 2 0 0 1 4 0v6.75a1 1 0 0 1-2 0V5" fill="none" stroke="#6b6b6b" stroke-width="1.4" stroke-linecap="round"/></svg>';
const EMOJI: Readonly<Record<string, { html: string; color?: string }>> = {
  white_check_mark: { html: '✔', color: '#2eb67d' },
  heavy_check_mark: { html: '✔', color: '#2eb67d' },
  warning: { html: '!', color: '#e8a723' },
  rotating_light: { html: '!', color: '#e01e5a' },
  information_source: { html: 'i', color: '#1d9bd1' },
  x: { html: '✖', color: '#e01e5a' },
  email: { html: '✉', color: '#1264a3' },
  paperclip: { html: PAPERCLIP_SVG },
};

function emoji(html: string): string {
  return html.replace(/:([a-z0-9_+-]+):/g, (m, name: string) => {
    const e = EMOJI[name];
    if (e === undefined) return m;
    return `<span class="bk-emoji${e.color ? '' : ' bk-emoji-icon'}" title=":${name}:"${e.color ? ` style="background:${e.color}"` : ''}>${e.html}</span>`;
  });
}

function unsupported(kind: 'block' | 'element' | 'text', type: string): string {
  return `<div class="bk-unsupported">${escapeHtml(`${UNSUPPORTED_MARKER} ${kind}: ${type}]`)}</div>`;
}

function lines(html: string): string {
  return html.replace(/\n/g, '<br>');
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Modelled on Slack's light theme: Lato 15px (falling back to the machine's sans-serif), #1d1c1d
// text, links #1264a3, buttons 28–36 px with primary green #007a5a and danger red #e01e5a.
const CSS = `
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1d1c1d; font: 15px/1.46668 Slack-Lato, Lato, "Helvetica Neue", Helvetica, "Segoe UI", Arial, sans-serif; -webkit-font-smoothing: antialiased; }
.message { display: flex; gap: 8px; padding: 8px 20px 16px; width: 680px; background: #fff; }
.avatar { flex: 0 0 36px; height: 36px; border-radius: 6px; background: #1264a3; color: #fff; font-weight: 900; font-size: 18px; display: flex; align-items: center; justify-content: center; margin-top: 4px; }
.content { flex: 1; min-width: 0; }
.meta { display: flex; align-items: baseline; gap: 4px; }
.name { font-weight: 900; }
.app-badge { font-size: 10px; font-weight: 700; color: rgba(29,28,29,.7); background: rgba(29,28,29,.13); border-radius: 2px; padding: 0 3px; line-height: 1.45; }
.time { font-size: 12px; color: #616061; margin-left: 2px; }
.blocks > * { margin-top: 4px; }
.bk-header { font-size: 18px; font-weight: 900; line-height: 1.33; margin: 4px 0 2px; }
.bk-section { display: flex; gap: 12px; }
.bk-main { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.bk-fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; margin-top: 4px; }
.bk-text + .bk-fields { margin-top: 8px; }
.bk-context { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; font-size: 13px; line-height: 1.38; color: #616061; }
.bk-context-image { width: 20px; height: 20px; border-radius: 4px; }
.bk-divider { border: 0; border-top: 1px solid #dddddd; margin: 12px 0 8px; }
.bk-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 4px; }
.bk-button { display: inline-flex; align-items: center; height: 28px; padding: 0 12px; border: 1px solid rgba(29,28,29,.3); border-radius: 4px; background: #fff; color: #1d1c1d; font: inherit; font-size: 13px; font-weight: 700; text-decoration: none; white-space: nowrap; }
.bk-button-primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.bk-button-danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
.bk-select { display: inline-flex; align-items: center; gap: 16px; height: 28px; padding: 0 8px 0 12px; border: 1px solid rgba(29,28,29,.3); border-radius: 4px; font-size: 13px; color: #616061; }
.bk-link { color: #1264a3; text-decoration: none; }
.bk-mention { white-space: nowrap; color: #1264a3; background: rgba(29,155,209,.1); border-radius: 3px; padding: 0 2px; }
.bk-date { color: inherit; }
.bk-quote { margin: 4px 0; padding-left: 12px; border-left: 4px solid #dddddd; }
.bk-code { font: 12px Monaco, Menlo, Consolas, "DejaVu Sans Mono", monospace; color: #e01e5a; background: rgba(29,28,29,.04); border: 1px solid rgba(29,28,29,.13); border-radius: 3px; padding: 2px 3px 1px; }
.bk-pre { font: 12px/1.5 Monaco, Menlo, Consolas, "DejaVu Sans Mono", monospace; background: rgba(29,28,29,.04); border: 1px solid rgba(29,28,29,.13); border-radius: 4px; padding: 8px; margin: 4px 0; white-space: pre-wrap; }
.bk-emoji { display: inline-flex; align-items: center; justify-content: center; width: 1.1em; height: 1.1em; border-radius: 3px; color: #fff; font-size: .8em; font-weight: 900; line-height: 1; vertical-align: -0.15em; margin: 0 1px; }
.bk-emoji-icon { border-radius: 0; }
.bk-image img { max-width: 360px; border-radius: 8px; }
.bk-accessory-image { width: 88px; height: 88px; border-radius: 4px; object-fit: cover; }
.bk-unsupported { color: #e01e5a; font-weight: 700; border: 2px dashed #e01e5a; padding: 4px 8px; }
`;
