// The wording rules in every language: a settled account or a paid or void invoice is never
// asked to be paid, a paid copy says paid, a void copy says void, a partly paid one shows what remains.
import { describe, expect, it } from 'vitest';
import { replyViewModel } from '../test/fixtures/reply-view-model.js';
import { loadTemplates } from './engine.js';
import { LOCALES, type TemplateLanguage } from './locales.js';

const templates = await loadTemplates();

const RULES: Record<TemplateLanguage, { owing: RegExp; paid: string; void: string; settled: string }> = {
  en: { owing: /please pay|amount due|balance/i, paid: 'paid in full', void: 'is void', settled: 'settled' },
  fr: { owing: /veuillez (payer|régler)|montant dû|solde/i, paid: 'entièrement payée', void: 'annulée', settled: 'à jour' },
  de: { owing: /bitte (zahlen|überweisen)|offener betrag|saldo/i, paid: 'vollständig bezahlt', void: 'storniert', settled: 'ausgeglichen' },
  es: { owing: /por favor pague|importe pendiente|saldo/i, paid: 'pagada en su totalidad', void: 'anulada', settled: 'al día' },
  it: { owing: /si prega di pagare|importo dovuto|saldo/i, paid: 'pagata per intero', void: 'annullata', settled: 'in regola' },
  nl: { owing: /gelieve te betalen|openstaand bedrag|saldo/i, paid: 'volledig betaald', void: 'geannuleerd', settled: 'vereffend' },
  pt: { owing: /por favor pague|montante em dívida|saldo/i, paid: 'totalmente paga', void: 'anulada', settled: 'regularizada' },
};

describe.each(Object.entries(RULES) as Array<[TemplateLanguage, (typeof RULES)[TemplateLanguage]]>)('wording in %s', (language, rule) => {
  it('a settled account is settled, with no request to pay', async () => {
    const out = templates.render(await replyViewModel({ language, customerId: 'C2', intents: ['balance_statement'] }));
    expect(out.text).toContain(rule.settled);
    expect(out.html).toContain(rule.settled);
    for (const body of [out.subject, out.text, out.html]) expect(body).not.toMatch(rule.owing);
  });

  it('a paid copy says paid and a void copy says void, neither asks for payment', async () => {
    for (const [number, phrase] of [['INV-1006', rule.paid], ['INV-1007', rule.void]] as const) {
      const out = templates.render(await replyViewModel({ language, invoiceNumbers: [number] }));
      expect(out.text).toContain(phrase);
      expect(out.html).toContain(phrase);
      expect(out.text).not.toMatch(rule.owing);
    }
  });

  it('a partly paid copy shows the remaining balance', async () => {
    const out = templates.render(await replyViewModel({ language, invoiceNumbers: ['INV-1003'] }));
    const remaining = new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'USD' }).format(300);
    expect(out.text).toContain(remaining);
    expect(out.html).toContain(remaining);
  });
});
