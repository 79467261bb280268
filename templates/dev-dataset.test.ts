// Acceptance: a reply renders, in the email's language, for every auto_reply email of the dev dataset.
import { describe, expect, it } from 'vitest';
import { parseAndNormalize } from '../core/pipeline/parse/index.js';
import { InMemorySor } from '../core/pipeline/in-memory-sor.js';
import { buildReplyViewModel } from '../core/replies/view-model.js';
import { loadDevDataset } from '../test/fixtures/dev-dataset.js';
import { loadTemplates } from './engine.js';
import { templateLanguage, type TemplateLanguage } from './locales.js';

const dataset = await loadDevDataset();
const sor = new InMemorySor(dataset.sor);
const templates = await loadTemplates();
const autoReplies = dataset.labels.filter((l) => l.expected === 'auto_reply');

/** Languages of the non-English auto_reply emails, as a person reads them; every other one is English. */
const LANGUAGE_OF: Readonly<Record<string, TemplateLanguage>> = {
  '002.eml': 'fr', '003.eml': 'de', '014.eml': 'fr', '016.eml': 'de', '018.eml': 'es', '021.eml': 'nl', '024.eml': 'pt', '053.eml': 'fr',
};

const CLOSING: Readonly<Record<TemplateLanguage, string>> = {
  en: 'Kind regards,', fr: 'Cordialement,', de: 'Mit freundlichen Grüßen', es: 'Atentamente,',
  it: 'Cordiali saluti,', nl: 'Met vriendelijke groet,', pt: 'Com os melhores cumprimentos,',
};

describe('replies to the dev dataset\'s auto_reply emails', () => {
  it('covers every language the dataset writes in', () => {
    expect(autoReplies.length).toBeGreaterThan(15);
    expect(new Set(Object.values(LANGUAGE_OF))).toEqual(new Set(['fr', 'de', 'es', 'nl', 'pt']));
  });

  it.each(autoReplies.map((l) => [l.file, l] as const))('%s renders in its language', async (file, label) => {
    const raw = dataset.emails.get(file);
    if (!raw || !label.customerId) throw new Error(`${file}: no email or no customer`);
    const { parsed, normalized } = await parseAndNormalize(raw);
    const from = parsed.from;
    if (!from) throw new Error(`${file}: no From address`);
    const known = (await sor.contactsByEmail(from.address)).find((c) => c.customerSorId === label.customerId);
    const name = known?.name ?? from.name;
    const vm = await buildReplyViewModel(
      { intents: label.intents, language: normalized.language, customerId: label.customerId, invoiceNumbers: label.invoiceNumbers, contact: { ...(name ? { name } : {}), email: from.address } },
      sor,
      dataset.sor.company,
    );
    const out = templates.render(vm);

    const language = templateLanguage(normalized.language);
    expect(language).toBe(LANGUAGE_OF[file] ?? 'en');
    expect(out.html).toContain(`<html lang="${language}">`);
    expect(out.text).toContain(CLOSING[language]);
    expect(out.subject).toContain(vm.customer.accountNumber);
    for (const number of label.invoiceNumbers) {
      expect(out.text).toContain(number);
      expect(out.html).toContain(number);
    }
  });
});
