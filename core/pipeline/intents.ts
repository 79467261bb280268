// The intent taxonomy (../shared/datasets/FORMAT.md): what an email asks or tells us.
export const INTENTS = [
  'invoice_copy',
  'balance_statement',
  'payment_status',
  'remittance_advice',
  'dispute',
  'tax_form_request',
  'contact_update',
  'auto_reply',
  'other',
] as const;

export type Intent = (typeof INTENTS)[number];

/** Intents an automatic reply can answer straight from the system of record. */
export const SOR_ANSWERABLE: ReadonlySet<Intent> = new Set(['invoice_copy', 'balance_statement', 'payment_status']);

export function isIntent(v: unknown): v is Intent {
  return typeof v === 'string' && (INTENTS as readonly string[]).includes(v);
}

/** Languages the pipeline understands (ISO 639-1); 'und' when undetermined. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number] | 'und';
