// Template helpers: money and dates formatted with Intl for the reply's locale, and equality.

/** A handlebars helper: template arguments first, handlebars' options object last. */
export type TemplateHelper = (...args: unknown[]) => unknown;

function isMoney(v: unknown): v is { amount: number; currency: string } {
  return typeof v === 'object' && v !== null && typeof (v as { amount?: unknown }).amount === 'number' && typeof (v as { currency?: unknown }).currency === 'string';
}

function describe(v: unknown): string {
  return v === null || typeof v !== 'object' ? JSON.stringify(v) ?? String(v) : `an object with ${Object.keys(v).join(', ') || 'no fields'}`;
}

/** The helpers for one locale: `{{money m}}` or `{{money amount currency}}`, `{{date d}}`, `(eq a b)`. */
export function templateHelpers(locale: string): Record<string, TemplateHelper> {
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const formatMoney = (amount: number, currency: string): string => {
    let format = moneyFormats.get(currency);
    if (!format) moneyFormats.set(currency, (format = new Intl.NumberFormat(locale, { style: 'currency', currency })));
    return format.format(amount);
  };
  return {
    money: (...args) => {
      const [value, currency] = args.slice(0, -1);
      if (isMoney(value)) return formatMoney(value.amount, value.currency);
      if (typeof value === 'number' && typeof currency === 'string') return formatMoney(value, currency);
      throw new TypeError(`money expects an amount with its currency ({{money balance}} or {{money total currency}}), got ${describe(value)}`);
    },
    date: (...args) => {
      const [value] = args;
      if (value instanceof Date && !Number.isNaN(value.getTime())) return dateFormat.format(value);
      throw new TypeError(`date expects a date, got ${describe(value)}`);
    },
    eq: (...args) => args.length === 3 && args[0] === args[1],
  };
}
