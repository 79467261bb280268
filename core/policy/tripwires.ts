// A second, deliberately cautious reader beside the intent model. Before anything is answered
// automatically, the new text is scanned for cue words of the intents that always need a
// person (disputes, payments being announced, contact changes, tax and vendor forms), in the
// seven languages the pipeline reads. A cue the model did not act on sends the email to
// review: a missed dispute must never be answered with a statement.
import type { Intent } from '../pipeline/intents.js';

type PersonIntent = Extract<Intent, 'dispute' | 'remittance_advice' | 'contact_update' | 'tax_form_request' | 'other'>;

/** Up to 60 characters within one sentence (a point between digits, as in "4.10", does not end it). */
const S = String.raw`(?:[^.?!\n]|(?<=\d)\.(?=\d)){0,60}`;
/** Up to 25 characters within one sentence. */
const SS = String.raw`(?:[^.?!\n]|(?<=\d)\.(?=\d)){0,25}`;
const W = String.raw`[\p{L}'’]*`;
const rxi = (source: string): RegExp => new RegExp(source, 'iu');

/**
 * A price or charge disagreement written without a dispute word: billed more than quoted or
 * agreed, "not the price we agreed", the invoice's price differs from the order confirmation,
 * billed one figure instead of another, "please correct it before we pay". Every language the
 * pipeline reads (and Swedish). Asking for a copy of an invoice and naming its amount is not one.
 */
export const PRICE_DISAGREEMENT: readonly RegExp[] = [
  // English
  rxi(String.raw`\b(?:more|higher|above)\b${SS}\b(?:than|over)\b${SS}\b(?:quoted|agreed|offered|contracted|negotiated|promised|confirmed|ordered|quote|quotation|order confirmation|purchase order|price list|contract)\b`),
  rxi(String.raw`\b(?:not|isn'?t|wasn'?t|aren'?t|weren'?t)\s+(?:the|what)\b${SS}\b(?:we|you|your|was|were|i)\b${SS}\b(?:agreed|quoted|offered|negotiated|promised|contracted)\b`),
  rxi(String.raw`\b(?:agreed|quoted|contracted|negotiated|contract)\s+(?:unit\s+)?(?:price|prices|rate|rates|pricing)\b`),
  rxi(String.raw`\b(?:price|prices|rate|rates|amount|amounts|total|pricing)\b${S}\b(?:differs?|different|deviates?|does\s*n[o']t\s+(?:match|agree|correspond)|do\s*n[o']t\s+(?:match|agree|correspond)|is\s+higher|are\s+higher)\b${SS}\b(?:from|than|with|to)\b${SS}\b(?:order\s+confirmation|quote|quotation|PO|purchase\s+order|contract|price\s+list|agreement|agreed|what\s+we)\b`),
  rxi(String.raw`\b(?:billed|charged|invoiced|priced)\b${S}\binstead\s+of\b`),
  rxi(String.raw`\bshould\s+(?:have\s+)?be(?:en)?\s+(?:billed|charged|invoiced|priced)\s+at\b`),
  rxi(String.raw`\b(?:correct|fix|amend|revise|adjust|reissue|re-issue)\b${S}\bbefore\b${SS}\b(?:pay|paying|payment|paid|process|processing|release|releasing|approve|approval)\b`),
  rxi(String.raw`\bnot (?:in|on|part of|included in) (?:the|our|your) (?:quote|quotation|offer|agreement|contract|order confirmation|purchase order|PO)\b`),
  rxi(String.raw`\bno (?:venía|venia|venían|venian|estaba|estaban|aparecía|aparecia|figuraba|figuraban|incluid[oa]s?) (?:en|dentro de) (?:la|el) (?:cotización|cotizacion|oferta|presupuesto|contrato|orden de compra|pedido)\b`),
  rxi(String.raw`\bn[ãa]o (?:estava|estavam|constava|constavam|vinha|vinham|incluíd[oa]s?|incluid[oa]s?) (?:no|na) (?:orçamento|orcamento|cotação|cotacao|proposta|contrato|pedido)\b`),
  rxi(String.raw`\bne (?:figurai(?:en)?t|étai(?:en)?t|etai(?:en)?t|sont|est) pas (?:prévue?s? |prevue?s? )?(?:dans|sur) (?:le|la|notre|votre) (?:devis|offre|contrat|commande|confirmation de commande|bon de commande)\b`),
  rxi(String.raw`\bnicht (?:im|in der|in unserem|in ihrem) (?:angebot|auftragsbestätigung|bestellung|vertrag|rahmenvertrag)\b${SS}\b(?:enthalten|vereinbart|aufgeführt|vorgesehen|genannt)\b`),
  rxi(String.raw`\bnon (?:(?:era|erano|è|e') )?(?:previst[oi]|inclus[oi]|presenti|era|erano) (?:nel|dal|nella|dalla) (?:preventivo|offerta|contratto|ordine|conferma d['’]ordine)\b`),
  rxi(String.raw`\bniet (?:in|op) (?:de|onze|uw) (?:offerte|orderbevestiging|bestelling|overeenkomst|prijsafspraak)\b`),
  rxi(String.raw`\binte (?:med )?i (?:offerten|avtalet|orderbekräftelsen|beställningen)\b`),
  // Spanish
  rxi(String.raw`\b(?:más|mas|mayor|superior)\b${SS}\b(?:de lo|que lo|que el|del precio|al precio|a lo)\b${SS}\b(?:cotiz|acord|pact|quedamos|convin|conven|negoci|ofrec|ofert|presupuest)${W}`),
  rxi(String.raw`\bno\s+(?:es|era|son|eran)\s+(?:el|los|lo)\s+(?:precios?\s+)?(?:que|acordad|pactad|cotizad|convenid|negociad|ofrecid)${W}`),
  rxi(String.raw`\bprecios?\s+(?:acordad|pactad|cotizad|convenid|negociad|que\s+(?:quedamos|acordamos|pactamos|negociamos|nos\s+(?:cotiz|ofrec|dier)))${W}`),
  rxi(String.raw`\b(?:corrij|correg|rectifiqu|rectific|modifiqu|ajust)${W}${S}\bantes\s+de\s+(?:pagar|proceder|realizar\s+el\s+pago|liberar|programar|aprobar)${W}`),
  rxi(String.raw`\b(?:cobr|factur|carg)(?:aron|ado|ada|ados|adas|ó|o)\b${S}\b(?:en lugar de|en vez de)\b`),
  rxi(String.raw`\b(?:difiere|no coincide|no corresponde|distint[oa]|diferente)\b${SS}\b(?:confirmación|confirmacion|cotización|cotizacion|orden de compra|pedido|presupuesto|contrato|lista de precios|lo acordado|lo pactado)\b`),
  // Portuguese
  rxi(String.raw`\b(?:cobr|fatur)(?:aram|ado|ada|ados|adas|ou)\b${S}\b(?:a mais|mais do que|acima do)\b`),
  rxi(String.raw`\b(?:mais|acima)\s+do\s+(?:que|valor|preço|preco)\b${SS}\b(?:cotad|combinad|acordad|orçad|orcad|negociad|tratad)${W}`),
  rxi(String.raw`\bn[ãa]o\s+(?:é|e|era)\s+o\s+pre[çc]o\s+(?:combinad|acordad|negociad|cotad|orçad|orcad|que)${W}`),
  rxi(String.raw`\bpre[çc]os?\s+(?:combinad|acordad|negociad|cotad|orçad|orcad|tratad)${W}`),
  rxi(String.raw`\b(?:corrij|corrig|retifiqu|retific)${W}${S}\bantes\s+d[eo]\s+(?:pagar|pagamento|efetuar|realizar|quitar)${W}`),
  rxi(String.raw`\b(?:cobr|fatur)${W}${S}\b(?:em vez de|ao invés de|ao inves de)\b`),
  rxi(String.raw`\b(?:diverge|difere|n[ãa]o confere|n[ãa]o bate|diferente)\b${SS}\b(?:pedido|cotação|cotacao|orçamento|orcamento|confirmação|confirmacao|contrato|tabela|combinado|acordado)\b`),
  // French
  rxi(String.raw`\b(?:factur|compt|appliqu)${W}${S}\bplus\s+(?:cher\s+)?(?:que|qu['’])${SS}\b(?:convenu|prévu|prevu|négoci|negoci|accord|devis|offre|commande|contrat|tarif)${W}`),
  rxi(String.raw`\b(?:n['’]est|ne sont|n['’]était)\s+pas\s+(?:le|les|ce)\s+(?:prix|tarifs?|montant)?\s*(?:convenu|négocié|negocie|prévu|prevu|accordé|accorde|du devis|de la commande|que nous)${W}`),
  rxi(String.raw`\bne\s+correspond(?:ent)?\s+pas\b${SS}\b(?:prix|tarif|devis|commande|confirmation|contrat|offre|accord)${W}`),
  rxi(String.raw`\b(?:prix|tarifs?)\s+(?:convenu|négocié|negocie|accordé|accorde|contractuel|du devis)${W}`),
  rxi(String.raw`\bdiff[èe]r(?:e|ent)\b${SS}\b(?:confirmation de commande|devis|commande|bon de commande|contrat|tarif|prix convenu)\b`),
  rxi(String.raw`\b(?:factur|compt)${W}${S}\bau lieu de\b`),
  rxi(String.raw`\b(?:corrig|rectifi)${W}${S}\bavant\s+(?:de\s+|le\s+|notre\s+|que\s+nous\s+|qu['’]on\s+)?(?:la\s+|le\s+|les\s+)?(?:payer|paiement|règlement|reglement|régler|regler|payions|réglions|reglions)${W}`),
  // German
  rxi(String.raw`\b(?:mehr|höher|hoher|teurer)${W}${SS}\bals\b${SS}\b(?:vereinbart|angeboten|abgesprochen|ausgehandelt|bestätigt|bestellt|im angebot|in der auftragsbestätigung|laut)${W}`),
  rxi(String.raw`\bweich(?:t|en)\b${S}\b(?:preis|angebot|auftragsbestätigung|bestellung|vertrag|vereinbar|rahmenvertrag|preisliste|konditionen)${W}${SS}\bab\b`),
  rxi(String.raw`\b(?:preisdifferenz|preisabweichung|abweichung vom (?:vereinbarten|angebotenen|vertraglichen)|differenz zum (?:angebot|vereinbarten))${W}`),
  rxi(String.raw`\b(?:vereinbart|abgesprochen|angeboten|ausgehandelt|vertraglich vereinbart)en\s+(?:preis|preise|konditionen|stückpreis|einzelpreis)${W}`),
  rxi(String.raw`\b(?:berechnet|abgerechnet|fakturiert|in rechnung gestellt)\b${S}\b(?:statt|anstatt|anstelle)\b|\b(?:statt|anstatt|anstelle)\b${S}\b(?:berechnet|abgerechnet|fakturiert|in rechnung gestellt)\b`),
  rxi(String.raw`\b(?:korrigier|berichtig)${W}${S}\b(?:bevor|vor der (?:zahlung|bezahlung|begleichung|freigabe))\b`),
  // Italian
  rxi(String.raw`\b(?:più|piu|superiore)\b${SS}\b(?:di quanto|del prezzo|rispetto a|rispetto al|al prezzo)\b${SS}\b(?:concordat|pattuit|quotat|offert|preventiv|convenut|ordin|contratt)${W}`),
  rxi(String.raw`\bnon\s+(?:è|e'|era)\s+il\s+prezzo\s+(?:concordat|pattuit|che|convenut|offert|quotat)${W}`),
  rxi(String.raw`\bprezz[oi]\s+(?:concordat|pattuit|convenut|quotat|del preventivo|offert)${W}`),
  rxi(String.raw`\b(?:diverso|diversi|differisce|differiscono|non corrisponde|non corrispondono|non coincide)\b${SS}\b(?:conferma d['’]ordine|preventivo|ordine|offerta|contratto|listino|prezzo concordato)\b`),
  rxi(String.raw`\b(?:addebitat|fatturat)${W}${S}\binvece\s+(?:di|che)\b`),
  rxi(String.raw`\b(?:corregg|corregger|rettific)${W}${S}\bprima\s+(?:di|del)\s+(?:pagar|procedere|pagamento|saldar)${W}`),
  // Dutch
  rxi(String.raw`\b(?:meer|hoger|duurder)\b${SS}\bdan\b${SS}\b(?:afgesproken|overeengekomen|geoffreerd|offerte|orderbevestiging|besteld|contract)${W}`),
  rxi(String.raw`\b(?:afgesproken|overeengekomen|geoffreerde|gecontracteerde)\s+(?:prijs|prijzen|tarief|tarieven)\b`),
  rxi(String.raw`\bwijk(?:t|en)\s+af\s+van\b|\bwijk(?:t|en)\b${S}\b(?:prijs|offerte|orderbevestiging|bestelling|afspraak|afspraken|contract)${W}\s+af\b`),
  rxi(String.raw`\b(?:gefactureerd|berekend|in rekening gebracht)\b${S}\bin plaats van\b|\bin plaats van\b${S}\b(?:gefactureerd|berekend|in rekening gebracht)\b`),
  rxi(String.raw`\b(?:corrigeer|corrigeren|corrigeert|aanpassen|rechtzetten)\b${S}\b(?:voordat|voor)\s+(?:wij|we|de betaling|betaling)\b`),
  // Swedish
  rxi(String.raw`\b(?:mer|högre|dyrare)\b${SS}\bän\b${SS}\b(?:avtalat|överenskommet|offererat|offerten|orderbekräftelsen|beställt|avtalet)\b`),
  rxi(String.raw`\b(?:avtalade|överenskomna|offererade)\s+priset\b`),
  rxi(String.raw`\bavviker\b${SS}\b(?:offert|orderbekräftelse|beställning|avtal|pris)${W}`),
  rxi(String.raw`\b(?:fakturer|debiter)${W}${S}\bi ?stället för\b`),
  rxi(String.raw`\b(?:rätta|korrigera)${W}${S}\binnan\s+(?:vi|ni)\b${SS}\b(?:betala|betalar)\b`),
  rxi(String.raw`\b(?:bestrider|bestrida|reklamation|reklamerar|felaktig[at]?\s+(?:pris|priset|belopp|beloppet|faktura|fakturan|antal)|dubbelfakturer${W}|kreditfaktura)\b`),
];

/**
 * A question for sales beside the AR request (an order, a quote, pricing, lead times, who to
 * talk to): the AR reply would leave it unanswered, so a person takes the email. Reported as
 * `other`.
 */
export const SALES_QUESTION: readonly RegExp[] = [
  rxi(String.raw`\b(?:(?:want|would like|need|like|wish|looking) to (?:order|re-?order|buy|purchase|place (?:an|a new|another) order)|place (?:an|a new|another) order|(?:send|give|get) (?:me|us) (?:a )?(?:quote|quotation|price list|pricing)|(?:get|need) a quote|lead[- ]times?|who (?:do|should|can) (?:i|we) (?:talk|speak) to|is the price (?:still )?the same|samples? of)\b`),
  rxi(String.raw`\b(?:(?:quiero|quisiera|queremos|quisiéramos|necesito|necesitamos) (?:hacer un pedido|pedir más|pedir mas|ordenar más|ordenar mas|comprar más|comprar mas)|hacer un pedido|(?:cotización|cotizacion|cotizar) (?:de|para)|tiempo de entrega|con quién (?:hablo|puedo hablar)|con quien (?:hablo|puedo hablar)|lista de precios)\b`),
  rxi(String.raw`\b(?:fazer um pedido|(?:gostaria|gostaríamos|quero|queremos) de (?:pedir|comprar|encomendar)|orçamento (?:de|para)|orcamento (?:de|para)|prazo de entrega|com quem (?:falo|posso falar)|tabela de preços)\b`),
  rxi(String.raw`\b(?:passer (?:une )?commande|(?:souhaiterions|souhaiterais|voudrions|voudrais)(?: \p{L}+)? (?:commander|acheter)|devis pour|délai de livraison|delai de livraison|à qui (?:dois-je|devons-nous|puis-je) m['’]adresser|liste de prix|grille tarifaire)\b`),
  rxi(String.raw`\b(?:(?:möchten|würden gerne|wollen|möchte)${S}\b(?:nach)?bestellen|bestellung aufgeben|angebot (?:für|über)|lieferzeit(?:en)?|preisliste|an wen (?:kann ich|können wir|muss ich) mich wenden)\b`),
  rxi(String.raw`\b(?:fare un ordine|(?:vorremmo|vorrei)(?: \p{L}+)? (?:ordinare|acquistare)|preventivo (?:per|di)|tempi di consegna|listino prezzi|a chi (?:posso|possiamo) rivolger(?:mi|ci))\b`),
  rxi(String.raw`\b(?:bestelling plaatsen|(?:willen|wil|zouden graag)${S}\bbestellen|offerte (?:voor|van)|levertijd(?:en)?|prijslijst|bij wie (?:kan|moet) ik)\b`),
  rxi(String.raw`\b(?:lägga en (?:ny )?beställning|(?:vill|skulle vilja)(?: \p{L}+)? (?:beställa|köpa)|offert på|leveranstid|prislista)\b`),
];

const CUES: Record<PersonIntent, RegExp[]> = {
  dispute: [
    /\b(dispute[sd]?|disputing|contest(ed|ing)?|disagree|query on|complain(t|ing)?|discrepanc(y|ies)|overcharg(e|ed|ing)|over-?billed|double[- ]?(billed|charged|billing)|charged (us )?twice|billed (us )?twice|duplicate (invoice|charge|billing|bill)|short[- ]?pa(id|y|ying)|damaged|defective|(incorrect|wrong|inflated) (price|amount|invoice|charge|quantity|rate|vat|tax|total)|(won'?t|will not|cannot|can'?t|refuse to|not going to) (be )?pay(ing)?|credit (it|us|this|the (difference|charge|amount))|issue (a|us a) credit|not (been )?(delivered|received)[^.?!\n]{0,40}\b(goods|items|order|parts)|never (ordered|received the goods))\b/i,
    /\b(litige|contest(ons|é|ée|er)|erron(é|ée)s?|incorrecte?s?|factur(é|ée)s? (deux fois|en double)|en double|surfactur[a-zà-ÿ]*|endommag[a-zà-ÿ]*|ne (payerons|paierons|réglerons) pas|réclamation)\b/i,
    /\b(reklamation|beanstand[a-zà-ÿ]*|widersprech[a-zà-ÿ]*|widerspruch|falsch(e|en|er)? (preis|betrag|menge|rechnung|berechnung)|fehlerhaft|um (eine )?gutschrift|gutschrift (für|über) (die|den|das)? ?(fracht|differenz|betrag|schaden)|doppelt (berechnet|abgerechnet|fakturiert|belastet)|beschädigt|zu viel berechnet|nicht (be)?zahlen|strittig)\b/i,
    /\b(disputa|reclam(o|ación|amos)|incorrect[oa]s?|err(ó|o)ne[oa]s?|duplicad[oa]s?|cobrad[oa]s? dos veces|dañad[oa]s?|no (vamos a )?pagar|cobro indebido)\b/i,
    /\b(contestazion[ei]|contestiamo|errat[oia]|duplicat[oia]|addebitat[oia] due volte|danneggiat[oia]|non pagheremo|addebito non dovuto|non dovut[oa])\b/i,
    /\b(betwist(en)?|onjuist(e)?|foutie(f|ve)|dubbel (gefactureerd|berekend)|beschadigd|niet betalen|klacht)\b/i,
    /\b(contest(amos|ação)|incorret[oa]s?|errad[oa]s?|duplicad[oa]s?|cobrad[oa]s? em duplicidade|danificad[oa]s?|n(ã|a)o (vamos )?pagar|cobran(ç|c)a indevida|reclama(ç|c)(ã|a)o)\b/i,
    ...PRICE_DISAGREEMENT,
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
  other: [...SALES_QUESTION],
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

// Letters and digits of any script: `\b` only knows ASCII, so "envíes" would end in a word "es".
const L = String.raw`(?<![\p{L}\p{N}_])`;
const R = String.raw`(?![\p{L}\p{N}_])`;
/** Up to `n` words between a file word and its verb, only of the kind "(that) you sent us", "of invoice 12". */
const LINK_WORD = String.raw`(?:you|we|i|that|which|sent|received|got|attached|enclosed|allegat[oa]|joint|jointe|adjunto|anexo|pdf|angehängte|beigefügte|us|me|of|for|to|the|your|our|invoice|facture|rechnung|factura|fattura|factuur|fatura|n°|nr\.?|no\.?|#?[\p{L}-]*\d[\p{L}\p{N}/.-]*|de|la|le|du|der|die|das|den|dem|zur|del|della|dell['’]|van|da|do|vous|nous|avez|envoyée?s?|reçue?s?|qui|que|haben|habt|hat|sie|ihr|uns|mir|geschickt|gesendet|übermittelt|erhalten|enviad[oa]|enviaste|recibid[oa]|que|nos|inviat[oa]|ricevut[oa]|ci|avete|heeft|hebt|hebben|jullie|ons|mij|gestuurd|ontvangen|enviou|enviaram|recebid[oa]|nos)`;
const words = (n: number): string => String.raw`(?:${LINK_WORD},?\s+){0,${n}}`;
const rxu = (source: string): RegExp => new RegExp(source, 'giu');

/**
 * "Duplicate" as the name of the document asked for: French "un duplicata (de la facture)" is a
 * copy, as is "un duplicado", "il duplicato", "o duplicado", "a duplicate copy". Only the noun with
 * its article counts, and never after "is" ("c'est un duplicata de la facture 12", "es un duplicado
 * de…" say two invoices bill the same thing). "Facturé en double", "factura duplicada", "fattura
 * duplicata", "a duplicate invoice" keep tripping.
 */
const COPY_NOUNS: RegExp[] = [
  // French: duplicata is only ever the noun; with an article or before "(de la) facture".
  rxu(String.raw`(?<!${L}(?:est|sont|était|étaient|être|agit\s+d['’]|c['’]est)\s*)${L}(?:un|une|le|les|des|du|ce|cet|votre|vos|notre|nos|deux|trois)\s+duplicatas?${R}`),
  rxu(String.raw`${L}duplicatas?\s+(?:de\s+(?:la\s+|les\s+|votre\s+|vos\s+|notre\s+|nos\s+|cette\s+|ces\s+)?|d['’]|des\s+)?factures?${R}`),
  // Spanish, Italian, Portuguese: the noun with its article, not after a copula.
  rxu(String.raw`(?<!${L}(?:es|son|sea|ser|era|eran|parece|parecen|è|e'|sono|sia|essere|sembra|sembrano|risulta|é|são|seja|parecem)\s*)${L}(?:un|uno|el|los|unos|del|il|i|dei|um|o|os|uns|do|dos|otro|outro|altro|un altro)\s+duplicad[oa]s?${R}`),
  rxu(String.raw`(?<!${L}(?:è|e'|sono|sia|essere|sembra|sembrano|risulta|risultano)\s*)${L}(?:un|uno|il|i|dei|del|un\s+altro)\s+duplicat[oi]${R}`),
  // English: only the unambiguous "duplicate copy" and a duplicate asked for.
  rxu(String.raw`${L}duplicate\s+cop(?:y|ies)${R}`),
  rxu(String.raw`${L}(?:send|resend|re-send|email|e-mail|forward|provide|need|want|request(?:ing)?)\s+(?:(?:me|us)\s+)?(?:(?:a|an|the)\s+)?duplicate\s+(?:of\s+(?:the\s+|your\s+|our\s+)?)?invoices?${R}`),
];

/**
 * A damaged file is not damaged goods: "the PDF attachment is damaged / corrupt, please send it
 * again", "le fichier est endommagé", "die Datei ist beschädigt", "el archivo está dañado", "il
 * file è danneggiato", "het bestand is beschadigd", "o ficheiro está danificado". The file word has
 * to be what is damaged (its own verb, in the same number, a few words at most apart, or the
 * adjective on it), and the email has to ask for the document again.
 */
const FILE_ONE = String.raw`(?:attachment|attached\s+(?:file|pdf|document|invoice)|pdf(?:[- ]?(?:file|attachment|document))?|file|e-?invoice\s+file|scan|fichier|pièce\s+jointe|pj|datei|anhang|anlage|pdf-datei|dokument|archivo|fichero|adjunto|documento|allegato|bestand|bijlage|pdf-bestand|arquivo|ficheiro|anexo)`;
const FILE_MANY = String.raw`(?:attachments|attached\s+(?:files|pdfs|documents|invoices)|pdfs|files|scans|fichiers|pièces\s+jointes|dateien|anhänge|anlagen|dokumente|archivos|ficheros|adjuntos|documentos|allegati|bestanden|bijlagen|arquivos|ficheiros|anexos)`;
const IS_ONE = String.raw`(?:is|was|seems|appears|looks|has\s+been|came(?:\s+through)?|arrived|got|est|était|semble|paraît|a\s+été|arrive|ist|war|scheint|wurde|está|estaba|parece|ha\s+llegado|llegó|viene|è|era|sembra|risulta|arriva|è\s+arrivato|lijkt|is\s+aangekomen|kwam|estava|chegou|veio)`;
const IS_MANY = String.raw`(?:are|were|seem|appear|look|have\s+been|came(?:\s+through)?|arrived|got|sont|étaient|semblent|paraissent|ont\s+été|sind|waren|scheinen|wurden|están|estaban|parecen|llegaron|vienen|sono|erano|sembrano|risultano|zijn|lijken|waren|estão|estavam|parecem|chegaram|vieram)`;
const TO_BE = String.raw`(?:(?:to\s+be|être|zu\s+sein|estar|ser|essere|te\s+zijn)\s+)?`;
const ADVERB = String.raw`(?:(?:completely|totally|somehow|probably|apparently|entièrement|complètement|peut-être|visiblement|wohl|anscheinend|offenbar|leider|komplett|totalmente|completamente|parzialmente|helemaal|kennelijk|blijkbaar)\s+)?`;
const DAMAGED = String.raw`(?:damaged|corrupt(?:ed)?|defective|broken|unreadable|endommagée?s?|corrompue?s?|illisibles?|défectueux|défectueuse|beschädigt|defekt|fehlerhaft|korrupt|dañad[oa]s?|corrupt[oa]s?|ilegibles?|danneggiat[oa]|danneggiat[ie]|corrott[oaie]|illeggibil[ei]|beschadigd|corrupt|onleesbaar|danificad[oa]s?|corrompid[oa]s?|ilegíve(?:l|is))`;
const DAMAGED_FILE: RegExp[] = [
  rxu(String.raw`${L}${FILE_ONE},?\s+${words(5)}${IS_ONE}\s+${TO_BE}${ADVERB}${DAMAGED}${R}`),
  rxu(String.raw`${L}${FILE_MANY},?\s+${words(5)}${IS_MANY}\s+${TO_BE}${ADVERB}${DAMAGED}${R}`),
  // The adjective on the file word, either side of it.
  rxu(String.raw`${L}(?:damaged|corrupt(?:ed)?|defective|broken|unreadable|beschädigte[nrs]?|defekte[nrs]?|fehlerhafte[nrs]?|beschadigde|corrupte|onleesbare)\s+(?:${FILE_ONE}|${FILE_MANY})${R}`),
  rxu(String.raw`${L}(?:${FILE_ONE}|${FILE_MANY})\s+(?:joint\s+|jointe\s+|adjunto\s+|allegato\s+|anexo\s+|pdf\s+)?${DAMAGED}${R}`),
];
/** Asks for the document again: what a damaged file calls for. */
const SEND_AGAIN = rxu(
  String.raw`${L}(?:re-?send|resubmit|send\s+(?:\S+\s+){0,4}?again|another\s+copy|new\s+copy|fresh\s+copy|re-?issue|renvoy\w*|réexpédi\w*|à\s+nouveau|de\s+nouveau|nouvelle\s+copie|nouvel\s+envoi|erneut|nochmals|noch\s*(?:ein)?mal|neu\s+(?:zu\s+)?(?:senden|schicken|zusenden)|reenvi\w*|de\s+nuevo|otra\s+vez|nuevamente|volver\s+a\s+enviar|reinvi\w*|rimand\w*|di\s+nuovo|nuovamente|opnieuw|nogmaals|nog\s+een\s*keer|novamente|de\s+novo|outra\s+vez|voltar\s+a\s+enviar)${R}`,
);

/**
 * The new text with the phrases blanked in which a dispute word describes the document asked
 * for rather than the goods or the bill: a duplicate copy, a damaged file sent again.
 */
export function blankCopyRequestPhrases(text: string): string {
  let out = text;
  for (const re of COPY_NOUNS) out = out.replace(re, ' ');
  SEND_AGAIN.lastIndex = 0;
  if (SEND_AGAIN.test(out)) for (const re of DAMAGED_FILE) out = out.replace(re, ' ');
  return out;
}

/**
 * `\b` only knows ASCII letters, so a cue ending in an accented letter ("avons effectué",
 * "contesté") never matched before a space. Every cue runs with a word boundary that knows
 * every script's letters instead.
 */
const UNICODE_BOUNDARY = String.raw`(?:(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_])|(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_]))`;
const withUnicodeBoundaries = (re: RegExp): RegExp => new RegExp(re.source.replace(/\\b/g, UNICODE_BOUNDARY), 'iu');
const CUE_PATTERNS = Object.entries(CUES).map(([intent, patterns]) => [intent, patterns.map(withUnicodeBoundaries)]) as Array<[PersonIntent, RegExp[]]>;

export interface Tripwire {
  intent: PersonIntent;
  cue: string;
}

/** Cues of person-only intents that the model's intents do not already account for. */
export function tripwires(newText: string, detected: readonly Intent[]): Tripwire[] {
  const out: Tripwire[] = [];
  for (const [intent, patterns] of CUE_PATTERNS) {
    if (detected.includes(intent)) continue;
    // Asking whether a payment arrived names the payment too; the model's payment_status covers that.
    if (intent === 'remittance_advice' && detected.includes('payment_status')) continue;
    const text = intent === 'dispute' ? blankCopyRequestPhrases(newText) : newText;
    for (const re of patterns) {
      const m = re.exec(text);
      if (m) {
        out.push({ intent, cue: m[0] });
        break;
      }
    }
  }
  return out;
}
