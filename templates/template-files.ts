// The template files of every language: the bundled folder, with a manager's override folder
// (same layout) replacing files one by one.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isTemplateLanguage, TEMPLATE_LANGUAGES, type TemplateLanguage } from './locales.js';
import { TemplateLoadError } from './template-error.js';

/** Section partials, one per answerable intent, in HTML and text. */
export const SECTION_PARTS = ['invoice_copy', 'balance_statement', 'payment_status'] as const;

/** Every file a language folder holds, without the .hbs extension. */
export const TEMPLATE_PARTS = [
  'subject',
  'wrapper.html',
  'wrapper.text',
  ...SECTION_PARTS.flatMap((p) => [`${p}.html`, `${p}.text`] as const),
  // Plain-text phrases used by both formats.
  'invoice_status',
  'payment_method',
] as const;

export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

/** One template's source and where it came from. */
export interface TemplateSource {
  /** Path of the file, for error messages. */
  file: string;
  source: string;
}

export type LanguageSources = ReadonlyMap<TemplatePart, TemplateSource>;

function isTemplatePart(name: string): name is TemplatePart {
  return (TEMPLATE_PARTS as readonly string[]).includes(name);
}

async function isDirectory(path: string): Promise<boolean> {
  const s = await stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  return s?.isDirectory() ?? false;
}

/** Every part of every language from the bundled folder; each must be there. */
async function readBundled(dir: string): Promise<Map<TemplateLanguage, Map<TemplatePart, TemplateSource>>> {
  const out = new Map<TemplateLanguage, Map<TemplatePart, TemplateSource>>();
  for (const language of TEMPLATE_LANGUAGES) {
    const parts = new Map<TemplatePart, TemplateSource>();
    for (const part of TEMPLATE_PARTS) {
      const file = join(dir, language, `${part}.hbs`);
      const source = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw new TemplateLoadError(file, err.code === 'ENOENT' ? 'missing: every language needs every template' : err.message, { cause: err });
      });
      parts.set(part, { file, source });
    }
    out.set(language, parts);
  }
  return out;
}

/** Lays the override folder's files over `sources`; unknown languages or template names are errors, not ignored. */
async function applyOverrides(overridesDir: string, sources: Map<TemplateLanguage, Map<TemplatePart, TemplateSource>>): Promise<void> {
  if (!(await isDirectory(overridesDir))) throw new TemplateLoadError(overridesDir, 'the template overrides folder does not exist');
  for (const entry of await readdir(overridesDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const folder = join(overridesDir, entry.name);
    if (!isTemplateLanguage(entry.name)) {
      throw new TemplateLoadError(folder, `not a template language; use one of ${TEMPLATE_LANGUAGES.join(', ')}`);
    }
    const parts = sources.get(entry.name);
    for (const name of (await readdir(folder)).sort()) {
      if (!name.endsWith('.hbs')) continue;
      const file = join(folder, name);
      const part = name.slice(0, -'.hbs'.length);
      if (!isTemplatePart(part)) throw new TemplateLoadError(file, `unknown template name; use one of ${TEMPLATE_PARTS.map((p) => `${p}.hbs`).join(', ')}`);
      parts?.set(part, { file, source: await readFile(file, 'utf8') });
    }
  }
}

/** The sources of every language: bundled files, replaced by any override of the same path. */
export async function readTemplateSources(dir: string, overridesDir?: string): Promise<ReadonlyMap<TemplateLanguage, LanguageSources>> {
  const sources = await readBundled(dir);
  if (overridesDir !== undefined) await applyOverrides(overridesDir, sources);
  return sources;
}
