// Dutch cue phrases (folded; see types.ts). Like German, Dutch compounds nouns
// ("factuurkopie", "rekeningoverzicht", "betalingsbewijs"), so cues match word parts.
import { GAP, LONG_GAP, REF, rx } from './rx.js';
import type { LanguageLexicon } from './types.js';

const FACTUUR = String.raw`(?:\bfactu(?:ur|ren)\w*|${REF})`;
const BETALING = String.raw`(?:\bbetaling\w*|\boverboeking\w*|\boverschrijving\w*|\bcheque\w*|#amt)`;

export const nl: LanguageLexicon = {
  intents: {
    invoice_copy: {
      strong: [
        rx`\bfactuurkopie\w*|\b(?:kopie|kopieen|duplicaat|pdf)\b${GAP}${FACTUUR}`,
        rx`${FACTUUR}${GAP}\b(?:kopie|kopieen|duplicaat|als pdf|in pdf|nogmaals|opnieuw)\b`,
        rx`\b(?:opnieuw|nogmaals|nog een keer) (?:toe ?)?(?:sturen|zenden|versturen|mailen)\b|\bopnieuw (?:toe )?te (?:sturen|zenden)\b`,
        rx`${FACTUUR}${LONG_GAP}\bniet (?:ontvangen|gevonden|terug ?vinden)\b|\b(?:geen|niet)\b${GAP}${FACTUUR}${GAP}\bontvangen\b|\bkunnen${GAP}niet vinden\b`,
        rx`\bontbrekende factu\w*|${FACTUUR}${GAP}\bontbre\w*`,
      ],
      weak: [rx`\b(?:sturen|toesturen|zenden|mailen|nodig)\b${GAP}${FACTUUR}|${FACTUUR}${GAP}\b(?:sturen|toesturen|zenden|mailen|nodig)\b`, rx`\bfactu(?:ur|ren)\b`, rx`\bbijlage\b`],
    },
    balance_statement: {
      strong: [
        rx`\bschuldig\b`,
        rx`\b(?:rekening|klant|debiteuren|saldo)overzicht\w*|\brekeningafschrift\w*|\boverzicht (?:van )?(?:de |alle |onze )?(?:openstaande|open) (?:posten|facturen|bedragen)\b`,
        rx`\bopenstaande posten\b|\bopen posten\b|\bouderdomsanalyse\b|\bsaldobevestiging\b`,
        rx`\bwelke facturen\b${GAP}\b(?:open ?staan|nog open|onbetaald)\b|\b(?:totale|totaal) saldo\b`,
        rx`\b(?:huidig|openstaand|actueel)e? saldo\b|\bhoeveel (?:staat er|staan wij|moeten wij|zijn wij)\b|\bwat staat er (?:nog )?open\b`,
      ],
      weak: [rx`\bsaldo\b`, rx`\b(?:openstaand|vervallen|achterstallig)\w*`, rx`\b(?:afstemming|afstemmen)\b|\bcreditnota'?s? (?:nog )?(?:open|niet verrekend)\b`],
    },
    payment_status: {
      strong: [
        rx`\bbevestig\w*${LONG_GAP}${BETALING}${LONG_GAP}\b(?:ontvangen|verwerkt|geboekt|toegewezen|afgeletterd|binnen|aangekomen)\b`,
        rx`\bbevestig\w*${LONG_GAP}\b(?:ontvangst|ontvangen|verwerkt|geboekt|toegewezen|afgeletterd|binnen)\b(?=${LONG_GAP}${BETALING})|${BETALING}${LONG_GAP}\bbevestig\w*|\bbevestig\w*${GAP}\bontvangst\b${GAP}${BETALING}`,
        rx`\b(?:hebben jullie|heeft u|hebt u|is)\b${GAP}${BETALING}${LONG_GAP}\b(?:ontvangen|binnen|verwerkt|geboekt|aangekomen)\b|${BETALING}${GAP}\b(?:ontvangen|verwerkt|geboekt|binnen)\b[^.!\n]{0,30}\?`,
        rx`\b(?:welke|op welke) factu\w*${GAP}\b(?:betaald|geboekt|toegewezen|verrekend|afgeletterd|gedekt)\b|\bhoe (?:is|zijn)\b${GAP}\b(?:geboekt|verwerkt|toegewezen)\b`,
        rx`\bstatus van (?:de|onze|mijn) (?:betaling|overboeking)\b|\bbetalingsstatus\b`,
        rx`\b(?:nog steeds|nog altijd|staat nog) (?:als )?(?:open|openstaand|onbetaald|vervallen)\b`,
      ],
      weak: [rx`\b(?:ontvangen|ontvangst|verwerkt|geboekt)\b`, rx`\bbetaling\b`, rx`\bbevestig\w*${GAP}\b(?:ontvangst|ontvangen|binnen)\b`],
    },
    remittance_advice: {
      strong: [
        rx`\b(?:betaling|geld|overboeking|bedrag)\b${GAP}\b(?:is onderweg|onderweg|de deur uit|van onze rekening)\b|\bvalutadatum\b|\bdeelbetaling\b|\bbetaal(?:specificatie|batch|run)\b|\b(?:met|per) (?:creditcard|pin|overboeking|ideal) (?:betaald|afgerekend)\b|\boverboeking (?:vandaag )?opgedragen\b`,
        rx`\bbetalings(?:advies|bericht|specificatie|bewijs|overzicht)\w*|\b(?:bewijs|specificatie) van (?:de )?betaling\b`,
        rx`\b(?:wij hebben|we hebben|hebben wij|hebben we|ik heb|heb ik)\b${LONG_GAP}\b(?:betaald|overgemaakt|overgeboekt|voldaan|verstuurd|ingepland|geboekt)\b`,
        rx`\b(?:is|zijn|wordt|worden)\b${GAP}\b(?:betaald|overgemaakt|overgeboekt|voldaan|ingepland)\b`,
        // Subordinate clauses put the verbs last: "dat wij vandaag het saldo … hebben overgeschreven".
        rx`\b(?:wij|we|ik)\b${LONG_GAP}\b(?:(?:hebben|heb|zijn) (?:betaald|overgemaakt|overgeschreven|overgeboekt|voldaan)|(?:betaald|overgemaakt|overgeschreven|overgeboekt|voldaan) (?:hebben|heb))\b`,
        rx`\b(?:wij zullen|we zullen|zullen wij)\b${LONG_GAP}\b(?:betalen|overmaken|voldoen)\b|\bbetaalrun\b|\bingepland voor betaling\b`,
        rx`\b(?:in de bijlage|bijgaand|bijgevoegd)\b${GAP}\b(?:betaling\w*|specificatie|bewijs)\b`,
      ],
      weak: [rx`\b(?:betaald|overgemaakt|overgeschreven|voldaan)\b`, rx`\b(?:overboeking|overschrijving|valutadatum)\b`],
    },
    dispute: {
      strong: [
        // A price or charge disagreement without a dispute word.
        rx`\bniet (?:in|op) (?:de|onze|uw) (?:offerte|orderbevestiging|bestelling|overeenkomst|prijsafspraak)\b`,
        rx`\b(?:meer|hoger|duurder)\b${GAP}\bdan\b${GAP}\b(?:afgesproken|overeengekomen|geoffreerd|offerte|orderbevestiging)\b|\b(?:afgesproken|overeengekomen|geoffreerde) (?:prijs|prijzen|tarief)\b|\bwijkt\b${LONG_GAP}\baf\b|\b(?:gefactureerd|berekend|in rekening gebracht)\b${LONG_GAP}\bin plaats van\b|\b(?:corrigeer|corrigeren|aanpassen)\b${GAP}\bvoordat (?:wij|we)\b`,
        rx`\bmaar #num\b${GAP}\b(?:besteld|geleverd|ontvangen)\b|\b(?:teruggestuurd|geretourneerd|retour gestuurd)\b${LONG_GAP}\bfactu\w*|\b(?:prijs|tarief)\b${LONG_GAP}\bafgesproken\b|\bafgesproken (?:prijs|tarief)\b|\b(?:btw|heffing) verlegd\b|\bdezelfde (?:levering|zending|order)\b`,
        rx`\b(?:betwist|bezwaar|geschil|oneens|reclamatie|klacht)\w*`,
        rx`\b(?:fout|foutief|onjuist|niet juist|niet correct|klopt niet|kloppen niet|te hoog|hoger dan)\w*${GAP}\b(?:prijs|prijzen|bedrag|aantal|hoeveelheid|tarief|btw|belasting|vracht|totaal|korting|factuur)\w*`,
        rx`\b(?:prijs|prijzen|bedrag|aantal|hoeveelheid|tarief|btw|vracht|korting|totaal)\w*${GAP}\b(?:fout|foutief|onjuist|niet juist|klopt niet|te hoog|afwijk)\w*`,
        rx`\b(?:dubbel|twee keer|tweemaal) (?:gefactureerd|berekend|in rekening gebracht|gefactureerd)\b|\bdubbele factu\w*|\bis dubbel\b`,
        rx`(?<!\b(?:bestand|bijlage|pdf|document)(?:en)? (?:(?:is|was|lijkt|lijkt te zijn|zijn) )?)\b(?:beschadigd|kapot|defect|ontbrekende (?:artikelen|onderdelen|goederen)|niet geleverd|nooit geleverd)(?!\w* (?:bijlage|pdf|bestand|document)\b)\w*`,
        rx`\bcreditnota\b${GAP}\b(?:sturen|opmaken|maken|ontvangen|graag)\b|\b(?:graag|verzoeken)\b${GAP}\bcreditnota\b`,
        rx`\b(?:ingehouden|afgetrokken|in mindering)\b|\bniet (?:akkoord|besteld|afgesproken)\b`,
      ],
      weak: [rx`\b(?:prijs|korting|creditnota|vracht|correctie|annuler|crediteren)\w*`],
    },
    tax_form_request: {
      strong: [
        rx`\b(?:leveranciers|crediteuren)(?:formulier|registratie|aanmelding|gegevens|vragenlijst)\w*|\bformulier (?:voor )?(?:nieuwe )?leverancier\w*`,
        rx`\bbank(?:verklaring|bevestiging|brief)\w*|\bbevestiging (?:van )?(?:uw |de )?bankgegevens\b`,
        rx`\b(?:btw-?nummer|btw-?id|kvk-?uittreksel|uittreksel kvk|g-rekening|verklaring (?:van )?(?:fiscale )?woonplaats|vrijstellingsverklaring|w-?9)\w*`,
        rx`\b(?:formulier|vragenlijst)\w*${LONG_GAP}\b(?:invullen|ondertekenen|tekenen|ingevuld|ondertekend)\b`,
      ],
      weak: [rx`\b(?:formulier|verklaring|certificaat|fiscaal)\w*`, rx`\b(?:invullen|ondertekenen)\b`],
    },
    contact_update: {
      strong: [
        rx`\b(?:peppol|edi|e-?factur\w*|leveranciersportaal|ubl)\b|\bnieuwe (?:entiteit|vennootschap|bedrijfsnaam|rechtspersoon)\b|\bneem\b${GAP}\bover van\b|\bfactuuradres\b${GAP}\b(?:is )?(?:veranderd|gewijzigd)\b`,
        rx`\b(?:nieuw|gewijzigd)e? (?:factuur|e-?mail|post|vestigings)?(?:adres|contactpersoon|contact|e-?mailadres|mailbox)\w*|\badreswijziging\w*|\b(?:factuur|post|e-?mail)?adres\w* (?:wijzigt|is gewijzigd|verandert)\b`,
        rx`\b(?:wijzigen|aanpassen|bijwerken|updaten)\b${LONG_GAP}\b(?:adres|contactpersoon|contact|e-?mail|ontvanger)\w*|\b(?:adres|contactpersoon|e-?mailadres|ontvanger)\w*${GAP}\b(?:wijzigen|aanpassen|bijwerken)\b`,
        rx`\b(?:facturen|aanmaningen|herinneringen|overzichten)\b${GAP}\b(?:voortaan|vanaf nu|alleen nog|graag)\b${GAP}(?:#email|\bnaar\b)`,
        rx`\b(?:verwijderen|schrappen|afmelden)\b${LONG_GAP}\b(?:lijst|verzendlijst|contact\w*|ontvangers?|cc|kopie)\b|\b(?:lijst|verzendlijst|contact\w*|ontvangers?)\b${LONG_GAP}\b(?:verwijderen|schrappen)\b|\bniet meer (?:bij ons|werkzaam|in dienst)\b|\bis uit dienst\b|\bwij zijn verhuisd\b|\bwe zijn verhuisd\b`,
      ],
      weak: [rx`\b(?:adres|contactpersoon|contact)\b`, rx`#email`, rx`\b(?:voortaan|vanaf nu|met ingang van|per #date)\b`],
    },
    auto_reply: {
      strong: [
        rx`\b(?:afwezig|niet op kantoor|met vakantie|op vakantie|buiten kantoor|niet aanwezig)\b`,
        rx`\btijdens mijn afwezigheid\b|\bna mijn terugkeer\b|\bben (?:ik )?(?:weer|vanaf #date) (?:aanwezig|bereikbaar|op kantoor)\b`,
        rx`\bautomatisch (?:antwoord|bericht|gegenereerd|verzonden)\b|\bautomatische (?:ontvangstbevestiging|bevestiging|reactie)\b|\bniet (?:beantwoorden|op (?:dit|deze) (?:bericht|e-?mail) reageren)\b`,
        rx`\bonbestelbaar\b|\bkon niet worden (?:afgeleverd|bezorgd)\b|\bniet bezorgd\b|\bonbekende ontvanger\b|\bmailbox (?:is )?vol\b`,
        rx`\bis gelezen\b|\bleesbevestiging\b`,
        rx`\b(?:wij hebben|we hebben) uw (?:e-?mail|bericht|factuur|aanvraag) (?:in goede orde )?ontvangen\b|\bticketnummer\b|\breferentienummer\b`,
        rx`\b(?:kunt|kan) u niet (?:reageren|antwoorden)\b|\bwordt in behandeling genomen\b|\bgeen (?:aparte )?bevestiging\b`,
      ],
      weak: [rx`\bdringend\w*`],
    },
    other: {
      strong: [
        rx`\b(?:uitschrijven|afmelden voor|nieuwsbrief|webinar|gratis proef|speciale aanbieding|klik hier|demo)\b|\bons (?:platform|software|oplossing)\b`,
        rx`\b(?:levertijd|beschikbaarheid|op voorraad|catalogus|productblad|bestelling plaatsen|nieuwe bestelling|track en trace)\b`,
      ],
      weak: [rx`\b(?:offerte|prijsopgave|prijzen)\b`, rx`\b(?:bedankt|dank je|dank u|top|perfect|prima)\b`],
    },
  },
  acknowledgements: [
    rx`\b(?:bedankt|dank je|dank u|hartelijk dank|dank jullie|veel dank)(?: wel)?,? (?:voor)\b(?! uw (?:bericht|e-?mail|aanvraag))[^.!?\n]*`,
    rx`(?:^|[.!?\n]) *(?:in goede orde ontvangen|goed ontvangen|ontvangen,? (?:bedankt|dank))\b`,
    rx`\b(?:wij hebben|we hebben) (?:uw|jullie|de) (?:herinnering|aanmaning|factuur|rekeningoverzicht|overzicht) ontvangen\b`,
  ],
  requests: [
    rx`\b(?:graag|alstublieft|alsjeblieft|aub|a\.u\.b|verzoeke?n?)\b`,
    rx`\b(?:kunnen jullie|kunt u|kan je|kun je|zou u|zouden jullie|wilt u|willen jullie)\b`,
    rx`\b(?:wij hebben|we hebben|ik heb) (?:\w+ )?nodig\b`,
  ],
};
