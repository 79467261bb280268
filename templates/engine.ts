// Loads the reply templates (bundled, with a manager's overrides), checks every one at load
// time, and renders a view model to subject, HTML and text. The only handlebars user.
import Handlebars from 'handlebars';
import type { RenderedReply, ReplyViewModel } from '../core/replies/reply-model.js';
import { toTemplateContext, type TemplateContext } from './context.js';
import { templateHelpers } from './helpers.js';
import { LOCALES, type TemplateLanguage } from './locales.js';
import { SAMPLE_VIEW_MODELS } from './sample-view-models.js';
import { strictContext } from './strict-context.js';
import { TemplateLoadError, TemplateRenderError } from './template-error.js';
import { readTemplateSources, SECTION_PARTS, type LanguageSources, type TemplatePart, type TemplateSource } from './template-files.js';

/** The templates shipped with arbot (this folder). */
export const BUNDLED_TEMPLATES_DIR = import.meta.dirname;

export interface LoadTemplatesOptions {
  /** Folder with every template (default: the bundled ones). */
  dir?: string;
  /** A manager's folder with the same layout; each file in it replaces the bundled one. */
  overridesDir?: string;
}

/** A reply's subject (for a new thread), HTML and text. */
export type RenderedText = Pick<RenderedReply, 'subject' | 'html' | 'text'>;

/** Loaded, checked templates. */
export interface TemplateSet {
  /** Renders the reply in the view model's language (English when undetermined); throws TemplateRenderError naming the file. */
  render(vm: ReplyViewModel): RenderedText;
}

type Handlebars = typeof Handlebars;
type Compiled = Handlebars.TemplateDelegate<TemplateContext>;

interface LanguageTemplates {
  subject: Compiled;
  html: Compiled;
  text: Compiled;
}

/** Parts shared by both formats: plain-text phrases, escaped in HTML. */
const SHARED_PARTS = ['invoice_status', 'payment_method'] as const satisfies readonly TemplatePart[];

/** Handlebars' strict-mode message `"x" not defined in [object Object] - 3:7` (0-based column), said plainly. */
function problemOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const strict = /^"(.+)" not defined in .* - (\d+):(\d+)$/s.exec(message);
  return strict ? `unknown field "${strict[1]}" at line ${strict[2]}, column ${Number(strict[3]) + 1}` : message;
}

/** Line of the first {{{ }}} or {{& }} in the template's syntax tree, if any. */
function unescapedLine(node: unknown): number | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const line = unescapedLine(child);
      if (line !== undefined) return line;
    }
    return undefined;
  }
  if (node === null || typeof node !== 'object') return undefined;
  const n = node as { type?: unknown; escaped?: unknown; loc?: { start?: { line?: number } } };
  if (n.type === 'MustacheStatement' && n.escaped === false) return n.loc?.start?.line ?? 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    const line = unescapedLine(value);
    if (line !== undefined) return line;
  }
  return undefined;
}

/** Compiles one file; render errors come out as TemplateRenderError naming the innermost file. */
function compileFile(hb: Handlebars, { file, source }: TemplateSource, format: 'html' | 'text'): Compiled {
  let ast: ReturnType<Handlebars['parse']>;
  try {
    ast = hb.parse(source);
  } catch (err) {
    throw new TemplateLoadError(file, `does not compile: ${problemOf(err)}`, { cause: err });
  }
  const line = format === 'html' ? unescapedLine(ast) : undefined;
  if (line !== undefined) {
    throw new TemplateLoadError(file, `line ${line} turns HTML escaping off ({{{ }}} or {{& }}); use {{ }} so customer data stays escaped`);
  }
  const compiled = hb.compile<TemplateContext>(source, { strict: true, noEscape: format === 'text' });
  return (context, options) => {
    try {
      return compiled(context, options);
    } catch (err) {
      if (err instanceof TemplateRenderError) throw err;
      throw new TemplateRenderError(file, problemOf(err), { cause: err });
    }
  };
}

/** A handlebars environment for one language and format, with its helpers and partials. */
function environment(language: TemplateLanguage, sources: LanguageSources, format: 'html' | 'text'): Handlebars {
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(templateHelpers(LOCALES[language]))) hb.registerHelper(name, helper);
  for (const part of [...SECTION_PARTS.map((p) => `${p}.${format}` as const), ...SHARED_PARTS]) {
    const { file, source: text } = source(sources, part);
    // Shared parts are phrases used inside a sentence: the file's final line break is not part of them.
    const body = (SHARED_PARTS as readonly string[]).includes(part) ? text.replace(/(\r?\n)+$/, '') : text;
    hb.registerPartial(part.replace(/\.(html|text)$/, ''), compileFile(hb, { file, source: body }, format));
  }
  return hb;
}

function source(sources: LanguageSources, part: TemplatePart): TemplateSource {
  const found = sources.get(part);
  if (!found) throw new Error(`template part ${part} was not read`);
  return found;
}

function compileLanguage(language: TemplateLanguage, sources: LanguageSources): LanguageTemplates {
  const html = environment(language, sources, 'html');
  const text = environment(language, sources, 'text');
  return {
    subject: compileFile(text, source(sources, 'subject'), 'text'),
    html: compileFile(html, source(sources, 'wrapper.html'), 'html'),
    text: compileFile(text, source(sources, 'wrapper.text'), 'text'),
  };
}

/** Text lines without trailing blanks, at most one empty line in a row. */
function tidyText(s: string): string {
  return `${s.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** HTML without the blank lines block helpers leave behind. */
function tidyHtml(s: string): string {
  return `${s.replace(/\r\n?/g, '\n').replace(/\n[ \t]*(?=\n)/g, '').trim()}\n`;
}

function renderWith(t: LanguageTemplates, context: TemplateContext): RenderedText {
  return {
    subject: t.subject(context).replace(/\s+/g, ' ').trim(),
    html: tidyHtml(t.html(context)),
    text: tidyText(t.text(context)),
  };
}

/** Renders every sample view model in `language`, so a missing field or partial fails now rather than at send time. */
function check(language: TemplateLanguage, t: LanguageTemplates): void {
  for (const [name, sample] of Object.entries(SAMPLE_VIEW_MODELS)) {
    try {
      renderWith(t, strictContext(toTemplateContext({ ...sample, language })));
    } catch (err) {
      if (!(err instanceof TemplateRenderError)) throw err;
      throw new TemplateLoadError(err.file, `${err.problem} (found rendering the sample view model "${name}")`, { cause: err });
    }
  }
}

/** Reads, compiles and checks every template; throws TemplateLoadError naming the file and the problem. */
export async function loadTemplates(options: LoadTemplatesOptions = {}): Promise<TemplateSet> {
  const sources = await readTemplateSources(options.dir ?? BUNDLED_TEMPLATES_DIR, options.overridesDir);
  const languages = new Map<TemplateLanguage, LanguageTemplates>();
  for (const [language, parts] of sources) {
    const templates = compileLanguage(language, parts);
    check(language, templates);
    languages.set(language, templates);
  }
  return {
    render(vm) {
      const context = toTemplateContext(vm);
      const templates = languages.get(context.language);
      if (!templates) throw new Error(`no templates for language ${context.language}`);
      return renderWith(templates, context);
    },
  };
}
