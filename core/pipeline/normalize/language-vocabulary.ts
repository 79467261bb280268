// Accounts-receivable and e-mail words per language. n-gram detectors are weak on the two-line
// notes AP clerks send ("Merci!", "Pago realizado"); counting these words breaks their ties.
import { LANGUAGES, type Language } from '../intents.js';

type Known = Exclude<Language, 'und'>;

const WORDS: Record<Known, readonly string[]> = {
  en: ['please', 'thanks', 'thank', 'you', 'invoice', 'invoices', 'statement', 'payment', 'could', 'can', 'send', 'copy', 'the', 'and', 'received', 'account', 'regards', 'hi', 'hello', 'attached', 'would', 'we', 'our', 'your'],
  fr: ['merci', 'bonjour', 'facture', 'factures', 'releve', 'paiement', 'virement', 'pourriez', 'vous', 'veuillez', 'cordialement', 'compte', 'recu', 'copie', 'nous', 'votre', 'avance', 'le', 'la', 'les', 'des', 'est', 'et'],
  de: ['bitte', 'danke', 'rechnung', 'rechnungen', 'zahlung', 'uberweisung', 'kontoauszug', 'sehr', 'geehrte', 'grussen', 'sie', 'uns', 'ihre', 'vielen', 'dank', 'gutschrift', 'erhalten', 'und', 'der', 'die', 'das', 'ist', 'wir'],
  es: ['gracias', 'factura', 'facturas', 'pago', 'transferencia', 'por', 'favor', 'saludos', 'cuenta', 'estado', 'copia', 'nos', 'envien', 'recibido', 'buenos', 'dias', 'adjunto', 'el', 'los', 'las', 'del', 'y', 'es'],
  it: ['grazie', 'fattura', 'fatture', 'pagamento', 'bonifico', 'cortesemente', 'saluti', 'distinti', 'cordiali', 'estratto', 'conto', 'buongiorno', 'vi', 'ricevuto', 'allegato', 'il', 'della', 'di', 'che', 'e', 'per'],
  nl: ['bedankt', 'dank', 'factuur', 'facturen', 'betaling', 'rekening', 'graag', 'groet', 'vriendelijke', 'kunt', 'u', 'ontvangen', 'overzicht', 'alvast', 'goedemorgen', 'het', 'een', 'van', 'en', 'wij', 'onze'],
  pt: ['obrigado', 'obrigada', 'fatura', 'faturas', 'pagamento', 'transferencia', 'cumprimentos', 'extrato', 'conta', 'envio', 'recebido', 'bom', 'dia', 'segue', 'anexo', 'solicitamos', 'o', 'os', 'da', 'do', 'em', 'nao'],
};

const SETS = LANGUAGES.map((lang): [Known, ReadonlySet<string>] => [lang, new Set(WORDS[lang])]);

/** How many known words of each language occur in `text` (accents ignored). */
export function vocabularyHits(text: string): Map<Known, number> {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/\p{L}+/gu) ?? [];
  const hits = new Map<Known, number>();
  for (const [lang, set] of SETS) hits.set(lang, words.filter((w) => set.has(w)).length);
  return hits;
}

/** The language with strictly the most hits (at least `min`), if there is one. */
export function vocabularyWinner(text: string, min = 1): { language: Known; hits: number } | undefined {
  const ranked = [...vocabularyHits(text)].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined || first[1] < min || (second !== undefined && second[1] === first[1])) return undefined;
  return { language: first[0], hits: first[1] };
}
