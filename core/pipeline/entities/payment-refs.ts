// Payment references: check/cheque/Scheck numbers, ACH trace numbers, wire references (IMAD,
// MT103, UETR, CRO …), card authorisations, and free-text remittance lines ("Verwendungszweck").
// Each is reported in one style ("Check 37730", "ACH 021000021162022", "Wire 2026…", "Ref …").
import { B, E } from './keywords.js';
import { matchesOf, type ClaimedSpans, type Found } from './scan-text.js';

const MARK = '(?:\\s*(?:#|no\\.?|nr\\.?|n[°º]|number|num[ée]ro|nummer|número|numero))?\\s*[:.]?\\s*';
const REF_VALUE = '([A-Z0-9][A-Z0-9-]*\\d[A-Z0-9-]*)';

interface RefPattern {
  re: RegExp;
  label: string;
  /** Free-text remittance lines may hold invoice numbers, so they are not claimed. */
  claim: boolean;
}

const PATTERNS: RefPattern[] = [
  { re: new RegExp(`${B}(?:checks?|cheques?|chèques?|schecks?|chq|ck)${MARK}(\\d{3,12})${E}`, 'giu'), label: 'Check', claim: true },
  { re: new RegExp(`${B}(?:ACH\\s+)?trace(?:\\s*(?:number|no\\.?|#|id|nr\\.?))?\\s*[:#]?\\s*(\\d{6,22})${E}`, 'giu'), label: 'ACH', claim: true },
  { re: new RegExp(`${B}ACH(?:\\s*(?:ref(?:erence)?|id|#|no\\.?))?\\s*[:#]?\\s*(\\d{6,22})${E}`, 'giu'), label: 'ACH', claim: true },
  {
    re: new RegExp(
      `${B}(?:wire(?:\\s+transfer)?(?:\\s+(?:ref(?:erence)?|#|no\\.?|number|id))?|IMAD|OMAD|UETR|Fed\\s*ref(?:erence)?|(?:SWIFT\\s+)?MT\\s?103|CRO|TRN)\\s*[:#]?\\s*${REF_VALUE}${E}`,
      'giu',
    ),
    label: 'Wire',
    claim: true,
  },
  {
    re: new RegExp(
      `${B}(?:payment\\s+ref(?:erence)?|remittance\\s+ref(?:erence)?|transaction\\s+(?:ref(?:erence)?|id)|référence\\s+(?:du\\s+)?(?:virement|paiement)|referencia\\s+(?:de\\s+(?:la\\s+)?)?(?:transferencia|pago)|riferimento\\s+(?:del\\s+)?(?:bonifico|pagamento)|(?:überweisungs|zahlungs)referenz|betalingskenmerk|referência\\s+(?:da\\s+)?(?:transferência|pagamento)|end-to-end(?:\\s+id)?)\\s*[:#]?\\s*${REF_VALUE}${E}`,
      'giu',
    ),
    label: 'Ref',
    claim: true,
  },
  { re: new RegExp(`${B}auth(?:ori[sz]ation)?(?:\\s+code)?\\s*[:#]?\\s*(\\d{4,8})${E}`, 'giu'), label: 'Card auth', claim: true },
  {
    re: new RegExp(`${B}(Verwendungszweck|causale|omschrijving|betreft|concepto|motivo del pago|libellé)\\s*:\\s*([^\\n]{3,80})`, 'giu'),
    label: '',
    claim: false,
  },
];

/** Finds payment references; claims their spans (except free-text remittance lines) so they are not read as invoices. */
export function findPaymentRefs(text: string, claimed: ClaimedSpans): Array<Found<string>> {
  const out: Array<Found<string>> = [];
  for (const { re, label, claim } of PATTERNS) {
    for (const m of matchesOf(re, text)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (claimed.overlaps(start, end)) continue;
      const value = label === '' ? `${m[1]}: ${(m[2] ?? '').trim()}` : `${label} ${(m[1] ?? '').toUpperCase()}`;
      out.push({ start, end, value });
      if (claim) claimed.claim(start, end);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
