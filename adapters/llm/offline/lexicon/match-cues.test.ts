import { describe, expect, it } from 'vitest';
import { prepareText } from '../text/prepare.js';
import { isAutoReplySubject, isReplySubject } from './auto-reply-subject.js';
import { matchCues } from './match-cues.js';

const cues = (text: string) => matchCues(prepareText('', text, 'und').text);

describe('cue phrases', () => {
  it('fire on strong phrases in each language', () => {
    expect(cues('copy of invoice INV-204518').strong.invoice_copy).toBeGreaterThan(0);
    expect(cues('copie de la facture 204518').strong.invoice_copy).toBeGreaterThan(0);
    expect(cues('Rechnungskopie 204518').strong.invoice_copy).toBeGreaterThan(0);
    expect(cues('copia de la factura 204518').strong.invoice_copy).toBeGreaterThan(0);
    expect(cues('copia della fattura 204518').strong.invoice_copy).toBeGreaterThan(0);
    expect(cues('kopie van de factuur 204518').strong.invoice_copy).toBeGreaterThan(0);
    expect(cues('segunda via da fatura').strong.invoice_copy).toBeGreaterThan(0);
    for (const s of ['statement of account', 'relevé de compte', 'Kontoauszug', 'estado de cuenta', 'estratto conto', 'rekeningoverzicht', 'extrato de conta']) {
      expect(cues(s).strong.balance_statement, s).toBeGreaterThan(0);
    }
    for (const s of ['remittance advice attached', 'avis de paiement', 'Zahlungsavis', 'aviso de pago', 'avviso di pagamento', 'betalingsadvies', 'aviso de pagamento']) {
      expect(cues(s).strong.remittance_advice, s).toBeGreaterThan(0);
    }
  });

  it('keep tax form names whole ("W-9" is not a reference)', () => {
    expect(cues('please send your W-9').strong.tax_form_request).toBeGreaterThan(0);
    expect(cues('please send your W-9').strong.invoice_copy).toBe(0);
  });

  it('do not count what an acknowledgement mentions', () => {
    const hits = cues('Thanks for sending the copy of invoice 204518!');
    expect(hits.acknowledgement).toBe(true);
    expect(hits.strong.invoice_copy).toBe(0);
  });

  it('count the same words matched by several languages once', () => {
    expect(cues('W-9').strong.tax_form_request).toBe(1);
  });
});

describe('subjects', () => {
  it('recognise machine-written subjects in the seven languages', () => {
    for (const s of ['automatic reply: invoice', 'reponse automatique : facture', 'automatische antwort: rechnung', 'respuesta automatica: factura', 'risposta automatica: fattura', 'automatisch antwoord: factuur', 'resposta automatica: fatura', 'out of office', 'undeliverable: statement', 'delivery status notification (failure)', 'read: invoice 1', 'lu : facture 1', 'gelesen: rechnung 1']) {
      expect(isAutoReplySubject(s), s).toBe(true);
    }
    expect(isAutoReplySubject('invoice copy request')).toBe(false);
  });

  it('recognise replies and forwards', () => {
    expect(isReplySubject('re: aw: statement')).toBe(true);
    expect(isReplySubject('tr: facture')).toBe(true);
    expect(isReplySubject('reminder')).toBe(false);
  });
});
