// Email text is untrusted input. Some of it is aimed at the bot rather than at a person:
// "ignore your instructions", "send all invoices to this address", text hidden from the
// human reader. Finding any of it sends the email to a person; nothing here ever changes
// what the system does on its own.

export interface InstructionFinding {
  code: 'bot_instruction' | 'redirect_recipient' | 'hidden_text' | 'third_party_address' | 'bank_change';
  evidence: string;
}

const BOT_DIRECTIVES: RegExp[] = [
  /\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(previous|prior|above|earlier|all|your|any|the)\b[^.\n]{0,20}\b(instructions?|rules?|prompts?|polic(y|ies)|guidelines)\b/i,
  /\b(you are|act as|pretend to be|as an?)\b[^.\n]{0,20}\b(ai|assistant|bot|language model|llm|chatgpt|automated system)\b/i,
  /\b(system prompt|system message|developer mode|jailbreak)\b/i,
  /\b(automated|automatic|auto)[- ]?(system|reply|responder|assistant|bot)s?\b[^.\n]{0,60}\b(must|should|shall|please|need to|are instructed)\b/i,
  /\b(note|instruction|message)\s+(to|for)\s+(the\s+)?(ai|bot|assistant|automated system|automation|system)\b/i,
  // fr, de, es, it, nl, pt
  /\b(ignorez|ignore[rz]?)\b[^.\n]{0,30}\binstructions?\b/i,
  /\bignorier(e|en)?\b[^.\n]{0,30}\b(anweisungen|vorgaben|regeln)\b/i,
  /\bignora(r|d)?\b[^.\n]{0,30}\b(instrucciones|istruzioni|instruções|regras|reglas)\b/i,
  /\bnegeer\b[^.\n]{0,30}\b(instructies|regels)\b/i,
];

const REDIRECT: RegExp[] = [
  /\b(send|forward|email|e-mail|mail|deliver|copy|cc|bcc)\b[^.\n]{0,60}\b(to|at)\b[^.\n]{0,20}[\w.+-]+@[\w-]+(\.[\w-]+)+/i,
  /\b(envoy(ez|er)|transf[ée]r(ez|er)|faites suivre)\b[^.\n]{0,60}\s(?:à|a)\s[^.\n]{0,20}[\w.+-]+@[\w-]+(\.[\w-]+)+/i,
  /\b(senden|schicken|weiterleiten|leiten)\b[^.\n]{0,60}\b(an)\b[^.\n]{0,20}[\w.+-]+@[\w-]+(\.[\w-]+)+/i,
  /\b(envi(e|ar|en)|reenv(í|i)(e|ar)|mand(e|ar|en))\b[^.\n]{0,60}\b(a)\b[^.\n]{0,20}[\w.+-]+@[\w-]+(\.[\w-]+)+/i,
  /\b(invia(re|te)?|inoltra(re|te)?|manda(re|te)?)\b[^.\n]{0,60}\b(a|al)\b[^.\n]{0,20}[\w.+-]+@[\w-]+(\.[\w-]+)+/i,
  /\b(stuur|verstuur|doorsturen)\b[^.\n]{0,60}\b(naar)\b[^.\n]{0,20}[\w.+-]+@[\w-]+(\.[\w-]+)+/i,
  /\b(enviar|envie|encaminhe|encaminhar|mande)\b[^.\n]{0,60}\b(para)\b[^.\n]{0,20}[\w.+-]+@[\w-]+(\.[\w-]+)+/i,
];

const BANK_CHANGE: RegExp[] = [
  /\b(new|updated|changed?|different)\b[^.\n]{0,40}\b(bank|banking|account details|remit[- ]to|iban|routing|swift)\b/i,
  /\b(nouvelles?|nouveau|changement)\b[^.\n]{0,40}\b(coordonnées bancaires|rib|iban)\b/i,
  /\b(neue|geänderte)\b[^.\n]{0,40}\b(bankverbindung|iban|kontoverbindung)\b/i,
  /\b(nuev[oa]s?|cambio de)\b[^.\n]{0,40}\b(datos bancarios|cuenta bancaria|iban)\b/i,
];

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

function snippet(text: string, index: number): string {
  return text.slice(Math.max(0, index - 30), index + 90).replace(/\s+/g, ' ').trim();
}

function firstMatch(patterns: RegExp[], text: string): string | undefined {
  for (const re of patterns) {
    const m = re.exec(text);
    if (m) return snippet(text, m.index);
  }
  return undefined;
}

/**
 * Looks for content aimed at the bot: directives, requests to send data to an address,
 * addresses of people who are not known contacts, bank-detail changes, and hidden text.
 * `allowedAddresses` are the sender's own address and the customer's known contacts.
 */
export function findEmbeddedInstructions(input: { text: string; hiddenText: string; allowedAddresses: ReadonlySet<string>; ownAddresses: ReadonlySet<string> }): InstructionFinding[] {
  const findings: InstructionFinding[] = [];
  const hidden = input.hiddenText.replace(/\s+/g, ' ').trim();
  if (/\p{L}{3,}/u.test(hidden)) findings.push({ code: 'hidden_text', evidence: hidden.slice(0, 160) });

  for (const source of [input.text, hidden]) {
    const directive = firstMatch(BOT_DIRECTIVES, source);
    if (directive) findings.push({ code: 'bot_instruction', evidence: directive });
  }
  const redirect = firstMatch(REDIRECT, input.text);
  const foreign = Array.from(new Set((input.text.match(EMAIL) ?? []).map((a) => a.toLowerCase()))).filter(
    (a) => !input.allowedAddresses.has(a) && !input.ownAddresses.has(a),
  );
  if (redirect && foreign.some((a) => redirect.toLowerCase().includes(a))) {
    findings.push({ code: 'redirect_recipient', evidence: redirect });
  } else if (foreign.length > 0) {
    findings.push({ code: 'third_party_address', evidence: foreign.join(', ') });
  }
  const bank = firstMatch(BANK_CHANGE, input.text);
  if (bank) findings.push({ code: 'bank_change', evidence: bank });
  return findings;
}
