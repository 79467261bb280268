import { describe, expect, it } from 'vitest';
import { blankCopyRequestPhrases, tripwires } from './tripwires.js';

const disputeCue = (text: string): string | undefined => tripwires(text, ['invoice_copy']).find((t) => t.intent === 'dispute')?.cue;

describe('tripwires: a duplicate copy asked for is not duplicate billing', () => {
  it.each([
    'Merci de nous faire parvenir un duplicata de la facture F-2211, nous ne la retrouvons pas.',
    "Pourriez-vous nous renvoyer le duplicata de votre facture n° 2026/0042 ?",
    "Nous aurions besoin d'un duplicata de la facture 7781.",
    'Demande : duplicata facture 7781',
    '¿Nos pueden enviar un duplicado de la factura 4410? No la encontramos.',
    'Potete inviarci un duplicato della fattura 3310? Non la troviamo più.',
    'Podem enviar-nos o duplicado da fatura 5520, por favor?',
    'Could you send us a duplicate copy of invoice 1182?',
    'Please send a duplicate of invoice 1182, we cannot find ours.',
  ])('%s', (text) => {
    expect(disputeCue(text)).toBeUndefined();
  });
});

describe('tripwires: duplicate billing still trips', () => {
  it.each([
    'La facture 7790 est un duplicata de la facture 7781 : nous ne paierons pas deux fois.',
    "Vous nous avez facturé en double la livraison du 3 mars.",
    'La factura 4411 está duplicada, ya pagamos la 4410.',
    'La factura 4411 es un duplicado de la 4410.',
    'La fattura 3311 è duplicata: è la stessa consegna della 3310.',
    'La fattura 3311 è un duplicato della 3310.',
    'A fatura 5521 foi cobrada em duplicidade.',
    'Die Rechnung 8810 wurde doppelt berechnet.',
    'Factuur 9910 is dubbel gefactureerd.',
    'We received a duplicate invoice for the same delivery.',
    'You have double billed us for order 7781.',
  ])('%s', (text) => {
    expect(disputeCue(text)).toBeDefined();
  });
});

describe('tripwires: a damaged file sent again is not damaged goods', () => {
  it.each([
    'We received invoice 2210 but the PDF attachment cannot be opened (the file seems to be damaged). Could you please send the invoice again?',
    'The attachment you sent us is damaged, please resend it.',
    'Le fichier PDF est endommagé, pouvez-vous nous renvoyer la facture 2210 ?',
    'Die Datei, die Sie uns geschickt haben, ist beschädigt. Bitte senden Sie die Rechnung erneut.',
    'Der Anhang ist fehlerhaft, bitte nochmals schicken.',
    'El archivo adjunto está dañado, ¿nos pueden reenviar la factura?',
    "Il file allegato è danneggiato, potete inviarlo di nuovo?",
    'Het bestand is beschadigd, kunt u de factuur opnieuw sturen?',
    'O ficheiro anexo está danificado, podem enviar novamente a fatura?',
    'Beschädigte PDF-Datei – bitte erneut senden.',
  ])('%s', (text) => {
    expect(disputeCue(text)).toBeUndefined();
  });
});

describe('tripwires: damaged goods still trip', () => {
  it.each([
    'Half of the pallets arrived damaged, please resend the invoice with the correct quantity.',
    'The goods in the attached photos are damaged. Please send a new invoice.',
    'Attached are photos: the items are damaged, please issue a credit.',
    'Les colis sont arrivés endommagés, merci de renvoyer une facture corrigée.',
    'Die Ware ist beschädigt angekommen, bitte senden Sie die Rechnung erneut mit Gutschrift.',
    'La mercancía llegó dañada, reenvíen la factura corregida.',
    'La merce è arrivata danneggiata, rimandateci la fattura corretta.',
    'De goederen zijn beschadigd geleverd, stuur de factuur opnieuw.',
    'A mercadoria chegou danificada, enviem novamente a fatura.',
    // A damaged file with no request to send it again: kept for a person.
    'The PDF file is damaged.',
  ])('%s', (text) => {
    expect(disputeCue(text)).toBeDefined();
  });
});

describe('blankCopyRequestPhrases', () => {
  it('leaves other text as it is', () => {
    const text = 'Please send a copy of invoice 1182 and tell us the balance.';
    expect(blankCopyRequestPhrases(text)).toBe(text);
  });
  it('only narrows the dispute cues', () => {
    expect(tripwires('Un duplicata de la facture 7781, svp. Nous avons effectué le virement hier.', ['invoice_copy']).map((t) => t.intent)).toEqual([
      'remittance_advice',
    ]);
  });
});
