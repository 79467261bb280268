// Legal footers and banners: confidentiality disclaimers, privacy notices, "consider the
// environment", unsubscribe lines, company register lines, and "external sender" banners.
// They are dropped from newText; matching needs a strong combination so a customer's own
// sentence about confidentiality is not mistaken for one.

const CONFIDENTIAL = /\b(?:confidential\w*|privileged|vertraulich\w*|confidentiel\w*|confidencial\w*|riservat\w*|vertrouwelijk\w*|sigilo\w*)/i;
const RECIPIENT_OR_ACTION = /\b(?:recipient|addressee|intended|notify|delete|destroy|destinataire|empf[äa]nger|adressat|destinatari[oa]|destinat[áa]rio|geadresseerde|l[öo]schen|supprimer|d[ée]truire|eliminar\w*|borrado|elimin\w*|cancell\w*|verwijder\w*|vernietig\w*)/i;

const DISCLAIMER_PATTERNS = [
  /^\s*(?:disclaimer|notice|legal notice|confidentiality notice|important notice|avertissement|avis de confidentialit[ée]|haftungsausschluss|rechtlicher hinweis|aviso legal|aviso de confidencialidad|avvertenza|avviso di riservatezza|aviso de confidencialidade)\s*:/i,
  /\b(?:before printing|environment before|think before you print|avant d'imprimer|imprimez ce|umwelt\b.{0,40}\bdrucken|antes de imprimir|prima di stampare|voordat u (?:deze )?(?:e-?mail )?(?:af)?print)/i,
  /\b(?:unsubscribe|se d[ée]sabonner|d[ée]sinscri|abmelden|abbestellen|darse de baja|disiscriv|afmelden|uitschrijven|cancelar (?:a )?subscri)/i,
  /\b(?:freedom of information act|export[- ]controlled|itar\/ear|\bitar\b)/i,
  /\b(?:reglamento \(ue\)|regulation \(eu\)|verordnung \(eu\)|reg\. ue|\brgpd\b|\bgdpr\b|\bdsgvo\b|\blopdgdd\b|\blopd\b)/i,
  /\b(?:uitsluitend bestemd voor|destinam-se exclusivamente|destinat[ei] esclusivamente|dirigidos? exclusivamente|ausschlie(?:ß|ss)lich f[üu]r den|exclusivement (?:[àa] l'usage|destin[ée]))/i,
];

/** Whether a paragraph is a legal disclaimer or mailing footer. */
export function isDisclaimerParagraph(paragraph: string): boolean {
  const t = paragraph.replace(/\s+/g, ' ').trim();
  if (t.length < 40) return false;
  if (CONFIDENTIAL.test(t) && RECIPIENT_OR_ACTION.test(t)) return true;
  return DISCLAIMER_PATTERNS.some((re) => re.test(t));
}

const LEGAL_LINE = new RegExp(
  '^(?:' +
    [
      String.raw`gesch[äa]ftsf[üu]hr(?:er|erin|ung)\s*:`,
      String.raw`vorstand\s*:`,
      String.raw`aufsichtsrat(?:svorsitz\w*)?\s*:`,
      String.raw`sitz der gesellschaft\b`,
      String.raw`registergericht\b`,
      String.raw`amtsgericht \w+`,
      String.raw`handelsregister\b`,
      String.raw`hr[ab] \d`,
      String.raw`ust\.?-?\s?id(?:-?nr)?\.?\s*:`,
      String.raw`steuer-?nr\.?\s*:`,
      String.raw`vat (?:no|number|reg\w*)\.?\s*:?`,
      String.raw`(?:n° )?tva intracom\w*`,
      String.raw`siret\s*:?\s*\d`,
      String.raw`siren\s*:?\s*\d`,
      String.raw`rcs \w+`,
      String.raw`capital social\b`,
      String.raw`fn \d+\w?\b`,
      String.raw`firmenbuch\w*\b`,
      String.raw`landesgericht\b`,
      String.raw`kvk(?:-?nummer|\s*:|\s+\d)`,
      String.raw`btw(?:-?nummer|-?nr\.?|\s*:)`,
      String.raw`p\.? ?iva\b`,
      String.raw`partita iva\b`,
      String.raw`codice fiscale\b`,
      String.raw`c\.f\.\s*[:\d]`,
      String.raw`(?:cif|nif|nipc)\s*:?\s*[a-z]?-?\d`,
      String.raw`company (?:registration|reg\.|no\.)`,
      String.raw`registered (?:office|in england)`,
    ].join('|') +
    ')',
  'i',
);

/** Whether a line is a company-register / tax-id line (German Impressum and its relatives). */
export function isLegalLine(line: string): boolean {
  return LEGAL_LINE.test(line.trim());
}

const BANNER_OPENER = /^\s*(?:\[?\s*(?:external|extern|externe|externo|esterno)\s*\]?|caution|warning|attention|achtung|attenzione|atenci[óo]n|aten[çc][ãa]o|let op|vorsicht)\b/i;
const BANNER_ORIGIN = /\b(?:outside|external|extern\w*|ext[ée]rieur\w*|externo|esterno|buiten|fuera|fora|au(?:ß|ss)erhalb)\b/i;
const BANNER_SUBJECT = /\b(?:e-?mail|message|sender|organi[sz]ation|courriel|exp[ée]diteur|nachricht|absender|correo|remitente|messaggio|mittente|bericht|afzender|mensagem|remetente)\b/i;

/** Whether a paragraph is an "this email came from outside your organisation" banner. */
export function isExternalSenderBanner(paragraph: string): boolean {
  const t = paragraph.replace(/\s+/g, ' ').trim();
  return t.length <= 400 && BANNER_OPENER.test(t) && BANNER_ORIGIN.test(t) && BANNER_SUBJECT.test(t);
}
