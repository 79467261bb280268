// A multipart message whose declared boundary never occurs (or that declares none) parses as
// an empty message. Mailers that break this usually still write delimiter lines, so we look
// for one in the body and re-declare it, which recovers the text.
import { boundaryOf, contentTypeOf, type MimeScan } from './mime-scan.js';
import type { ProblemList } from './problem-list.js';

/** Problems with the message's MIME boundaries: missing, never used, or never closed (truncation). */
export function boundaryProblems(scan: MimeScan): string[] {
  const problems: string[] = [];
  const topType = contentTypeOf(scan.text.slice(scan.top.start, scan.top.end));
  if (/^\s*multipart\//i.test(topType) && boundaryOf(topType) === undefined) {
    problems.push(`${mediaType(topType)} without a boundary parameter`);
  }
  for (const b of scan.missing) problems.push(`multipart boundary "${b}" never occurs in the body`);
  for (const b of scan.unclosed) problems.push(`multipart boundary "${b}" is never closed; the message may be truncated`);
  return problems;
}

/** The raw message with a usable top-level boundary declared, or undefined when no repair applies. */
export function repairTopBoundary(scan: MimeScan, problems: ProblemList): Buffer | undefined {
  const topBlock = scan.text.slice(scan.top.start, scan.top.end);
  const topType = contentTypeOf(topBlock);
  if (!/^\s*multipart\//i.test(topType)) return undefined;
  const declared = boundaryOf(topType);
  if (declared !== undefined && !scan.missing.includes(declared)) return undefined;
  const candidate = delimiterInBody(scan);
  if (candidate === undefined) return undefined;
  problems.add(`recovered the MIME structure using boundary "${candidate}" found in the body`);
  const fixedBlock = topBlock.replace(
    /(^|\n)content-type[ \t]*:[^\n]*(?:\n[ \t][^\n]*)*/i,
    (_all, lead: string) => `${lead}Content-Type: ${mediaType(topType)}; boundary="${candidate}"${topBlock.includes('\r\n') ? '\r' : ''}`,
  );
  return Buffer.from(scan.text.slice(0, scan.top.start) + fixedBlock + scan.text.slice(scan.top.end), 'latin1');
}

// The first "--token" line whose token also opens another part or closes the body (one pass).
function delimiterInBody(scan: MimeScan): string | undefined {
  const body = scan.text.slice(scan.bodyStart, scan.bodyStart + 1_000_000);
  const opens: string[] = [];
  const uses = new Map<string, number>();
  for (const line of body.split('\n')) {
    const token = /^--([!-~]{1,72})$/.exec(line.trimEnd())?.[1];
    if (token === undefined) continue;
    const closing = token.endsWith('--') && token.length > 2;
    const name = closing ? token.slice(0, -2) : token;
    if (!closing) opens.push(name);
    uses.set(name, (uses.get(name) ?? 0) + 1);
  }
  return opens.find((t) => t.length <= 70 && (uses.get(t) ?? 0) >= 2);
}

function mediaType(contentType: string): string {
  return (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();
}
