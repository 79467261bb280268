// Replaces the variable parts of AR mail (references, amounts, dates, addresses) by placeholder
// words, so "copy of INV-204518" and "copy of 000204752" yield the same features and cues.

/** Placeholder words; they start with '#' so the tokenizer keeps them and the stemmer skips them. */
export const PLACEHOLDER = {
  email: '#email',
  url: '#url',
  amount: '#amt',
  date: '#date',
  reference: '#ref',
  number: '#num',
} as const;

const CURRENCY = String.raw`(?:[$€£]|usd|eur|cad|mxn|gbp|chf|brl|euros?|dollars?|dolares|reais)`;
const NUMBER = String.raw`\d(?:[\d.,' ]*\d)?`;

const RULES: ReadonlyArray<[RegExp, string]> = [
  // US tax form names carry digits that are not references: "W-9" stays "w9", "W-8BEN-E" "w8ben".
  [/\bw-?(9|8 ?ben)(?:-?e)?\b/g, 'w$1'],
  // "Nr. 123", "n. 88120", "No. 5" and "inv. 204900": the abbreviation's dot does not end a sentence.
  [/\b(nr|no|num|n|ref|inv|fact|ft|kd|kto|ca|art|nos|ns)\.(?= ?[\w#])/g, '$1'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, PLACEHOLDER.email],
  [/\b(?:https?:\/\/|www\.)\S+/g, PLACEHOLDER.url],
  [new RegExp(String.raw`(?<![a-z])${CURRENCY} ?${NUMBER}`, 'g'), PLACEHOLDER.amount],
  [new RegExp(String.raw`\b${NUMBER} ?${CURRENCY}(?![a-z])`, 'g'), PLACEHOLDER.amount],
  [/\b\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4}|\.(?!\d))?(?![\d,])/g, PLACEHOLDER.date],
  [/\b[a-z]{1,5}[-_./#]?\d{3,}[a-z0-9/_-]*/g, PLACEHOLDER.reference],
  [/#?\b\d[\d.,]*\b/g, PLACEHOLDER.number],
];

/** Replaces addresses, amounts, dates, references and numbers in folded text by placeholders. */
export function withPlaceholders(folded: string): string {
  let out = folded;
  for (const [pattern, word] of RULES) out = out.replace(pattern, ` ${word} `);
  return out.replace(/ {2,}/g, ' ');
}
