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

describe('tripwires: a price or charge disagreement without the word "dispute"', () => {
  it.each([
    // en
    'Please send invoice 5512 again. Also, you charged us 4.10 per unit, which is more than the 3.90 we were quoted.',
    'The rate on invoice 5512 is not the rate we agreed with your account manager.',
    'The unit price on invoice 5512 differs from the order confirmation you sent in May.',
    'We were billed 1,480.00 instead of 1,280.00 for the pallets.',
    'Kindly correct invoice 5512 before we pay it.',
    'Per our contract price of 2.15 the total should be lower.',
    'The cartons should have been billed at 0.82 each.',
    // es
    'Nos facturaron las cajas a un precio mayor de lo que nos cotizaron en enero.',
    'Ese ya no es el precio que acordamos con su ejecutivo.',
    'Les pido que rectifiquen la factura 7710 antes de pagarla.',
    'Nos cobraron 3.100,00 en lugar de 2.900,00 por el flete.',
    'El precio unitario difiere de la confirmación del pedido.',
    // pt
    'Vocês cobraram R$ 0,45 a mais por unidade na NF 3321.',
    'Esse não é o preço combinado com o vendedor.',
    'Por favor corrijam a fatura antes de pagarmos.',
    'O valor da nota não bate com o pedido de compra.',
    // fr
    'Vous nous avez facturé les palettes plus cher que le prix convenu.',
    "Ce n'est pas le prix négocié avec votre commercial.",
    'Le montant ne correspond pas au devis que nous avons signé.',
    'Merci de corriger la facture avant que nous la réglions.',
    // de
    'Sie haben uns 4,20 EUR pro Stück berechnet, das ist mehr als vereinbart.',
    'Der Preis auf Ihrer Rechnung weicht von der Auftragsbestätigung ab.',
    'Es wurden 1.250,00 EUR statt 1.050,00 EUR in Rechnung gestellt.',
    'Bitte korrigieren Sie die Rechnung, bevor wir sie freigeben.',
    // it
    'Ci avete addebitato un prezzo più alto di quanto concordato con il vostro agente.',
    'Non è il prezzo pattuito per il 2026.',
    'Il totale non corrisponde alla conferma d\'ordine.',
    'Vi chiediamo di rettificarla prima di procedere al pagamento.',
    // nl
    'U heeft ons meer in rekening gebracht dan afgesproken.',
    'De prijs op factuur 8812 wijkt af van de orderbevestiging.',
    'Graag de factuur corrigeren voordat wij betalen.',
    // sv
    'Ni har fakturerat ett högre pris än avtalat för kartongerna.',
    'Priset avviker från orderbekräftelsen.',
    'Vänligen rätta fakturan innan vi betalar.',
    // charges that were never part of the offer
    'The pallet fee on invoice 5512 was not in the quote.',
    'El cargo por maniobras no venía en la cotización.',
    'A taxa de frete não estava no orçamento.',
    'Les frais de palette ne figuraient pas sur le devis.',
    'Die Palettengebühr war nicht im Angebot enthalten.',
    'Il trasporto non era previsto nel preventivo.',
    'De palletkosten stonden niet in de offerte.',
    'Pallavgiften fanns inte med i offerten.',
  ])('%s', (text) => {
    expect(disputeCue(text)).toBeDefined();
  });
});

describe('tripwires: a copy request that names a price or amount is not a disagreement', () => {
  it.each([
    'Please send a copy of the invoice for 1,200 EUR from last month.',
    'Could you resend invoice 5512 (total 3,480.00 USD, unit price 2.90)? We will pay it before the due date.',
    '¿Me pueden mandar copia de la factura 7710 por 12.500,00 MXN? La pagamos antes del viernes.',
    'Podem enviar a 2ª via da NF 3321 no valor de R$ 8.400,00?',
    'Pourriez-vous nous renvoyer la facture de 980,00 € ? Nous la réglerons avant la fin du mois.',
    'Bitte senden Sie uns eine Kopie der Rechnung über 1.250,00 EUR.',
    'Potete inviarci copia della fattura da 4.300,00 EUR?',
    'Kunt u de factuur van € 2.150,00 nogmaals sturen? Wij betalen voor het einde van de maand.',
    'Kan ni skicka en kopia av fakturan på 9 800 kr?',
    'Please send us the latest statement; the prices on our side look fine.',
  ])('%s', (text) => {
    expect(disputeCue(text)).toBeUndefined();
  });
});

describe('tripwires: a question for sales beside an AR request', () => {
  const salesCue = (text: string): string | undefined => tripwires(text, ['balance_statement']).find((t) => t.intent === 'other')?.cue;
  it.each([
    'What is our balance? Also I would like to order 40 more cases of the small trays, who do I talk to?',
    '¿Cuál es nuestro saldo? Y quisiera hacer un pedido de bolsas.',
    'Podem mandar o extrato? Também gostaria de pedir mais caixas, com quem falo?',
    'Merci pour le relevé. Nous souhaiterions commander 200 barquettes supplémentaires.',
    'Bitte Kontoauszug senden. Außerdem möchten wir 300 Kartons nachbestellen.',
    "Mandateci l'estratto conto; vorremmo anche ordinare altre 500 vaschette.",
    'Graag een rekeningoverzicht. Wij willen ook 20 dozen extra bestellen.',
    'Skicka ett kontoutdrag, vi vill också beställa fler lådor.',
  ])('%s', (text) => expect(salesCue(text)).toBeDefined());

  it.each([
    'Please send our statement of account.',
    'Could you send a copy of invoice 4410 for our purchase order 7781?',
    '¿Nos envían el estado de cuenta? Gracias.',
  ])('not: %s', (text) => expect(salesCue(text)).toBeUndefined());

  it('is not raised when the model already read the email as other', () => {
    expect(tripwires('I would like to order more trays.', ['other'])).toEqual([]);
  });
});
