// German cue phrases (folded; see types.ts). German glues nouns together, so many cues match
// word parts ("rechnungskopie", "zahlungsavis", "kontoauszug").
import { GAP, LONG_GAP, REF, rx } from './rx.js';
import type { LanguageLexicon } from './types.js';

const RECHNUNG = String.raw`(?:\brechnung\w*|\bre\b|\bre-?nr\b|${REF})`;
const ZAHLUNG = String.raw`(?:\bzahlung\w*|\buberweisung\w*|\bscheck\w*|\blastschrift\w*|#amt)`;

export const de: LanguageLexicon = {
  intents: {
    invoice_copy: {
      strong: [
        rx`\brechnungs(?:kopie|duplikat|zweitschrift)\w*|\b(?:kopie|kopien|duplikat|zweitschrift|pdf)\b${GAP}${RECHNUNG}`,
        rx`${RECHNUNG}${GAP}\b(?:als pdf|in kopie|kopie|kopien|duplikat|nochmals|erneut|noch einmal)\b`,
        rx`\b(?:erneut|nochmals|noch einmal) (?:zu)?(?:senden|schicken|zusenden|zuschicken|ubermitteln|ubersenden)\b`,
        rx`${RECHNUNG}${LONG_GAP}\b(?:nicht|nie|keine)\b${GAP}\b(?:erhalten|bekommen|zugegangen|vorliegen|auffindbar|finden)\b|\bkeine rechnung\w*${GAP}\b(?:erhalten|bekommen)\b`,
        rx`\bfehlende? rechnung\w*|${RECHNUNG}${GAP}\bfehl(?:t|en)\b|\bfehl(?:t|en)\b${GAP}${RECHNUNG}`,
      ],
      weak: [
        rx`\b(?:senden|schicken|zusenden|zuschicken|ubermitteln|ubersenden|benotigen|brauchen)\b${GAP}${RECHNUNG}|${RECHNUNG}${GAP}\b(?:senden|schicken|zusenden|zuschicken|ubermitteln|benotigen)\b`,
        rx`\brechnung\w*`,
        rx`\b(?:anhang|anlage|beigefugt)\b`,
      ],
    },
    balance_statement: {
      strong: [
        rx`\bkonto(?:auszug|ubersicht|stand|blatt)\w*|\bsaldo(?:bestatigung|liste|mitteilung)\w*|\bsaldenbestatigung\w*`,
        rx`\boffene(?:n|r)? posten\w*|\bop-?liste\b|\bliste (?:der|aller|unserer) offenen\b|\boffene(?:n)? (?:rechnungen|betrage|forderungen)\b`,
        rx`\bwas ist\b${GAP}\b(?:noch )?offen\b|\b(?:aktuelle[nr]?|offene[nr]?) (?:saldo|kontostand|stand)\b|\bwie hoch ist\b${GAP}\b(?:saldo|offen|kontostand)\w*|\bwas ist (?:noch )?offen\b|\bwieviel (?:sind wir|schulden wir)\b|\bwie viel (?:sind wir|schulden wir)\b`,
        rx`\baltersstruktur\b|\bfalligkeitsliste\b`,
      ],
      weak: [rx`\bsaldo\b`, rx`\b(?:offen|uberfallig|ausstehend|fallig)\w*`, rx`\b(?:abstimmung|abgleich)\w*|\bgutschrift\w*`],
    },
    payment_status: {
      strong: [
        rx`\bbestatig\w*${LONG_GAP}${ZAHLUNG}${LONG_GAP}\b(?:eingegangen|verbucht|zugeordnet|gutgeschrieben|angekommen|erhalten)\b`,
        rx`\b(?:bestatigen|bestatigung|bestatigt)\w*${LONG_GAP}\b(?:eingang|erhalt|erhalten|eingegangen|verbucht|zugeordnet|zuordnung|gutgeschrieben|angekommen)\w*(?=${LONG_GAP}${ZAHLUNG})|${ZAHLUNG}${LONG_GAP}\b(?:bestatigen|bestatigung)\w*`,
        rx`\b(?:eingang|erhalt|zuordnung|verbuchung)\w*${LONG_GAP}${ZAHLUNG}${LONG_GAP}\b(?:bestatigen|bestatigung|mitteilen|prufen)\w*|\bzahlungseingang\w*${LONG_GAP}\b(?:bestatigen|bestatigung|mitteilen|prufen)\w*`,
        rx`\b(?:haben sie|habt ihr|ist)\b${GAP}${ZAHLUNG}${LONG_GAP}\b(?:erhalten|bekommen|eingegangen|verbucht|zugeordnet|angekommen|gutgeschrieben)\b`,
        rx`${ZAHLUNG}${GAP}\b(?:eingegangen|angekommen|verbucht|zugeordnet|gutgeschrieben)\b[^.!\n]{0,30}\?`,
        rx`\b(?:welche|auf welche) rechnung\w*${GAP}\b(?:bezahlt|beglichen|verbucht|zugeordnet|verrechnet|abgedeckt|gedeckt)\w*|\bwie (?:wurde|wurden|ist)\b${GAP}\b(?:verbucht|zugeordnet|verrechnet)\b`,
        rx`\bzahlungs(?:status|eingang)\w*|\bstatus (?:der|unserer) (?:zahlung|uberweisung)\b`,
        rx`\b(?:immer noch|noch immer|weiterhin) (?:als )?(?:offen|unbezahlt|fallig|ausstehend)\b`,
      ],
      weak: [rx`\b(?:erhalten|eingegangen|eingang|verbucht|zugeordnet|gutgeschrieben)\b`, rx`\bzahlung\b`, rx`\bbestatig\w*${LONG_GAP}\b(?:eingang|erhalt|angekommen)\w*`],
    },
    remittance_advice: {
      strong: [
        rx`\b(?:zahlung|geld|uberweisung|betrag|scheck)\b${GAP}\b(?:ist unterwegs|ist (?:heute )?raus|geht (?:heute )?raus|rausgegangen|auf dem weg|in auftrag gegeben)\b|\b(?:valuta|wertstellung)\b`,
        rx`\bzahllauf\w*|\bteilzahlung\b|\b(?:heute|gestern|soeben|bereits|per \w+) (?:bezahlt|beglichen|uberwiesen)\b|\bmit (?:unserer|der) zahlung verrechnet\b`,
        rx`\bzahlungs(?:avis|anzeige|benachrichtigung|mitteilung|nachweis|beleg|aufstellung)\w*|\b(?:uberweisungs|uberweisung)(?:beleg|bestatigung|nachweis|avis)\w*|\bavis\b`,
        rx`\b(?:wir haben|haben wir|ich habe|habe ich)\b${LONG_GAP}\b(?:uberwiesen|bezahlt|beglichen|angewiesen|veranlasst|ausgeglichen|freigegeben|verschickt|versandt)\b`,
        rx`\b(?:wurde|wurden|wird|werden|ist)\b${GAP}\b(?:uberwiesen|bezahlt|beglichen|angewiesen|veranlasst|ausgeglichen|freigegeben)\b`,
        // Subordinate clauses put the verbs last: "dass wir heute den Restbetrag … überwiesen haben".
        rx`\b(?:wir|ich)\b${LONG_GAP}\b(?:uberwiesen|bezahlt|beglichen|angewiesen|veranlasst) (?:haben|habe|hatten)\b`,
        rx`\b(?:wir werden|werden wir)\b${LONG_GAP}\b(?:uberweisen|bezahlen|begleichen|anweisen|ausgleichen)\b|\bzahlungslauf\w*`,
        rx`\b(?:anbei|beigefugt|im anhang)\b${GAP}\b(?:avis|zahlungs\w*|uberweisungs\w*|nachweis)\b`,
      ],
      weak: [rx`\b(?:bezahlt|beglichen|uberwiesen|ausgeglichen)\b`, rx`\buberweisung\w*|\bscheck\w*|\bvalut\w*`],
    },
    dispute: {
      strong: [
        // A price or charge disagreement without a dispute word.
        rx`\bnicht (?:im|in der|in unserem|in ihrem) (?:angebot|auftragsbestatigung|bestellung|vertrag|rahmenvertrag)\b${GAP}\b(?:enthalten|vereinbart|aufgefuhrt|vorgesehen|genannt)\b|\bnicht (?:im angebot|vereinbart)\b`,
        rx`\b(?:mehr|hoher|teurer)\w*${GAP}\bals\b${GAP}\b(?:vereinbart|angeboten|abgesprochen|ausgehandelt|bestatigt|im angebot)\w*|\bweicht\b${LONG_GAP}\bab\b|\bpreis(?:differenz|abweichung)\w*|\b(?:vereinbarten|abgesprochenen|angebotenen|ausgehandelten) (?:preis|preise|stuckpreis|einzelpreis|konditionen)\b|\b(?:berechnet|abgerechnet|fakturiert)\b${LONG_GAP}\b(?:statt|anstatt|anstelle)\b|\b(?:statt|anstatt)\b${LONG_GAP}\b(?:berechnet|abgerechnet|in rechnung gestellt)\b|\bkorrigier\w*${LONG_GAP}\bbevor wir\b`,
        rx`\bnur #num\b${GAP}\b(?:bestellt|geliefert|erhalten)\b|\b(?:zuruckgeschickt|zuruckgesandt|retourniert|zuruckgegeben)\b${LONG_GAP}\b(?:berechnet|fakturiert|rechnung)\w*|\bvereinbart (?:waren|war)\b${GAP}(?:#amt|#num)|\bvereinbarte[nr]? preis\b|\binnergemeinschaftlich\w*|\breverse[- ]charge\b|\bdieselbe lieferung\b|\bstellen sie\b${LONG_GAP}\bgutschrift\b`,
        rx`\b(?:reklamation|reklamieren|beanstand|einspruch|widerspruch|widersprechen|bestreiten|strittig)\w*`,
        rx`\b(?:falsch|fehlerhaft|inkorrekt|nicht korrekt|stimmt nicht|stimmen nicht|zu hoch|abweich)\w*${GAP}\b(?:preis|betrag|menge|mwst|mehrwertsteuer|ust|steuer|fracht|summe|rabatt|rechnung)\w*`,
        rx`\b(?:preis|betrag|menge|mwst|mehrwertsteuer|ust|steuer|fracht|rabatt|summe|rechnung)\w*${GAP}\b(?:falsch|fehlerhaft|nicht korrekt|stimmt nicht|zu hoch|weicht)\w*`,
        rx`\b(?:rabatt|skonto|preis|gutschrift)\w*${LONG_GAP}\bnicht (?:berucksichtigt|angewendet|abgezogen|gewahrt)\b`,
        rx`\b(?:doppelt|zweimal|zweifach) (?:berechnet|fakturiert|in rechnung gestellt|belastet|abgerechnet)\b|\bdoppelte? (?:rechnung|berechnung|belastung)\b`,
        rx`(?<!\b(?:datei|anhang|pdf|pdf-datei|dokument|anlage)\w* (?:(?:ist|war|scheint|wurde|sind|waren) )?(?:wohl |leider |anscheinend |offenbar )?)\b(?:beschadigt|defekt|kaputt|fehlende? (?:teile|ware|artikel)|nicht geliefert|nie geliefert|falsche? (?:ware|artikel|teile))(?!\w* (?:datei|pdf|anhang|anlage|dokument)\b)\w*`,
        rx`\bgutschrift\b${GAP}\b(?:erstellen|ausstellen|erteilen|senden|bitte)\b|\b(?:bitte|erbitten|benotigen)\b${GAP}\bgutschrift\b`,
        rx`\b(?:gekurzt|kurzen|abgezogen|abzug|einbehalten)\b|\bnicht (?:vereinbart|bestellt|bestatigt|akzeptieren)\b`,
      ],
      weak: [rx`\b(?:preis|rabatt|skonto|fracht|gutschrift|korrektur|storno|stornieren|angebot)\w*`],
    },
    tax_form_request: {
      strong: [
        rx`\b(?:lieferanten|kreditoren)(?:stammblatt|formular|anlage|stammdaten|fragebogen|bogen|anmeldung|erfassung)\w*`,
        rx`\bbank(?:bestatigung|verbindungsbestatigung|schreiben|nachweis)\w*|\bbestatigung (?:ihrer|der) bankverbindung\b`,
        rx`\b(?:ust-?id|umsatzsteuer-?id|ust-?idnr|steuernummer|ansassigkeitsbescheinigung|freistellungsbescheinigung|steuerbescheinigung|unbedenklichkeitsbescheinigung|w-?9)\w*`,
        rx`\b(?:formular|fragebogen|bogen)\w*${LONG_GAP}\b(?:ausfullen|unterschreiben|unterzeichnen|ausgefullt|unterschrieben)\b`,
      ],
      weak: [rx`\b(?:formular|bescheinigung|steuer|nachweis)\w*`, rx`\b(?:ausfullen|unterschreiben|unterzeichnen)\b`],
    },
    contact_update: {
      strong: [
        rx`\b(?:xrechnung|zugferd|peppol|leitweg|e-?rechnung|lieferantenportal)\w*|\bedi\b|\bneue[nr]? (?:gesellschaft|firma|einheit|firmierung)\b|\bfirmenanschrift\b|\bich ubernehme\b`,
        rx`\b(?:neue|geanderte|aktualisierte)[nrs]? (?:rechnungs|liefer|e-?mail-?|post|firmen)?(?:adresse|anschrift|ansprechpartner\w*|kontakt\w*|e-?mail|empfanger\w*)\b|\b(?:adress|anschrifts)(?:anderung|wechsel)\w*`,
        rx`\b(?:andern|aktualisieren|anpassen|korrigieren)\b${LONG_GAP}\w*(?:adresse|anschrift|ansprechpartner|kontakt|e-?mail|empfanger|stammdaten)\w*|\w*(?:adresse|anschrift|ansprechpartner|kontakt|e-?mail|empfanger|stammdaten)\w*${GAP}\b(?:andern|aktualisieren|anpassen)\b`,
        rx`\b(?:rechnungen|mahnungen|kontoauszuge|korrespondenz)\b${GAP}\b(?:ab sofort|kunftig|zukunftig|nur noch|bitte)\b${GAP}(?:#email|\ban\b)`,
        rx`\b(?:entfernen|loschen|streichen|austragen)\b|\bnicht mehr (?:bei uns|im unternehmen|fur uns|zustandig)\b|\b(?:hat|ist) (?:das unternehmen|uns) verlassen\b|\bausgeschieden\b`,
        rx`\bwir sind umgezogen\b|\bunsere neue\b|\b(?:rechnungs|liefer|post|e-?mail-?)?(?:adresse|anschrift)\w* (?:andert sich|hat sich geandert|wechselt)\b`,
        rx`\b(?:unsere|die|unser) (?:rechnungs|liefer|post|firmen|e-?mail-?)?(?:adresse|anschrift|ansprechpartner|kontakt)\w*${GAP}\b(?:andert|andern|geandert hat|wechselt)\b|\b(?:anderung|wechsel) (?:der |unserer |unseres )?(?:rechnungs|liefer|post|firmen)?(?:adresse|anschrift)\w*|\bpassen sie\b${GAP}\b(?:stammdaten|daten|adresse|anschrift|kontaktdaten)\b${GAP}\ban\b`,
      ],
      weak: [rx`\b(?:adresse|anschrift|ansprechpartner|kontakt)\w*`, rx`#email`, rx`\b(?:ab sofort|kunftig|zukunftig|ab dem)\b`],
    },
    auto_reply: {
      strong: [
        rx`\b(?:abwesend|nicht im buro|auser haus|im urlaub|in urlaub|nicht erreichbar|ausserhalb des buros|ausser haus)\b`,
        rx`\b(?:wahrend meiner abwesenheit|nach meiner ruckkehr|ab dem #date wieder|bin ab #date wieder)\b|\b(?:ich bin|bin ich)\b${GAP}\bwieder\b${GAP}\b(?:erreichbar|im buro|da)\b`,
        rx`\bautomatische? (?:antwort|nachricht|bestatigung|eingangsbestatigung)\b|\bautomatisch (?:erstellt|generiert|versandt)\w*|\bbitte nicht (?:auf diese|antworten)\b`,
        rx`\b(?:unzustellbar|nicht zugestellt|konnte nicht zugestellt|zustellung fehlgeschlagen|empfanger unbekannt|postfach voll)\w*`,
        rx`\bgelesen am\b|\bwurde\b${GAP}\bgelesen\b|\blesebestatigung\b`,
        rx`\b(?:wir haben|haben) ihre (?:nachricht|e-?mail|anfrage) erhalten\b${LONG_GAP}\b(?:bearbeit|melden|antwort)\w*|\bticketnummer\b|\bvorgangsnummer\b`,
      ],
      weak: [rx`\b(?:dringend|vertretung|in dringenden fallen)\w*`],
    },
    other: {
      strong: [
        rx`\b(?:abmelden|newsletter|webinar|kostenlos testen|sonderangebot|jetzt klicken|demo|produktdemo)\w*|\bunsere (?:software|losung|plattform)\b`,
        rx`\b(?:lieferzeit|verfugbarkeit|auf lager|katalog|datenblatt|bestellung aufgeben|neue bestellung|sendungsverfolgung|lieferstatus)\w*`,
      ],
      weak: [rx`\b(?:angebot|preisanfrage|preise?)\b${GAP}\b(?:fur|uber)\b`, rx`\b(?:danke|vielen dank|besten dank|perfekt|super|alles klar)\b`],
    },
  },
  acknowledgements: [
    rx`\b(?:danke|vielen dank|besten dank|herzlichen dank|danke schon|wir bedanken uns|ich bedanke mich)(?: schon)?,? (?:fur|fuer)\b(?! ihre (?:nachricht|anfrage|e-?mail))[^.!?\n]*`,
    rx`(?:^|[.!?\n]) *(?:dankend erhalten|gut erhalten|habe (?:es|sie) erhalten|(?:danke,? )?ist angekommen)\b`,
    rx`\b(?:wir haben|ich habe) (?:ihre[nr]?|den|die|das) (?:kontoauszug|mahnung|rechnung|zahlungserinnerung|schreiben)\w* (?:vom #date )?erhalten\b`,
  ],
  requests: [
    rx`\bbitte\b|\bbitten\b`,
    rx`\b(?:konnten|konnen|wurden|wollen) sie\b|\bkonnt ihr\b`,
    rx`\b(?:benotigen|brauchen|brauche|benotige|hatten gerne|hatte gerne|mochten|bitten um)\b`,
  ],
};
