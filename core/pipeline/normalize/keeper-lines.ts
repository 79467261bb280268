// Lines that must stay in newText even inside a signature block: they carry an invoice-like
// number or a request. Losing "Please send all invoices to ap@…" or "re INV-204518" to the
// signature would hide what the sender asked for.

// An invoice/order keyword followed by a number, or a letter prefix glued to 5+ digits (INV204676).
const INVOICE_LIKE = [
  /\b(?:inv(?:oice)?|rechnung(?:snummer)?|re-?nr|facture|factura|fattura|factuur|fatura|bill|credit memo|cm|po|p\.o\.|order|bestellung|commande|pedido|ordine|bestelling|encomenda)\b\.?[\s:#]*(?:(?:no|nr|n[°º]|number|num)\.?[\s:#]*)?[a-z]{0,4}[-_–/.]?\d{3,}/i,
  /\b[A-Z]{2,5}[-_–]?\d{5,}\b/,
  /#\s?\d{4,}\b/,
];

const REQUEST = /\b(?:please|pls|plz|kindly|could you|can you|would you|send|resend|re-send|forward|confirm|cancel|void|ignore|disregard|merci de|veuillez|pourriez|pouvez|envoyer|envoyez|transf[ée]rer|confirmer|bitte|senden|schicken|weiterleiten|best[äa]tigen|k[öo]nnten|por favor|favor de|podr[íi]an|pueden|enviar|env[íi]en|reenviar|per favore|potete|potreste|inviare|inviate|confermare|graag|kunt u|wilt u|sturen|stuur|bevestigen|solicitamos|podem|poderiam|enviem|agradecemos)\b/i;

const MAX_LINE_CHARS = 2000;

/** Whether a line carries an invoice-like number or a request and so must not be dropped. */
export function isKeeperLine(line: string): boolean {
  const t = line.trim();
  if (t.length > MAX_LINE_CHARS) return true; // a line this long is prose, never a signature line
  if (INVOICE_LIKE.some((re) => re.test(t))) return true;
  return t.split(/\s+/).length >= 4 && REQUEST.test(t);
}
