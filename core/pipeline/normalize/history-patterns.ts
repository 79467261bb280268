// Lines that open the history below a reply or forward, in en/fr/de/es/it/nl/pt: forward
// banners, "-----Original Message-----", Outlook header blocks (From/Sent/To/Subject) and
// "On <date>, <name> wrote:" attributions. Each pattern is applied to one trimmed line
// (or two or three joined lines for wrapped attributions), never across the whole text.

/** "---------- Forwarded message ---------", "Begin forwarded message:" and translations. */
export const FORWARD_BANNER = new RegExp(
  [
    String.raw`^-{2,}\s*(?:forwarded message|forwarded e-?mail|weitergeleitete nachricht|message transf[ée]r[ée]|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada|mensagem reencaminhada)\s*-{2,}$`,
    String.raw`^(?:begin forwarded message|d[ée]but du message (?:r[ée]exp[ée]di[ée]|transf[ée]r[ée])|anfang der weitergeleiteten (?:nachricht|e-?mail)|(?:inicio|comienzo) del mensaje reenviado|inizio (?:del )?messaggio inoltrato|begin (?:van het )?doorgestuurde? bericht|in[íi]cio da mensagem (?:re)?encaminhada)\s*:?$`,
  ].join('|'),
  'i',
);

/** "-----Original Message-----" and translations: a reply (or, under a forward subject, a forward). */
export const ORIGINAL_MESSAGE_BANNER =
  /^-{2,}\s*(?:original message|message d'origine|ursprüngliche nachricht|original-nachricht|mensaje original|messaggio originale|oorspronkelijk bericht|origineel bericht|mensagem original)\s*-{2,}$/i;

/** Outlook's separator line above a header block. */
export const SEPARATOR_LINE = /^(?:_{10,}|-{10,}|={10,})$/;

const FROM_FIELD = /^\*?(?:from|de|von|da|van|fra|från|od)\s?:\*?\s*\S/i;
const DATE_FIELD = /^\*?(?:sent|date|envoy[ée]|gesendet|datum|enviado(?: el)?|enviada(?: em)?|fecha|inviato|data|verzonden|verstuurd|skickat|sendt)\s?:\*?/i;
const TO_OR_SUBJECT_FIELD = /^\*?(?:to|[àa]|an|para|aan|till|til|cc|subject|objet|betreff|asunto|oggetto|onderwerp|assunto|ämne|emne)\s?:\*?/i;
const HEADER_WINDOW = 8;

/** Whether line i opens a quoted header block: a From field, then a date field and a To or Subject field within a few lines. */
export function isHeaderBlockStart(lines: readonly string[], i: number): boolean {
  if (!FROM_FIELD.test((lines[i] ?? '').trim())) return false;
  let date = false;
  let toOrSubject = false;
  for (let j = i + 1; j < Math.min(lines.length, i + 1 + HEADER_WINDOW); j++) {
    const t = (lines[j] ?? '').trim();
    if (DATE_FIELD.test(t)) date = true;
    else if (TO_OR_SUBJECT_FIELD.test(t)) toOrSubject = true;
    if (date && toOrSubject) return true;
  }
  return false;
}

const ATTRIBUTION = new RegExp(
  [
    String.raw`^on\s.{4,300}\swrote\s?:?$`,
    String.raw`^le\s.{4,300}\sa\s[ée]crit\s?:$`,
    String.raw`^am\s.{4,300}\sschrieb\s?.{0,300}:$`,
    String.raw`^.{2,200}\sschrieb am\s.{4,200}:$`,
    String.raw`^el\s.{4,300}\sescribi[óo]\s?:$`,
    String.raw`^(?:il|in data)\s.{4,300}\sha scritto\s?:$`,
    String.raw`^op\s.{4,300}\sschreef\s?.{0,300}:$`,
    String.raw`^(?:em|no dia)\s.{4,300}\sescreveu\s?:$`,
  ].join('|'),
  'i',
);
const ATTRIBUTION_OPENER = /^(?:on|le|am|el|il|in data|op|em|no dia)\s/i;
/** "<name> wrote:" without a date, accepted only right above '>' quoted lines. */
export const LOOSE_ATTRIBUTION = /^.{2,200}\s(?:wrote|a [ée]crit|schrieb|escribi[óo]|ha scritto|schreef|escreveu)\s?:$/i;

// Attributions are one line, but plain-text mailers wrap them at ~76 characters.
const MAX_ATTRIBUTION_LINES = 3;
const MAX_LINE_CHARS = 1000;

/** How many lines form an "On … wrote:" attribution starting at line i (0 when none). */
export function attributionLength(lines: readonly string[], i: number): number {
  const first = (lines[i] ?? '').trim();
  if (first.length > MAX_LINE_CHARS) return 0;
  // Only attributions that open with "On/Le/Am …" are joined across wrapped lines.
  if (!ATTRIBUTION_OPENER.test(first)) return ATTRIBUTION.test(first) ? 1 : 0;
  let joined = first;
  for (let n = 1; n <= MAX_ATTRIBUTION_LINES; n++) {
    if (ATTRIBUTION.test(joined)) return n;
    const next = (lines[i + n] ?? '').trim();
    if (next === '' || joined.length > MAX_LINE_CHARS) return 0;
    joined = `${joined} ${next}`;
  }
  return 0;
}

/** Reply/forward prefixes of a subject line (first prefix decides: "RE: FW:" is a reply). */
const FORWARD_SUBJECT = /^\s*(?:\[[^\]]{1,40}\]\s*)?(?:fwd?|fw|wg|tr|rv|i|enc|doorst|fwd|reenv|inoltro)\s*:/i;

/** Whether the subject says the message is a forward. */
export function isForwardSubject(subject: string): boolean {
  return FORWARD_SUBJECT.test(subject);
}
