// Header lines of a quoted or reported message ("Subject: Statement of account", "Onderwerp:",
// "Ämne:", "Betreff:") name what someone else wrote about. A read receipt or a forward without
// its marker carries them in the new text, and their words would count as this sender's request,
// so they are blanked before cues and features run. Runs on folded text.

const HEADER_NAMES = [
  'from', 'to', 'cc', 'subject', 'sent', 'date',
  'de', 'a', 'objet', 'envoye', 'date',
  'von', 'an', 'betreff', 'gesendet', 'datum',
  'para', 'asunto', 'enviado', 'fecha',
  'da', 'oggetto', 'inviato', 'data',
  'van', 'aan', 'onderwerp', 'verzonden',
  'assunto',
  'fran', 'till', 'amne', 'skickat',
].join('|');

/** A whole line "Name: value" with a header name of any supported language (and Swedish). */
const HEADER_LINE = new RegExp(String.raw`^[ \t>]*(?:${HEADER_NAMES})[ \t]*:[^\n]*$`, 'gm');

/** Blanks header lines of quoted or reported messages in folded text. */
export function withoutQuotedHeaderLines(folded: string): string {
  return folded.replace(HEADER_LINE, '');
}
