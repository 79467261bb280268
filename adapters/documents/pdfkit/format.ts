// Money and dates as a reader of the document's language writes them.
import type { Language } from '../../../core/pipeline/intents.js';
import type { MoneyView } from '../../../core/replies/reply-model.js';
import { documentLanguage } from './labels.js';

// One regional default per language so output does not depend on the host's ICU defaults.
const LOCALES = { en: 'en-US', fr: 'fr-FR', de: 'de-DE', es: 'es-ES', it: 'it-IT', nl: 'nl-NL', pt: 'pt-PT' } as const;

/** The BCP 47 locale documents in this language are formatted with. */
export function documentLocale(language: Language): string {
  return LOCALES[documentLanguage(language)];
}

// Building an Intl formatter costs far more than using one; a 200-line statement formats ~1,000 values.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  const hit = formatters.get(key);
  if (hit) return hit as T;
  const made = make();
  formatters.set(key, made);
  return made;
}

/** Formats an amount in its currency, e.g. "$12,450.00" (en) or "12.450,00 €" (de). */
export function formatMoney(money: MoneyView, language: Language): string {
  const locale = documentLocale(language);
  // Intl throws a RangeError on a malformed code; print such amounts as number + code instead.
  if (!/^[A-Za-z]{3}$/.test(money.currency)) {
    const plain = cached(`n:${locale}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    return `${plain.format(money.amount)} ${money.currency}`;
  }
  const currency = money.currency.toUpperCase();
  return cached(`c:${locale}:${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency })).format(money.amount);
}

/** Formats a whole number such as a day count, e.g. "1,250" (en) or "1.250" (de). */
export function formatCount(n: number, language: Language): string {
  const locale = documentLocale(language);
  return cached(`i:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(n);
}

/** Formats a calendar date (stored as UTC midnight) in the medium style of the language. */
export function formatDate(date: Date, language: Language): string {
  const locale = documentLocale(language);
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(date);
}
