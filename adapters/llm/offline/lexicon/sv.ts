// Swedish cue phrases (folded: "å", "ä", "ö" are written "a", "a", "o"; see types.ts). The
// pipeline does not reply in Swedish, but Nordic customers write to AR in it, and what they ask
// must still be recognised. Swedish compounds nouns ("fakturakopia", "kontoutdrag"), so cues
// match word parts.
import { GAP, LONG_GAP, REF, rx } from './rx.js';
import type { LanguageLexicon } from './types.js';

const FAKTURA = String.raw`(?:\bfaktur(?:a|an|or|orna|ans|ornas|nummer|nr)?\b|${REF})`;
const BETALNING = String.raw`(?:\b(?:in)?betalning\w*|\boverforing\w*|\bpengarna\b|\bbeloppet\b|#amt)`;

export const sv: LanguageLexicon = {
  intents: {
    invoice_copy: {
      strong: [
        rx`\bfakturakopi\w*|\b(?:kopia|kopior|kopian|dubblett|pdf)\b${GAP}${FAKTURA}|${FAKTURA}${GAP}\b(?:kopia|kopior|som pdf|i pdf)\b`,
        rx`\bskicka\w*${GAP}\b(?:igen|pa nytt|en gang till)\b|\b(?:skicka|mejla|maila) om\b`,
        rx`\b(?:hittar|hittat|hitta) (?:inte|ej|ingen)\b${GAP}${FAKTURA}|${FAKTURA}${LONG_GAP}\b(?:hittar|hittat) (?:inte|ej)\b`,
        rx`\b(?:inte|ej|aldrig) (?:fatt|mottagit|sett)\b${GAP}${FAKTURA}|${FAKTURA}${LONG_GAP}\b(?:har|hade) (?:inte|ej|aldrig) (?:kommit|dykt upp|fatts|mottagits)\b`,
        rx`\bsaknar\b${GAP}${FAKTURA}|${FAKTURA}${GAP}\bsaknas\b`,
      ],
      weak: [rx`\b(?:skicka|mejla|maila|behover|fa)\b${GAP}${FAKTURA}`, rx`\bfaktur\w*`, rx`\bbilag\w*`],
    },
    balance_statement: {
      strong: [
        rx`\b(?:konto|kund|reskontra)utdrag\w*|\bsaldo(?:besked|bekraftelse|lista)\w*|\baldersanalys\w*`,
        rx`\b(?:oppna|obetalda|forfallna|utestaende) (?:poster|fakturor|belopp)\b${GAP}\b(?:lista|sammanstallning|specifikation|utdrag)\b|\b(?:lista|sammanstallning|specifikation|utdrag)\b${GAP}\b(?:oppna|obetalda|forfallna|utestaende) (?:poster|fakturor)\b|\balla oppna poster\b`,
        rx`\b(?:aktuellt|utestaende|kvarvarande) saldo\b|\bhur mycket (?:vi )?(?:ar skyldiga|har kvar att betala|ar skyldig)\b|\bvad (?:vi )?(?:ar skyldiga|har kvar att betala)\b`,
      ],
      weak: [rx`\bsaldo\b`, rx`\b(?:utestaende|obetald\w*|forfalln\w*|oppna poster)\b`, rx`\bstamma av\b|\bavstamning\w*`],
    },
    payment_status: {
      strong: [
        rx`\bbekrafta\w*${LONG_GAP}${BETALNING}${LONG_GAP}\b(?:kommit (?:in|fram)|mottagits|bokats|registrerats|avraknats)\b`,
        rx`\bbekrafta\w*${LONG_GAP}\b(?:mottag\w*|kommit (?:in|fram)|bokad\w*|registrerad\w*|avraknad\w*)\b|\b(?:har|har ni|har du)\b${GAP}${BETALNING}${GAP}\b(?:kommit (?:in|fram)|mottagits|bokats|registrerats)\b`,
        rx`\b(?:har ni|har du) (?:fatt|mottagit|tagit emot|bokat|registrerat)\b${LONG_GAP}${BETALNING}`,
        rx`\b(?:star|ligger|syns) (?:fortfarande|kvar) som (?:oppen|obetald|forfallen)\b|\bfortfarande (?:oppen|obetald|forfallen)\b`,
        rx`\bbetalningsstatus\b|\bstatus (?:pa|for) (?:var|vara|betalningen|inbetalningen)\b|\b(?:vilken|vilka) faktur\w*${GAP}\b(?:betalningen|inbetalningen|beloppet)\b`,
      ],
      weak: [rx`\b(?:mottagit|kommit in|bokad|registrerad)\b`, rx`\b(?:in)?betalning\w*`],
    },
    remittance_advice: {
      strong: [
        rx`\b(?:vi|jag) (?:har )?(?:idag |igar |nu |redan )?(?:betalat|betalt|overfort|satt in|gjort en (?:in)?betalning|skickat betalningen)\b`,
        rx`${BETALNING}${GAP}\b(?:ar pa vag|gick ut|har gatt ut|skickades|gjordes|ar gjord|ar skickad)\b`,
        rx`\b(?:vi|jag) (?:kommer att|ska|skall) (?:betala|overfora|satta in)\b|\b(?:betalas|betald) (?:pa|den|nasta|i|senast)\b|\bbetalar (?:vi|jag) (?:in )?(?:resten|fakturan|beloppet)\b`,
        rx`\bbetalnings(?:avi|specifikation|bekraftelse|underlag)\w*|\bdelbetalning\w*|\b(?:bifogad|bifogat|bifogar)\b${GAP}\b(?:betalning\w*|specifikation|kvitto)\b`,
      ],
      weak: [rx`\b(?:betalat|betalt|overfort|inbetalning)\b`, rx`\b(?:bankgiro|plusgiro|ocr)\b`],
    },
    dispute: {
      strong: [
        // A price or charge disagreement without a dispute word.
        rx`\binte (?:med )?i (?:offerten|avtalet|orderbekraftelsen|bestallningen)\b`,
        rx`\b(?:mer|hogre|dyrare)\b${GAP}\ban\b${GAP}\b(?:avtalat|overenskommet|offererat|offerten|orderbekraftelsen)\b|\b(?:avtalade|overenskomna|offererade) priset\b|\bavviker\b${GAP}\b(?:offert|orderbekraftelse|bestallning|avtal|pris)\w*|\b(?:fakturer|debiter)\w*${LONG_GAP}\bi ?stallet for\b|\b(?:ratta|korrigera)\w*${GAP}\binnan (?:vi|ni)\b`,
        rx`\bkredit(?:nota|faktura|ering)\w*${LONG_GAP}\b(?:vantar|behover|vill ha|skicka|begar|onskar)\b|\b(?:vantar|behover|begar|vill ha|onskar|ber om)\b${GAP}\bkredit(?:nota|faktura|ering)?\w*`,
        rx`\b(?:fel|felaktig\w*|inte korrekt|stammer inte|for hog\w*|hogre an)\b${GAP}\b(?:pris|belopp|antal|moms|frakt|summa|faktur|rabatt)\w*|\b(?:pris|belopp|antal|moms|frakt|rabatt)\w*${GAP}\b(?:fel|felaktig\w*|stammer inte|for hog\w*|avviker)\b`,
        rx`\b(?:dubbel|tva ganger)\w*${GAP}\b(?:fakturer|debiter)\w*|\bdubbelfakturer\w*`,
        rx`\b(?:skadad\w*|trasig\w*|defekt\w*|saknade (?:delar|varor|artiklar)|aldrig levererat|inte levererat|fel varor)\b`,
        rx`\b(?:reklamation|reklamera|bestrider|bestrida|tvist)\w*|\binte (?:bestallt|godkant|overenskommet)\b`,
        rx`\b(?:drar av|dra av|avdrag|kvittar|haller inne|halla inne)\b|\bminus (?:det|detta) beloppet\b`,
        rx`\b(?:skickade tillbaka|returnerat|returnerade|skickat tillbaka)\b${LONG_GAP}\b(?:debiter|fakturer|faktura)\w*|\b(?:debiter|fakturer)\w*${LONG_GAP}\b(?:returnerat|skickat tillbaka|trots)\b`,
        rx`\b(?:avtalat|overenskommet|offererat) pris\b|\benligt (?:avtal|offert|ramavtal|orderbekraftelse)\w*`,
      ],
      weak: [rx`\b(?:pris|rabatt|kredit\w*|frakt|retur\w*|korriger\w*|makuler\w*)\b`],
    },
    tax_form_request: {
      strong: [
        rx`\b(?:leverantors|registrerings)(?:blankett|formular|uppgifter|registrering)\w*|\bbankintyg\w*|\bbankbekraftelse\w*|\bregistreringsbevis\w*|\bf-?skatt\w*|\bskattebevis\w*|\bresidensintyg\w*`,
        rx`\b(?:fylla i|fyll i|underteckna|signera)\b${GAP}\b(?:blankett|formular)\w*`,
      ],
      weak: [rx`\b(?:blankett|formular|intyg|momsnummer)\w*`],
    },
    contact_update: {
      strong: [
        rx`\bnya? (?:faktura|e-?post|post|leverans)?adress\w*|\bnya? (?:kontaktperson|mottagare|e-?postadress)\b|\badressandring\w*`,
        rx`\b(?:andra|uppdatera)\b${LONG_GAP}\b(?:adress|kontakt|e-?post|mottagare|register|kunduppgifter|uppgifter)\w*`,
        rx`\b(?:har slutat|arbetar (?:inte|ej) (?:langre|kvar)|ar inte langre)\b|\b(?:peppol|e-?faktur\w*|svefaktura)\b`,
        rx`\bskicka (?:alla |framtida )?(?:fakturor|paminnelser|kontoutdrag)\b${GAP}\btill\b`,
      ],
      weak: [rx`\badress\b`, rx`#email`, rx`\b(?:fran och med|framover|fr\.o\.m\.?)`],
    },
    auto_reply: {
      strong: [
        rx`\b(?:jag ar|ar) (?:borta|ledig|pa semester|tjanstledig|franvarande|sjukskriven|foraldraledig)\b|\bfranvarande\b|\bnar jag ar tillbaka\b|\bter(?:kommer|vander) (?:den|pa|efter)\b`,
        rx`\blastes den\b|\blasbekraftelse\w*`,
        rx`\bautomatiskt (?:svar|meddelande|genererat)\b|\bkunde inte levereras\b|\bonbestallbar\w*|\bvi har tagit emot (?:ditt|din|ert) (?:meddelande|arende|e-?post|mejl)\b|\barendenummer\b`,
      ],
      weak: [rx`\bbradskande\b`],
    },
    other: {
      strong: [rx`\b(?:avregistrera|nyhetsbrev|webbinarium|kostnadsfri demo|klicka har)\b`, rx`\b(?:leveranstid|i lager|produktblad|offertforfragan)\b`],
      weak: [rx`\b(?:tack|tusen tack|toppen|perfekt)\b`, rx`\b(?:offert|prisuppgift)\b`],
    },
  },
  acknowledgements: [
    rx`\b(?:tack|tusen tack|stort tack)(?: sa mycket)?,? for\b(?! (?:ditt|ert|din) (?:meddelande|mejl|mail|svar))[^.!?\n]*`,
    rx`(?:^|[.!?\n]) *(?:mottaget|fatt den|fick den|fatt dem),? tack\b`,
    rx`\b(?:vi|jag) har (?:fatt|mottagit) (?:er|din|ert|era) (?:paminnelse|faktura|kontoutdrag|utdrag)\w*`,
  ],
  requests: [
    rx`\b(?:vanligen|snalla|var god|tack pa forhand)\b`,
    rx`\b(?:kan ni|kan du|skulle ni|skulle du|vill ni|ber (?:er|dig|om)|onskar)\b`,
    rx`\b(?:vi|jag) behover\b`,
  ],
};
