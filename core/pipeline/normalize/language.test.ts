// Short AR sentences per language: the texts the detector choice (eld over tinyld) was made on.
import { describe, expect, it } from 'vitest';
import type { Language } from '../intents.js';
import { detectLanguage } from './language.js';

const SENTENCES: Record<Exclude<Language, 'und'>, string[]> = {
  en: ['Please send a copy of INV-204518.', 'Can you confirm you received our payment?', 'Statement please', 'We short paid this invoice because of damaged goods.', 'can u send me inv 204893? never got it. thx', 'Got them both, thank you!'],
  fr: ['Merci de nous envoyer une copie de la facture INV-204518.', 'Pourriez-vous confirmer la réception de notre virement?', 'Relevé de compte svp', 'Merci!', 'Veuillez trouver ci-joint notre avis de paiement.', 'Paiement effectué'],
  de: ['Bitte senden Sie uns eine Kopie der Rechnung INV-204518.', 'Bitte bestätigen Sie den Eingang unserer Überweisung.', 'Kontoauszug bitte', 'Danke, erhalten.', 'Anbei unser Zahlungsavis.', 'Zahlung erfolgt'],
  es: ['Por favor envíenos una copia de la factura INV-204518.', '¿Pueden confirmar la recepción de nuestra transferencia?', 'Estado de cuenta por favor', 'Gracias, recibido.', 'Adjunto el comprobante de pago.', 'Pago realizado'],
  it: ['Vi preghiamo di inviarci una copia della fattura INV-204518.', "Potete confermare l'avvenuto accredito del bonifico?", 'Estratto conto per favore', 'Grazie, ricevuto.', 'In allegato la contabile del pagamento.', 'Grazie mille!'],
  nl: ['Kunt u ons een kopie van factuur INV-204518 sturen?', 'Kunt u bevestigen dat de betaling is ontvangen?', 'Rekeningoverzicht graag', 'Bedankt, ontvangen.', 'Wij betwisten het bedrag op de factuur.', 'Betaling gedaan'],
  pt: ['Solicitamos o envio de uma cópia da fatura INV-204518.', 'Podem confirmar a receção da nossa transferência?', 'Extrato de conta por favor', 'Obrigado, recebido.', 'Segue em anexo o comprovativo de pagamento.', 'Muito obrigado!'],
};

describe('detectLanguage', () => {
  for (const [language, sentences] of Object.entries(SENTENCES)) {
    it.each(sentences)(`${language}: %s`, async (sentence) => {
      const guess = await detectLanguage(sentence, '');
      expect(guess.language).toBe(language);
      expect(guess.confidence).toBeGreaterThan(0);
      expect(guess.confidence).toBeLessThanOrEqual(1);
    });
  }

  it('is sure of a long text and less sure of a two-word one', async () => {
    const long = await detectLanguage('Sehr geehrte Damen und Herren, bitte bestätigen Sie uns den Eingang unserer Überweisung vom 10.11.2026 und die Zuordnung zu den Rechnungen.', '');
    const short = await detectLanguage('Zahlung erfolgt', '');
    expect(long.confidence).toBe(1);
    expect(short.confidence).toBeLessThan(long.confidence);
  });

  it('falls back to the subject and whole body when the new text is too short', async () => {
    expect((await detectLanguage('OK', 'Relevé de compte\nBonjour, pourriez-vous nous envoyer le relevé de compte à jour?')).language).toBe('fr');
  });

  it("says 'und' when there is nothing to go on or the language is not supported", async () => {
    expect(await detectLanguage('', '')).toEqual({ language: 'und', confidence: 0 });
    expect(await detectLanguage('INV-204518 12.00', '')).toEqual({ language: 'und', confidence: 0 });
    expect((await detectLanguage('Здравствуйте, пришлите, пожалуйста, копию счёта.', '')).language).toBe('und');
  });
});
