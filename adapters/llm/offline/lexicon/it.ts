// Italian cue phrases (folded; see types.ts).
import { GAP, LONG_GAP, REF, rx } from './rx.js';
import type { LanguageLexicon } from './types.js';

const FATTURA = String.raw`(?:\bfatture?\b|\bfatt\b|\bft\b|${REF})`;
const PAGAMENTO = String.raw`(?:\b(?:pagament[oi]|bonific[oi]|assegn[oi]|versament[oi]|ri\.?ba)\b|#amt)`;

export const it: LanguageLexicon = {
  intents: {
    invoice_copy: {
      strong: [
        rx`\b(?:copia|copie|duplicato|duplicati|pdf|ristampa)\b${GAP}${FATTURA}`,
        rx`${FATTURA}${GAP}\b(?:in copia|copia|copie|duplicato|in pdf)\b`,
        rx`\b(?:rinvi|reinvi|rimand|ritrasmett|inviare di nuovo|inviarci nuovamente|inviare nuovamente)\w*`,
        rx`\bnon (?:abbiamo|ho) (?:ancora )?(?:ricevuto|trovato)\b${GAP}${FATTURA}|\bnon (?:troviamo|trovo|riusciamo a trovare)\b${GAP}${FATTURA}`,
        rx`\bfatture? mancant\w*|\bci mancano?\b${GAP}${FATTURA}`,
      ],
      weak: [rx`\b(?:inviare|inviarci|inviarmi|mandare|mandarci|trasmettere|necessitiamo|abbiamo bisogno)\b${GAP}${FATTURA}`, rx`\bfatture?\b`, rx`\ballegat\w*`],
    },
    balance_statement: {
      strong: [
        rx`\bestratto conto\b|\bestratto\b|\bsituazione (?:contabile|del (?:nostro )?conto|debitoria|partite)\b`,
        rx`\bpartite (?:aperte|scadute|insolute|da pagare)\b|\belenco (?:delle )?(?:fatture|partite) (?:aperte|scadute|insolute|da pagare)\b|\bscadenzario\b`,
        rx`\bsaldo (?:attuale|aperto|del (?:nostro )?conto|residuo|ad oggi|contabile)\b|\bquanto (?:vi )?(?:dobbiamo|devo)\b`,
      ],
      weak: [rx`\bsaldo\b`, rx`\bestratti conto\b`, rx`\b(?:scadut|insolut|aperte|in sospeso)\w*`, rx`\b(?:riconciliazione|quadratura)\b|\bnote di credito (?:aperte|non utilizzate)\b`],
    },
    payment_status: {
      strong: [
        rx`\bconferm\w*\b${LONG_GAP}${PAGAMENTO}${LONG_GAP}\b(?:ricevut|registrat|incassat|accreditat|imputat|arrivat|abbinat)\w*`,
        rx`\bconferm\w*\b${LONG_GAP}\b(?:ricezione|ricevuto|avvenuto accredito|accredito|incasso|registrazione|ricevimento|arrivato)\b(?=${LONG_GAP}${PAGAMENTO})|${PAGAMENTO}${LONG_GAP}\bconferm\w*\b${GAP}\b(?:ricezione|ricevuto|accredito|arrivato)\b|\bconferm\w*\b${GAP}\b(?:l'avvenuto accredito|l'accredito|avvenuto accredito)\b`,
        rx`\b(?:avete ricevuto|e arrivato|vi e arrivato|e stato registrato|e stato incassato)\b${GAP}${PAGAMENTO}|${PAGAMENTO}${GAP}\b(?:ricevut|registrat|incassat|arrivat|accreditat)\w*[^.!\n]{0,30}\?`,
        rx`\b(?:a|su) quali fatture\b${GAP}\b(?:imputat|allocat|registrat|abbinat|riferisc)\w*|\bquali fatture\b${GAP}\b(?:copre|salda|paga|pagamento|bonifico)\w*`,
        rx`\bse (?:e stato|sono stati|e gia stato) (?:registrat|ricevut|incassat|accreditat|imputat)\w*`,
        rx`\bstato del (?:pagamento|bonifico)\b|\bcome (?:e stato|sono stati) (?:registrat|imputat|allocat)\w*`,
        rx`\b(?:risulta|risultano|ancora) (?:ancora )?(?:aperte?|insolut[ae]|scadut[ae]|non pagat[ae]|da pagare)\b`,
      ],
      weak: [rx`\b(?:ricevut|accredit|incass|registrat)\w*`, rx`\bpagament[oi]\b`, rx`\bconferm\w*\b${GAP}\b(?:ricezione|ricevuto|arrivato)\b`],
    },
    remittance_advice: {
      strong: [
        rx`\b(?:pagamento|bonifico|fondi|soldi|assegno)\b${GAP}\b(?:e )?(?:in arrivo|partit\w*|spedit\w*)|\bdata (?:di )?valuta\b|\bpagat[oa] (?:con|tramite|mediante) (?:carta|bonifico|assegno|riba)\b|\bfatto (?:il|un) bonifico\b|\bdistinta di pagamento\b|\bacconto di\b`,
        rx`\bavviso di (?:pagamento|bonifico)\b|\b(?:contabile|distinta|ricevuta|prova|dettaglio) (?:del |di )?(?:pagamento|bonifico)\b|\bcontabile bancaria\b`,
        rx`\b(?:abbiamo|ho)\s?(?:gia |oggi )?(?:effettuato|disposto|eseguito|pagato|saldato|inviato|bonificato|emesso|predisposto|programmato)\b`,
        rx`\b(?:bonifico|pagamento|assegno)\b${LONG_GAP}\b(?:e stato|sara|verra|viene) (?:effettuat|dispost|eseguit|inviat|emess|programmat|spedit)\w*`,
        rx`\bvi informiamo\b${LONG_GAP}\b(?:pagament|bonific|saldat|pagat)\w*|\bprocederemo al pagamento\b|\b(?:pagheremo|salderemo|disporremo)\b`,
        rx`\b(?:in allegato|alleghiamo|allego)\b${GAP}\b(?:contabile|distinta|ricevuta|dettaglio|avviso)\b`,
      ],
      weak: [rx`\b(?:pagat[ae]|saldat[ae]|bonificat[oi])\b`, rx`\b(?:bonifico|assegno|cro|trn)\b`],
    },
    dispute: {
      strong: [
        // A price or charge disagreement without a dispute word.
        rx`\bnon (?:(?:era|erano|e) )?(?:previst[oi]|inclus[oi]|presenti|era|erano) (?:nel|dal|nella|dalla) (?:preventivo|offerta|contratto|ordine|conferma d'ordine)\b`,
        rx`\bpiu (?:alto )?(?:di quanto|del prezzo|rispetto al)\b${GAP}\b(?:concordat|pattuit|quotat|offert|preventiv|convenut)\w*|\bnon e il prezzo\b|\bprezz[oi] (?:concordat|pattuit|convenut|quotat|del preventivo)\w*|\b(?:non corrisponde|differisce|diverso)\w*${GAP}\b(?:conferma d'ordine|preventivo|ordine|offerta|contratto|listino)\b|\b(?:addebitat|fatturat)\w*${LONG_GAP}\binvece di\b|\b(?:corregg|rettific)\w*${GAP}\bprima di (?:pagar|procedere)\w*`,
        rx`\babbiamo ordinato solo\b|\bsolo #num (?:pezzi|colli|cartoni)? ?su #num\b|\b(?:resi|restituit\w*|rispedit\w*)\b${LONG_GAP}\bfatturat\w*|\bprezzo concordato\b|\breverse charge\b|\bstessa consegna\b|\bnota di accredito\b`,
        rx`\b(?:contest|reclam|disaccordo)\w*`,
        rx`\b(?:errat|sbagliat|non corrett|non corrisponde|non corrispondono|piu alt|superiore)\w*${GAP}\b(?:prezz|importo|quantita|tariff|iva|impost|totale|trasporto|sconto|fattura)\w*`,
        rx`\b(?:prezz|importo|quantita|tariff|iva|impost|trasporto|sconto)\w*${GAP}\b(?:errat|sbagliat|non corrett|non corrisponde|diverso|piu alt)\w*`,
        rx`\b(?:fatturat[oi]|addebitat[oi]) (?:due volte|in doppio|doppiamente)\b|\bdoppia fatturazione\b|\bfattura doppia\b|\bduplicazione\b`,
        rx`(?<!\b(?:file|allegat[oi]|pdf|document[oi]) (?:(?:allegato|pdf) )?(?:(?:e|era|sembra|risulta|arriva|e arrivato|sono|sembrano) )?)\b(?:danneggiat|rott[oa]|difettos|mancant[ei] (?:pezzi|articoli|colli)|non consegnat|mai consegnat)\w*`,
        rx`\bnota di credito\b${GAP}\b(?:emettere|emettete|inviare|richiediamo)\b|\b(?:emettere|emettete|richiediamo|chiediamo)\b${GAP}\bnota di credito\b`,
        rx`\b(?:dedott|trattenut|decurtat|detratt)\w*|\bnon (?:accettiamo|siamo d'accordo|riconosciamo)\b|\bdichiarazione d'intento\b`,
      ],
      weak: [rx`\b(?:prezz|sconto|accredito|rimborso|trasporto|rettific|correzione|storn|annull)\w*`],
    },
    tax_form_request: {
      strong: [
        rx`\b(?:modulo|scheda|anagrafica|censimento|questionario) (?:di )?(?:fornitore|fornitori|apertura)\w*|\banagrafica fornitor\w*`,
        rx`\b(?:lettera|dichiarazione|attestazione|conferma) (?:della |dalla )?(?:banca|bancaria)\b|\bcoordinate bancarie (?:su carta intestata|firmate)\b`,
        rx`\b(?:certificato|attestato) (?:di )?(?:residenza fiscale|esenzione)\b|\b(?:partita iva|codice fiscale|p\.? ?iva|visura camerale|durc|w-?9)\b`,
        rx`\b(?:compilare|firmare|compilato|firmato|restituire)\b${GAP}\b(?:modulo|scheda|questionario)\b`,
      ],
      weak: [rx`\b(?:modulo|certificat|dichiarazion|fiscal)\w*`],
    },
    contact_update: {
      strong: [
        rx`\b(?:sdi|codice destinatario|peppol|edi|fatturazione elettronica|fatture elettroniche|portale fornitori)\b|\bnuova (?:societa|ragione sociale|entita)\b|\bsostituisco\b|\bsede legale\b${GAP}\b(?:spostat|trasferit|cambiat)\w*`,
        rx`\b(?:nuov[oaie]|cambio|variazione|aggiornamento|aggiornare|aggiornate|modificare|modificate|cambiare)\b${GAP}\b(?:indirizz|sede|contatt|referent|destinatari|e-?mail|casella|pec)\w*`,
        rx`\b(?:inviare|inviate|indirizzare|indirizzate|spedire)\b${GAP}\b(?:fatture|estratti|solleciti|comunicazioni)\b${GAP}(?:#email|\bnuov[oa]\b|\bseguente\b)`,
        rx`\b(?:rimuovere|eliminare|togliere|cancellare|rimuovete|togliete)\b${LONG_GAP}\b(?:lista|contatt|destinatari|copia|distribuzione)\w*`,
        rx`\b(?:sede|indirizz|email|pec)\w*${GAP}\b(?:cambia|cambiera|e cambiat|variera)\w*|\bnon (?:lavora|fa) piu (?:con noi|parte)\b|\bha lasciato (?:l'azienda|la societa)\b|\bci siamo trasferiti\b|\baggiungere\b${GAP}\b(?:in copia|in cc|come contatto)\b`,
      ],
      weak: [rx`\b(?:indirizzo|sede|contatto|referente)\b`, rx`#email`, rx`\b(?:a partire da|d'ora in poi|dal prossimo)\b`],
    },
    auto_reply: {
      strong: [
        rx`\b(?:sono|saro) (?:attualmente )?(?:fuori (?:ufficio|sede)|assente|in ferie|in vacanza|in trasferta)\b|\bfuori (?:ufficio|sede)\b`,
        rx`\bdurante la mia assenza\b|\bal mio rientro\b|\brientrero\b`,
        rx`\b(?:risposta|messaggio) automatic\w*|\bgenerat[oa] automaticamente\b|\bnon rispondere\b`,
        rx`\bnon (?:e stato possibile|e possibile) recapitare\b|\bmancato recapito\b|\bnon recapitabile\b|\bdestinatario sconosciuto\b|\bcasella piena\b`,
        rx`\be stato letto\b|\bconferma di lettura\b`,
        rx`\babbiamo ricevuto (?:la sua|la vostra|il suo|il vostro) (?:e-?mail|messaggio|richiesta)\b${LONG_GAP}\b(?:risponder|gestit|evas|contatter)\w*|\bnumero (?:di )?ticket\b`,
      ],
      weak: [rx`\burgen\w*`],
    },
    other: {
      strong: [
        rx`\b(?:disiscriv|newsletter|webinar|prova gratuita|offerta speciale|clicca qui|dimostrazione|demo)\w*|\bla nostra (?:piattaforma|soluzione|software)\b`,
        rx`\b(?:tempi di consegna|disponibilita|a magazzino|catalogo|scheda tecnica|nuovo ordine|stato dell'ordine)\b`,
      ],
      weak: [rx`\b(?:preventivo|prezzi|listino)\b`, rx`\b(?:grazie|perfetto|ottimo|ricevuto)\b`],
    },
  },
  acknowledgements: [
    rx`\b(?:grazie|grazie mille|molte grazie|vi ringrazio|la ringrazio|ringraziamo)(?: molto| ancora)?,? (?:per)\b(?! (?:il|la) (?:vostr|su)[oa] (?:messaggio|e-?mail|richiesta))[^.!?\n]*`,
    rx`(?:^|[.!?\n]) *(?:ricevut[oae],? grazie|ben ricevut[oae]|tutto ricevuto)\b`,
    rx`\babbiamo ricevuto (?:il vostro |la vostra |il |la |l')?(?:estratto conto|sollecito|fattura|avviso)\b`,
  ],
  requests: [
    rx`\b(?:per favore|per cortesia|cortesemente|gentilmente|vi prego|vi preghiamo|si prega)\b`,
    rx`\b(?:potreste|potete|potrebbe|puo)\b`,
    rx`\b(?:chiediamo|chiedo|richiediamo|richiedo|necessitiamo|necessito|avremmo bisogno|abbiamo bisogno|vorremmo|vorrei)\b`,
  ],
};
