// What signature lines look like in en/fr/de/es/it/nl/pt: sign-offs, names, titles,
// companies, addresses, phone numbers, "Sent from my iPhone". Each test looks at one line.

// Longer phrases first: the first alternative that matches is the one the name tail is checked against.
const SIGN_OFF_PHRASES = [
  // en
  String.raw`(?:thank you|thanks) (?:(?:so|very) much )?for your (?:prompt |quick |kind )?(?:attention|help|assistance|cooperation|time|understanding|support|patience)`,
  String.raw`(?:thanks|thank you) in advance|looking forward to (?:hearing from you|your reply)`,
  String.raw`(?:many |warm(?:est)? |kind(?:est)? |best |with (?:kind |best )?)?(?:thanks|thank you|thx|tia|regards|wishes)(?: (?:so much|very much|again|in advance|a lot|for your help))?`,
  String.raw`best|cheers|sincerely(?: yours)?|yours (?:truly|sincerely|faithfully)|respectfully|all the best|take care|br|rgds|greetings`,
  // fr
  String.raw`merci(?: beaucoup| bien| encore)?(?: (?:d'avance|à l'avance|par avance))?|cordialement|bien cordialement|tr[èe]s cordialement|salutations(?: distingu[ée]es| cordiales)?|meilleures salutations|sinc[èe]res salutations|bien [àa] vous|amicalement|bonne (?:journ[ée]e|fin de journ[ée]e|soir[ée]e)`,
  // de
  String.raw`(?:mit )?(?:freundlichen|besten|herzlichen|sonnigen|lieben|viele|beste|liebe|freundliche|sch[öo]ne|herzliche) gr[üu](?:ß|ss|e)(?:e|en|n)?|mfg|lg|vg|gru(?:ß|ss)|gr[üu](?:ß|ss)e|danke(?: sch[öo]n)?(?: im voraus)?|vielen dank(?: im voraus)?|besten dank`,
  // es
  String.raw`saludos(?: cordiales)?|un (?:cordial )?saludo(?: cordial)?|atentamente|cordialmente|(?:muchas )?gracias(?: de antemano| por adelantado)?|quedo atent[oa](?: a (?:sus|tus) comentarios)?|reciba un cordial saludo`,
  // it
  String.raw`cordiali saluti|distinti saluti|saluti(?: cordiali)?|un (?:cordiale )?saluto|grazie(?: mille)?(?: in anticipo)?|buona giornata|in attesa di (?:un )?(?:vs|vostro|suo) (?:cortese )?riscontro`,
  // nl
  String.raw`met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|hartelijke groet(?:en)?|groet(?:en|jes)?|mvg|alvast (?:hartelijk )?(?:bedankt|dank)|bedankt|hartelijk dank`,
  // pt
  String.raw`(?:com os )?(?:melhores )?cumprimentos|atenciosamente|(?:muito )?obrigad[oa]|abra[çc]os?|sauda[çc][õo]es|att\.?`,
];

const NAME_TOKEN = String.raw`[\p{Lu}][\p{L}'’.-]*`;
const SIGN_OFF_PHRASE = new RegExp(String.raw`^(?:${SIGN_OFF_PHRASES.join('|')})(?=$|[\s,.!;:–-])`, 'iu');
// Case-sensitive on purpose: "Thanks, Jane" is a sign-off, "Thanks for the quick reply" is not.
const NAME_TAIL = new RegExp(String.raw`^[\s,.!;:–-]*(?:${NAME_TOKEN}(?:\s${NAME_TOKEN}){0,2})?[\s,.!]*$`, 'u');

/** A closing line such as "Thanks,", "Mit freundlichen Grüßen" or "Cheers, Nate". */
export function isSignOff(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 60) return false;
  const phrase = SIGN_OFF_PHRASE.exec(t);
  return phrase !== null && NAME_TAIL.test(t.slice(phrase[0].length));
}

const GREETING = /^(?:hi|hello|hey|dear\b.{0,40}|good (?:morning|afternoon|evening|day)|greetings|bonjour|bonsoir|salut|madame,? monsieur|hallo|guten (?:tag|morgen|abend)|sehr geehrte.{0,60}|liebe[rs]?\b.{0,40}|servus|hola|buen(?:os)? d[íi]as?|buenas(?: tardes| noches)?|estimad[oa]s?\b.{0,40}|buongiorno|buonasera|salve|gentil[ei]\b.{0,40}|spett\.?le\b.{0,60}|egregi\w*\b.{0,40}|goedemorgen|goedemiddag|goedenavond|beste\b.{0,40}|geachte\b.{0,60}|bom dia|boa tarde|boa noite|ol[áa]|prezad[oa]s?\b.{0,40}|caro|cara|exm[oa]s?\.?\b.{0,40})[\s,.!:]*(?:\p{Lu}[\p{L}.'-]*\s?){0,3}[,!:]?$/iu;

/** An opening line such as "Hi," or "Sehr geehrte Damen und Herren,". */
export function isGreeting(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 70 && GREETING.test(t);
}

const MOBILE = /^(?:sent from|sent via|sent with|get outlook for|envoy[ée] (?:de|depuis|à partir de)|t[ée]l[ée]charger outlook|von meinem|gesendet (?:von|mit|vom)|outlook f[üu]r|enviado (?:desde|do|de|com)|obtener outlook|inviato da|scarica outlook|verzonden (?:vanaf|met)|verstuurd vanaf|download outlook|baixe o outlook|obter o outlook)\b.{0,60}$/i;

/** "Sent from my iPhone", "Envoyé de mon iPhone", "Von meinem iPhone gesendet" … */
export function isMobileSignature(line: string): boolean {
  const t = line.trim();
  return t.length <= 80 && (MOBILE.test(t) || /^von meinem .{1,40} gesendet$/i.test(t));
}

/** The "-- " signature delimiter (HTML conversion often loses its trailing space). */
export function isDelimiter(line: string): boolean {
  return /^--\s*$/.test(line) || line.trim() === '--';
}

const PARTICLE = String.raw`(?:de|da|das|do|dos|del|della|di|du|des|la|le|van|von|der|den|ter|y|e|&)`;
const NAME_LINE = new RegExp(
  String.raw`^(?:(?:dr|mr|mrs|ms|mme|mlle|m|herr|frau|sr|sra|srta|dott|ing|c\.p|lic)\.?\s+)?${NAME_TOKEN}(?:\s+(?:${PARTICLE}\s+)*${NAME_TOKEN}){0,4},?$`,
  'u',
);

/** A line that could be a person's or company's name ("Dana Whitfield", "Vanessa Cho | AP Clerk"). */
export function isNameLine(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 60 || /\d/.test(t) || isGreeting(t)) return false;
  const head = (t.split(/\s[|·•–-]\s|,\s/)[0] ?? t).trim();
  return NAME_LINE.test(head) && !SIGN_OFF_PHRASE.test(head);
}

const COMPANY = /\b(?:llc|l\.l\.c\.|inc|corp|co|ltd|lt[ée]e|limited|gmbh|ag|kg|sas|sa|s\.a\.|sl|s\.l\.|srl|s\.r\.l\.|spa|s\.p\.a\.|bv|b\.v\.|nv|n\.v\.|lda|plc|llp|pty|sarl|s\.a\.r\.l\.|de c\.v\.|company|group|authority|district|corporation|industries|services)\.?$/i;
const TITLE = /\b(?:accounts? (?:payable|receivable)|ap|ar|payables?|receivables?|accounting|accountant|controller|comptroller|manager|specialist|clerk|coordinator|supervisor|analyst|director|officer|assistant|administrator|administration|buyer|planner|technician|lead|head|cfo|ceo|coo|vp|president|treasurer|bookkeeper|finance|credit|collections|purchasing|procurement|operations|owner|team|department|comptabilit[ée]|comptable|responsable|coordonnat\w*|contr[ôo]leur|pr[ée]sident\w*|fournisseurs|buchhaltung|kreditoren\w*|debitoren\w*|rechnungswesen|leiter\w*|sachbearbeiter\w*|einkauf|contabilidad|contabilidade|contabilit[àa]|administraci[óo]n|administra[çc][ãa]o|cuentas por pagar|contralor|responsabile|amministrativ\w*|amministrazione|fornitori|ufficio|crediteuren\w*|debiteuren\w*|administratie|boekhouding|financi[eë]\w*|tesorer[íi]a|compras)\b/i;
const ADDRESS = [
  /^\d{1,6}[\s,-]+[\p{L}\d .,'#-]*\b(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|pkwy|parkway|pike|hwy|highway|suite|ste|floor|ct|court|pl|place|sq|square|cir|circle|sw|nw|ne|se)\b/iu,
  /\b[A-Z]{2}\s\d{5}(?:-\d{4})?\b/,
  /\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b/,
  /\b\d{4,5}\s+\p{Lu}[\p{L}-]+/u,
  /\b\d{4}-\d{3}\b/,
  /(?:^|[\s,])(?:rue|boul\.?|boulevard|blvd\.?|avenue|ave\.|via|viale|piazza|calle|c\/|avda?\.|av\.|rua|stra(?:ß|ss)e|str\.|weg|laan|plein|straat|avenida|carretera|industriezeile|pol[íi]gono|p\.?o\.? box|box \d+|cedex|postfach|apartado|casilla|c\.p\. \d+|col\.)(?=[\s,.]|$)/iu,
];
const PHONE_OR_CONTACT = /[\w.+-]+@[\w-]+\.[\w.-]+|https?:\/\/|\bwww\./i;

/** A line that looks like part of a signature block: name, title, company, address, phone, e-mail, URL. */
export function isSignatureDetail(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 120 || t.endsWith('?')) return false;
  if (isNameLine(t)) return true;
  if (isPhoneLine(t) || (t.length <= 90 && PHONE_OR_CONTACT.test(t))) return true;
  if (/\s[|·•]\s/.test(t)) return true;
  if (t.length <= 70 && (COMPANY.test(t) || (TITLE.test(t) && t.split(/\s+/).length <= 8))) return true;
  if (t.length <= 100 && ADDRESS.some((re) => re.test(t))) return true;
  // Short fragments without sentence punctuation: departments, cities, slogans.
  return t.length <= 40 && t.split(/\s+/).length <= 5 && !/[.!?:]$/.test(t);
}

/** Seven or more digits with at most a short label ("P: (216) 555-0187", "Tél. : 450 555-0132, poste 214"). */
export function isPhoneLine(line: string): boolean {
  const digits = (line.match(/\d/g) ?? []).length;
  const letters = (line.match(/\p{L}/gu) ?? []).length;
  return digits >= 7 && letters <= 16;
}
