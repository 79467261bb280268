// Takes the signature block and legal footers off the end of what the sender wrote.
// The block is found from the bottom up: footer paragraphs, phone/address/title lines and
// names are skipped until a sign-off ("Thanks,") or a line of real content is reached.
// Conservative by design: lines with an invoice-like number or a request stay in the body
// even inside the block, and a closing "Thanks!" with nothing above it is the message.
import { isDisclaimerParagraph, isExternalSenderBanner, isLegalLine } from './footer-patterns.js';
import { isKeeperLine } from './keeper-lines.js';
import { isDelimiter, isGreeting, isMobileSignature, isNameLine, isSignOff, isSignatureDetail } from './signature-patterns.js';
import { joinLines } from './text-cleanup.js';

export interface SignatureSplit {
  body: string;
  signature?: string;
  /** Dropped legal footers and banners (kept for tests and debugging, not stored). */
  footers: string[];
}

// Prose this long is a message, not a signature line, even when it holds a request.
const MAX_KEEPER_IN_BLOCK = 200;

/** Splits `text` into body, signature block and dropped footers. */
export function splitSignature(text: string): SignatureSplit {
  const lines = text.split('\n');
  const { footer, banner } = footerLines(lines);
  const delimiter = lastIndex(lines, isDelimiter);
  const isBlank = (i: number): boolean => (lines[i] ?? '').trim() === '';
  const hasContentAbove = (i: number): boolean =>
    lines.slice(0, i).some((l, j) => l.trim() !== '' && !banner.has(j) && !isGreeting(l));

  let signOff = -1;
  let stop = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (isBlank(i) || footer.has(i) || isMobileSignature(line) || i === delimiter) continue;
    if (delimiter >= 0 && i > delimiter) continue;
    if (isSignOff(line)) {
      if (hasContentAbove(i)) signOff = i;
      else stop = i;
      break;
    }
    if (isKeeperLine(line) ? line.trim().length <= MAX_KEEPER_IN_BLOCK : isSignatureDetail(line)) continue;
    stop = i;
    break;
  }

  const regionStart = signOff >= 0 ? signOff : stop + 1;
  const stopIsSignOff = stop >= 0 && isSignOff(lines[stop] ?? '');
  let sigStart = signOff >= 0 ? signOff : blockStart(lines, regionStart, stop < 0 || stopIsSignOff, delimiter);
  // A "signature" with nothing above it is the message itself (a two-line note, a bare name).
  if (sigStart !== undefined && signOff < 0 && !hasContentAbove(sigStart)) sigStart = undefined;
  const body: string[] = [];
  const signature: string[] = [];
  const footers: string[] = [];
  lines.forEach((line, i) => {
    // Footers count only below the message (or as the banner on top): mid-text they are the sender's words.
    if (footer.has(i) && (i >= regionStart || banner.has(i))) footers.push(line);
    else if (i < regionStart || sigStart === undefined || i < sigStart || isKeeperLine(line)) body.push(line);
    else signature.push(line);
  });
  const sig = joinLines(signature);
  return { body: joinLines(body), ...(sig === '' ? {} : { signature: sig }), footers: footers.filter((f) => f.trim() !== '') };
}

// Without a sign-off, the block starts at the first name, delimiter or "Sent from" line of the
// trailing region, and a name only after a blank line (so "Send it to:\nAcme Inc\n1 Main St" stays).
function blockStart(lines: readonly string[], from: number, blankSeenAtStart: boolean, delimiter: number): number | undefined {
  let blankSeen = blankSeenAtStart;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      blankSeen = true;
      continue;
    }
    if (i === delimiter || isMobileSignature(line)) return i;
    if (isKeeperLine(line)) blankSeen = false; // a request line is content: what follows it directly belongs to it
    else if (blankSeen && isNameLine(line)) return i;
  }
  return undefined;
}

// Lines of disclaimer paragraphs and company-register lines, and of a leading "external sender" banner.
function footerLines(lines: readonly string[]): { footer: Set<number>; banner: Set<number> } {
  const out = new Set<number>();
  const banner = new Set<number>();
  let start = 0;
  let first = true;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && (lines[i] ?? '').trim() !== '') continue;
    if (i > start) {
      const paragraph = lines.slice(start, i).join('\n');
      const isBanner = first && isExternalSenderBanner(paragraph);
      if (isBanner || isDisclaimerParagraph(paragraph)) {
        for (let j = start; j < i; j++) {
          out.add(j);
          if (isBanner) banner.add(j);
        }
      }
      first = false;
    }
    start = i + 1;
  }
  lines.forEach((l, i) => {
    if (isLegalLine(l)) out.add(i);
  });
  return { footer: out, banner };
}

function lastIndex(lines: readonly string[], test: (line: string) => boolean): number {
  for (let i = lines.length - 1; i >= 0; i--) if (test(lines[i] ?? '')) return i;
  return -1;
}
