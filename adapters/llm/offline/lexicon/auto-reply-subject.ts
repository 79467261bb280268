// Subjects that machines put on out-of-office replies, bounces and read receipts, in the seven
// languages (folded). The pipeline's header rules (Auto-Submitted, multipart/report) run separately.

const AUTO_SUBJECT = new RegExp(
  '^\\s*(?:' +
    [
      'automatic reply', 'auto(?:matic)?[- ]?reply', 'autoreply', 'auto[- ]?response', 'out of (?:the )?office', 'ooo\\b',
      'reponse automatique', 'absence du bureau', 'absent(?:e)? du bureau', 'message d\'absence',
      'automatische antwort', 'abwesenheitsnotiz', 'abwesend', 'automatische antwort:',
      'respuesta automatica', 'fuera de la oficina', 'ausente',
      'risposta automatica', 'fuori (?:sede|ufficio)', 'assente',
      'automatisch antwoord', 'afwezig', 'afwezigheidsbericht', 'niet aanwezig',
      'resposta automatica', 'ausencia', 'fora do escritorio',
      'undeliverable', 'undelivered mail', 'delivery status notification', 'delivery (?:has )?failed',
      'mail delivery (?:failed|failure|subsystem)', 'returned mail', 'failure notice', 'delivery failure',
      'non remis', 'non distribuable', 'echec de (?:la )?remise', 'unzustellbar', 'nicht zustellbar',
      'no se puede entregar', 'no entregado', 'non recapitabile', 'mancato recapito', 'onbestelbaar',
      'niet bezorgd', 'nao entregue', 'nao foi possivel entregar',
      'read:', 'lu ?:', 'gelesen:', 'leido:', 'acuse de recibo', 'letto:', 'gelezen:', 'lida:', 'read receipt',
      'accuse de (?:reception|lecture)', 'lesebestatigung', 'confirmacion de lectura', 'conferma di lettura',
      'leesbevestiging', 'confirmacao de leitura', 'delivered:', 'zugestellt:', 'remis :', 'entregado:',
      // Swedish (and the Danish/Norwegian spelling), as Outlook writes them for Nordic customers.
      'last:', 'lest:', 'lasbekraftelse', 'automatiskt svar', 'franvaro', 'kunde inte levereras', 'ej levererat',
    ].join('|') +
    ')',
);

/** True when a folded subject is one a machine writes (auto-reply, bounce, read receipt). */
export function isAutoReplySubject(foldedSubject: string): boolean {
  return AUTO_SUBJECT.test(foldedSubject);
}

/**
 * The machine's own words at the start of such a subject ("undeliverable:", "gelezen:"), '' for
 * other subjects. What follows them is the subject of the message they report on, which we wrote.
 */
export function machineSubjectPrefix(foldedSubject: string): string {
  return AUTO_SUBJECT.exec(foldedSubject)?.[0] ?? '';
}

const REPLY_PREFIX = /^\s*(?:(?:re|aw|wg|fw|fwd|tr|rv|r|enc|res|sv|antw|doorst|rif|i)\s*(?:\[\d+\])?\s*:\s*)+/;

/** True when a folded subject is a reply or forward ("RE:", "AW:", "TR:", "RV:", "WG:" …): it was written by someone else. */
export function isReplySubject(foldedSubject: string): boolean {
  return REPLY_PREFIX.test(foldedSubject);
}
