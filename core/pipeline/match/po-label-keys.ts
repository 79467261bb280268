// A PO as the SoR stores it often carries its own label ("PO#LF-3442", "OC 2026/0311",
// "Order 5601"), while customers quote the bare value after their own wording ("our PO
// LF-3442", "pedido OC 2026/0311" → "2026/0311"). The bare value's key is tried with the
// labels POs are written with in the languages the pipeline reads; the exact key is tried first.
import { poNumberKey } from '../invoice-number.js';

/** Order and purchase-order labels, as key prefixes (upper-case alphanumerics). */
const PO_LABELS = [
  'PO', 'PONO', 'PONR', 'ORDER', 'ORDERNO', 'OC', 'BC', 'ODA', 'OA', 'NE', 'ENC', 'PED', 'INK',
  // The order word itself, as SoRs store it in front of the value ("Pedido 00489", "Bestellung 7781").
  'PEDIDO', 'ORDEN', 'ORDENDECOMPRA', 'COMMANDE', 'BESTELLUNG', 'BESTELLNR', 'AUFTRAG', 'ORDINE', 'ENCOMENDA', 'BESTELLING', 'BESTELNUMMER', 'INKOOPORDER', 'BESTALLNING',
];

/** Keys with a PO label in front of the bare key, for when the exact key finds nothing. */
export function labelledPoKeys(raw: string): string[] {
  const key = poNumberKey(raw);
  if (!/\d/.test(key)) return [];
  return PO_LABELS.filter((label) => !key.startsWith(label)).map((label) => label + key);
}
