// The languages replies are written in, and the Intl locale each one formats money and dates with.
import { LANGUAGES, type Language } from '../core/pipeline/intents.js';

/** A language with its own template folder. */
export type TemplateLanguage = (typeof LANGUAGES)[number];

/** Every template language, in folder order. */
export const TEMPLATE_LANGUAGES: readonly TemplateLanguage[] = LANGUAGES;

/** Locale used for Intl formatting in each language's replies. */
export const LOCALES: Readonly<Record<TemplateLanguage, string>> = {
  en: 'en-US',
  fr: 'fr-FR',
  de: 'de-DE',
  es: 'es-ES',
  it: 'it-IT',
  nl: 'nl-NL',
  pt: 'pt-PT',
};

/** The folder a reply in `language` is rendered from: English when the language is undetermined. */
export function templateLanguage(language: Language): TemplateLanguage {
  return language === 'und' ? 'en' : language;
}

/** Whether a folder name is a template language. */
export function isTemplateLanguage(name: string): name is TemplateLanguage {
  return (TEMPLATE_LANGUAGES as readonly string[]).includes(name);
}
