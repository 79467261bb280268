import { describe, expect, it } from 'vitest';
import { prepareText } from '../text/prepare.js';
import { isAutoReplySubject, isReplySubject, machineSubjectPrefix } from './auto-reply-subject.js';
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

  it('read a damaged file as no damaged delivery, in each language', () => {
    for (const s of [
      'The PDF attachment cannot be opened, the file seems to be damaged.',
      'Le fichier PDF est endommagé.',
      'Die Datei ist beschädigt.',
      'Beschädigte PDF-Datei erhalten.',
      'El archivo adjunto venía dañado.',
      'Il file allegato è danneggiato.',
      'De bijlage is beschadigd.',
      'O ficheiro anexo está danificado.',
    ]) {
      expect(cues(s).strong.dispute, s).toBe(0);
    }
    for (const s of [
      'Two of the pallets arrived damaged.',
      'Les colis sont arrivés endommagés.',
      'Die Ware ist beschädigt angekommen.',
      'La mercancía llegó dañada.',
      'La merce è arrivata danneggiata.',
      'De goederen zijn beschadigd geleverd.',
      'A mercadoria chegou danificada.',
    ]) {
      expect(cues(s).strong.dispute, s).toBeGreaterThan(0);
    }
  });

  it('read German address changes written verb-last or as a noun', () => {
    for (const s of [
      'Bitte beachten Sie, dass sich ab dem 1.3.2027 unsere Rechnungsanschrift ändert.',
      'Änderung der Rechnungsanschrift',
      'Bitte passen Sie Ihre Stammdaten entsprechend an.',
    ]) {
      expect(cues(s).strong.contact_update, s).toBeGreaterThan(0);
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

  it('read Swedish, which customers of Nordic suppliers write in', () => {
    expect(cues('Kan ni skicka en kopia på faktura 2210?').strong.invoice_copy).toBeGreaterThan(0);
    expect(cues('Skicka ett kontoutdrag med alla öppna poster').strong.balance_statement).toBeGreaterThan(0);
    expect(cues('Vi väntar på en kreditnota för returnerade pallar').strong.dispute).toBeGreaterThan(0);
    expect(cues('Ditt meddelande\n\nlästes den 2 mars').strong.auto_reply).toBeGreaterThan(0);
  });

  it('do not read English words as Swedish or French cues', () => {
    expect(cues('we help companies double their leads in 90 days').strong.invoice_copy).toBe(0);
    expect(cues('a message from our team').weak.contact_update).toBe(0);
  });

  it('read verbs placed last in Dutch and German subordinate clauses', () => {
    expect(cues('dat wij vandaag het saldo van factuur 4410 hebben overgeschreven').strong.remittance_advice).toBeGreaterThan(0);
    expect(cues('dass wir heute den Restbetrag der Rechnung 881 überwiesen haben').strong.remittance_advice).toBeGreaterThan(0);
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
    expect(isAutoReplySubject('last: faktura 2026-0001')).toBe(true);
  });

  it('separate the machine prefix from the subject of the message it reports on', () => {
    expect(machineSubjectPrefix('gelezen: overzicht openstaande posten')).toBe('gelezen:');
    expect(machineSubjectPrefix('invoice copy request')).toBe('');
  });

  it('recognise replies and forwards', () => {
    expect(isReplySubject('re: aw: statement')).toBe(true);
    expect(isReplySubject('tr: facture')).toBe(true);
    expect(isReplySubject('reminder')).toBe(false);
  });
});
