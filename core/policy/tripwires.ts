// A second, deliberately cautious reader beside the intent model. Before anything is answered
// automatically, the new text is scanned for cue words of the intents that always need a
// person (disputes, payments being announced, contact changes, tax and vendor forms), in the
// seven languages the pipeline reads. A cue the model did not act on sends the email to
// review: a missed dispute must never be answered with a statement.
import type { Intent } from '../pipeline/intents.js';

type PersonIntent = Extract<Intent, 'dispute' | 'remittance_advice' | 'contact_update' | 'tax_form_request'>;

const CUES: Record<PersonIntent, RegExp[]> = {
  dispute: [
    /\b(dispute[sd]?|disputing|contest(ed|ing)?|disagree|query on|complain(t|ing)?|discrepanc(y|ies)|overcharg(e|ed|ing)|over-?billed|double[- ]?(billed|charged|billing)|charged (us )?twice|billed (us )?twice|duplicate (invoice|charge|billing|bill)|short[- ]?pa(id|y|ying)|damaged|defective|(incorrect|wrong|inflated) (price|amount|invoice|charge|quantity|rate|vat|tax|total)|(won'?t|will not|cannot|can'?t|refuse to|not going to) (be )?pay(ing)?|credit (it|us|this|the (difference|charge|amount))|issue (a|us a) credit|not (been )?(delivered|received)[^.?!\n]{0,40}\b(goods|items|order|parts)|never (ordered|received the goods))\b/i,
    /\b(litige|contest(ons|é|ée|er)|erron(é|ée)s?|incorrecte?s?|factur(é|ée)s? (deux fois|en double)|en double|surfactur|endommag|ne (payerons|paierons|réglerons) pas|réclamation)\b/i,
    /\b(reklamation|beanstand|widersprech|widerspruch|falsch(e|en|er)? (preis|betrag|menge|rechnung|berechnung)|fehlerhaft|um (eine )?gutschrift|gutschrift (für|über) (die|den|das)? ?(fracht|differenz|betrag|schaden)|doppelt (berechnet|abgerechnet|fakturiert|belastet)|beschädigt|zu viel berechnet|nicht (be)?zahlen|strittig)\b/i,
    /\b(disputa|reclam(o|ación|amos)|incorrect[oa]s?|err(ó|o)ne[oa]s?|duplicad[oa]s?|cobrad[oa]s? dos veces|dañad[oa]s?|no (vamos a )?pagar|cobro indebido)\b/i,
    /\b(contestazion[ei]|contestiamo|errat[oia]|duplicat[oia]|addebitat[oia] due volte|danneggiat[oia]|non pagheremo|addebito non dovuto|non dovut[oa])\b/i,
    /\b(betwist(en)?|onjuist(e)?|foutie(f|ve)|dubbel (gefactureerd|berekend)|beschadigd|niet betalen|klacht)\b/i,
    /\b(contest(amos|ação)|incorret[oa]s?|errad[oa]s?|duplicad[oa]s?|cobrad[oa]s? em duplicidade|danificad[oa]s?|n(ã|a)o (vamos )?pagar|cobran(ç|c)a indevida|reclama(ç|c)(ã|a)o)\b/i,
  ],
  remittance_advice: [
    /\b(we|i)( have|'ve| just| already)?( today| yesterday| now| this morning)? (paid|wired|transferred|remitted|settled)\b|\b(part|partial) payment|(rest|remainder|remaining (balance|amount)) will (follow|be paid)|\b((we|i) (have |just )?(paid|sent|wired|transferred|remitted|initiated|scheduled|released|processed|made)( the| a| our)? (payment|transfer|wire|ach|check|cheque)|(payment|transfer|wire|ach|check|cheque)s? (has|have) been (sent|made|released|initiated|scheduled|processed|issued|mailed)|remittance( advice| details)?|payment advice|(will|shall) (pay|remit|be paying)|is in the mail)\b/i,
    /\b(avons (effectué|réglé|payé|viré|émis|procédé)|virement (effectué|émis|de|du)|avis de (paiement|virement)|sera (réglé|payé)e?|paiement (effectué|émis))\b/i,
    /\b(überwiesen|zahlungsavis|(haben|wurde|wurden|ist) [^.\n]{0,40}\b(bezahlt|beglichen|angewiesen|überwiesen)|überweisung (von|über|in höhe)|zahlung (veranlasst|angewiesen|ausgeführt))\b/i,
    /\b((hemos|he) (pagado|transferido|realizado|ordenado|efectuado|enviado) (el pago|la transferencia|el importe)?|transferencia (de|por|realizada)|aviso de pago|comprobante de (pago|transferencia)|pagaremos)\b/i,
    /\b((abbiamo|ho) (pagato|effettuato|disposto|bonificato|saldato)|bonifico (di|effettuato|disposto)|avviso di pagamento|pagheremo)\b/i,
    /\b((hebben|is|zijn) [^.\n]{0,40}\b(betaald|overgemaakt|overgeschreven|voldaan)|betalingsbericht|betaaladvies|zullen (betalen|overmaken))\b/i,
    /\b((efetuamos|realizamos|fizemos|transferimos) (o )?(pagamento|transferência)?|comprovante (de )?(pagamento|transferência)|aviso de pagamento|pagaremos|foi (pago|paga|transferido))\b/i,
  ],
  contact_update: [
    /\b(new (billing |mailing |remit(tance)? |invoice |invoicing |postal )?address|change of (address|contact|billing contact)|(update|change) (your|the|our) (records|contact|address|billing (contact|address|email)|email address)|(send|address) (all |future )?(invoices|statements)( and (statements|invoices))? (to|going forward)|no longer (with|works (for|at|with))|has left the company)\b/i,
    /\b(nouvelle adresse|changement d'adresse|changement de (contact|coordonnées)|mettre à jour (vos|nos|les) (coordonnées|fichiers|contacts)|ne fait plus partie)\b/i,
    /\b(neue (rechnungs|post|liefer)?anschrift|neue (rechnungs)?adresse|adressänderung|(aktualisieren|ändern) sie (bitte )?(unsere|die) (daten|adresse|kontaktdaten)|nicht mehr (bei uns|im unternehmen))\b/i,
    /\b(nueva (dirección|direccion|razón social)|cambio de (dirección|domicilio|contacto)|actualic(en|e) (sus|los) (datos|registros)|ya no trabaja)\b/i,
    /\b(nuovo indirizzo|cambio (di )?indirizzo|aggiornare (i vostri|l'|i) (dati|anagrafica|indirizzo)|non lavora più)\b/i,
    /\b(nieuw (factuur)?adres|adreswijziging|(wijzig|update) (uw|de) (gegevens|administratie)|niet meer werkzaam)\b/i,
    /\b(novo endereço|mudança de (endereço|contato)|atualiz(ar|em) (o|os|seu|seus) (cadastro|dados|endereço)|não trabalha mais)\b/i,
  ],
  tax_form_request: [
    /\b(w-?9|w-?8(ben)?(-e)?|1099|tax[- ](exempt(ion)?|certificate|form|residency|id (form|letter))|resale certificate|vendor (form|setup|set-up|registration|onboarding)|supplier (form|setup|registration)|bank (letter|confirmation|verification)|certificate of (insurance|residence|incorporation))\b/i,
    /\b(attestation (de|d')|formulaire (fournisseur|de référencement)|fiche fournisseur|lettre bancaire|attestation bancaire|certificat de résidence)\b/i,
    /\b(freistellungsbescheinigung|lieferantenstammblatt|lieferantenformular|bankbestätigung|ansässigkeitsbescheinigung|steuerbescheinigung)\b/i,
    /\b(certificado (de residencia|bancario|fiscal)|alta de proveedor|formulario de proveedor|constancia de situación fiscal)\b/i,
    /\b(certificato di residenza|modulo (fornitore|anagrafica)|dichiarazione (bancaria|fiscale)|attestazione bancaria)\b/i,
    /\b(leveranciersformulier|bankverklaring|vrijstellingsverklaring|verklaring van)\b/i,
    /\b(certid(ã|a)o|cadastro de fornecedor|declaração (bancária|fiscal)|formulário de fornecedor|modelo 21)\b/i,
  ],
};

export interface Tripwire {
  intent: PersonIntent;
  cue: string;
}

/** Cues of person-only intents that the model's intents do not already account for. */
export function tripwires(newText: string, detected: readonly Intent[]): Tripwire[] {
  const out: Tripwire[] = [];
  for (const [intent, patterns] of Object.entries(CUES) as Array<[PersonIntent, RegExp[]]>) {
    if (detected.includes(intent)) continue;
    // Asking whether a payment arrived names the payment too; the model's payment_status covers that.
    if (intent === 'remittance_advice' && detected.includes('payment_status')) continue;
    for (const re of patterns) {
      const m = re.exec(newText);
      if (m) {
        out.push({ intent, cue: m[0] });
        break;
      }
    }
  }
  return out;
}
