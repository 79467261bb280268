// The words AR customers put in front of a reference, in every language the pipeline reads
// (en, fr, de, es, it, nl, pt), as regex sources. All are matched case-insensitively with the
// `u` flag; `B`/`E` are Unicode-aware word boundaries.

/** Start of a word: no letter or digit before. */
export const B = '(?<![\\p{L}\\p{N}_])';
/** End of a word: no letter or digit after. */
export const E = '(?![\\p{L}\\p{N}_])';

/** "No.", "n°", "Nr.", "#", "número" … between a keyword and its value. */
export const NUMBER_MARK =
  '(?:#|n[°º]\\.?|n\\.\\s?[°º]|no\\.|nos\\.|no(?=\\s)|nos(?=\\s)|nr\\.?|n\\.|num\\.?|numbers?|nummers?|numéros?|números?|numer[oi]|nummer|ref\\.?)';

/** Words meaning "invoice" (singular, plural, abbreviations, compounds with "number"). */
export const INVOICE_WORDS = [
  'invoices?', 'inv\\.?', 'bills?',
  'factures?', 'fact\\.',
  'rechnung(?:en)?', 'rechnungsnummer(?:n)?', 'rechnungs-?nr\\.?', 'rg\\.?-?nr\\.?', 'rg\\.', 're\\.?-nr\\.?',
  'facturas?', 'fra\\.',
  'fattur[ae]', 'fatt\\.',
  'factuur', 'facturen', 'factuurnummers?', 'factuurnr\\.?',
  'faturas?', 'nota fiscal',
].join('|');

/**
 * Words that make a bare number in the same clause an invoice reference even without an invoice
 * word: "please send a copy of 204518", "PDF of 204518".
 */
export const INVOICE_CONTEXT_WORDS = [
  'cop(?:y|ies)', 'duplicates?', 'pdfs?', 're-?send', 'past due', 'overdue',
  'copies?', 'duplicata', 'renvoyer',
  'kopie(?:n)?', 'duplikat', 'erneut',
  'copias?', 'duplicado', 'reenviar',
  'duplicato', 'rinviare',
  'kopieën', 'opnieuw',
  'cópias?', '2[ªa] via', 'segunda via',
].join('|');

/** Words meaning "purchase order" (PO, P.O. and the like are matched case-sensitively elsewhere). */
export const PO_WORDS = [
  'purchase orders?', 'order (?=no\\.?|number|#)',
  'bons? de commande', 'commandes?',
  'bestellnummer', 'bestell-?nr\\.?', 'bestellung(?:en)?',
  'órdenes de compra', 'orden(?:es)? de compra', 'pedidos?(?: de compra)?',
  'ordin[ei](?: d[i\']\\s?acquisto)?',
  'inkoopordernummer', 'inkooporder', 'bestelnummer', 'bestelbon(?:nummer)?', 'bestelling', 'ordernummer',
  'encomendas?', 'ordem de compra',
].join('|');

/** Words meaning "customer account number". */
export const ACCOUNT_WORDS = [
  'account(?:\\s+(?:number|no\\.?|#))?', 'acct\\.?', 'a/c', 'customer\\s+(?:number|no\\.?|#|id|account)', 'cust\\.?\\s*#',
  'compte(?: client)?', 'numéro de client', 'n[°º]\\.? (?:de )?client', 'no\\.? de client', 'code client',
  'kundennummer', 'kunden-?nr\\.?', 'kd\\.?-?nr\\.?', 'kundenkonto', 'debitorennummer', 'debitor(?:en)?-?nr\\.?',
  'cuenta(?: de cliente)?', 'número de cliente', 'n\\.?[°º] de cliente', 'código de cliente', 'no\\.? de cliente',
  'codice cliente', 'cod\\. cliente', 'conto cliente', 'numero (?:di )?cliente', 'n\\. cliente', 'cliente n\\.',
  'klantnummer', 'klantnr\\.?', 'debiteurnummer', 'debiteurennummer',
  'conta(?: de cliente)?', 'código do cliente', 'n\\.?[°º] do cliente',
].join('|');

/** Month names and abbreviations → month number (1–12), all languages. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, 'january jan janvier janv januar jän enero ene gennaio januari janeiro'],
      [2, 'february feb février fevrier févr fevr februar febrero febbraio februari fevereiro fev'],
      [3, 'march mar mars märz maerz marzo maart março marco'],
      [4, 'april apr avril avr abril abr aprile'],
      [5, 'may mai mayo maggio mei maio'],
      [6, 'june jun juin juni junio giugno giu junho'],
      [7, 'july jul juillet juil juli julio luglio lug julho'],
      [8, 'august aug août aout agosto augustus'],
      [9, 'september sep sept septembre septiembre setiembre settembre setembro'],
      [10, 'october oct octobre oktober okt octubre ottobre ott oktober outubro'],
      [11, 'november nov novembre noviembre novembro'],
      [12, 'december dec décembre decembre déc dezember dez diciembre dic dicembre dezembro'],
    ] as Array<[number, string]>
  ).flatMap(([n, names]) => names.split(' ').map((name) => [name, n] as [string, number])),
);

/** Regex source matching any month name (longest first so "sept" beats "sep"). */
export const MONTH_WORDS = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');
