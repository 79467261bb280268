/** ISO 4217 currency code, e.g. "USD". Amounts are plain numbers in major units (12450.5 = 12,450.50). */
export type CurrencyCode = string;
