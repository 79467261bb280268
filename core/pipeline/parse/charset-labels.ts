// Rewrites charset labels in the MIME header blocks before mailparser sees the message.
// mailparser decodes utf-8 and us-ascii parts itself (invalid bytes become U+FFFD) and
// unknown charsets as UTF-8; relabeling sends those parts to our decoder instead, which
// can fall back to latin-1 and say so. Only real header blocks (found by scanMime) are
// touched, never body text that happens to look like a header.
import { isUtf8 } from 'node:buffer';
import { RELABELED, decodeLatin1, isKnownCharset, isRefusedCharset } from './charset.js';
import type { MimeScan, Span } from './mime-scan.js';
import type { ProblemList } from './problem-list.js';

/** The raw message with charset labels rewritten, or undefined when nothing needed rewriting. */
export function relabelCharsets(scan: MimeScan, problems: ProblemList): Buffer | undefined {
  const blocks: Span[] = [scan.top, ...scan.parts];
  const pieces: string[] = [];
  let pos = 0;
  let changed = false;
  for (const block of blocks) {
    const original = scan.text.slice(block.start, block.end);
    const rewritten = rewriteHeaderBlock(original, block === scan.top, problems);
    if (rewritten === original) continue;
    pieces.push(scan.text.slice(pos, block.start), rewritten);
    pos = block.end;
    changed = true;
  }
  if (!changed) return undefined;
  pieces.push(scan.text.slice(pos));
  return Buffer.from(pieces.join(''), 'latin1');
}

function rewriteHeaderBlock(block: string, isTop: boolean, problems: ProblemList): string {
  let out = relabelContentType(block, problems);
  out = relabelEncodedWords(out, problems);
  if (isTop) out = transcodeLatin1Headers(out, problems);
  return out;
}

const CONTENT_TYPE_FIELD = /(^|\n)(content-type[ \t]*:)([^\n]*(?:\n[ \t][^\n]*)*)/i;
const CHARSET_PARAM = /(charset[ \t]*=[ \t]*)("?)([^";\s]+)\2/i;

function relabelContentType(block: string, problems: ProblemList): string {
  return block.replace(CONTENT_TYPE_FIELD, (_all, lead: string, name: string, value: string) => {
    const param = CHARSET_PARAM.exec(value);
    if (param) {
      const label = (param[3] ?? '').toLowerCase();
      if (isRefusedCharset(label)) problems.add(`text in charset ${label} was not decoded (it can smuggle markup past filters)`);
      const replacement = /^utf-?8$/.test(label)
        ? RELABELED.utf8
        : /^(?:us-?ascii|ascii|ansi_x3\.4-1968)$/.test(label)
          ? RELABELED.ascii
          : undefined;
      if (replacement === undefined) return lead + name + value;
      const fixed = value.replace(CHARSET_PARAM, `$1$2${replacement}$2`);
      return lead + name + fixed;
    }
    if (!/^\s*text\//i.test(value)) return lead + name + value;
    // A text part without a charset: keep a trailing CR where it was.
    const cr = value.endsWith('\r') ? '\r' : '';
    return `${lead}${name}${value.slice(0, value.length - cr.length)}; charset=${RELABELED.none}${cr}`;
  });
}

const ENCODED_WORD_CHARSET = /=\?([^?\s*]{1,64})((?:\*[^?\s]*)?\?[QqBb]\?)/g;

function relabelEncodedWords(block: string, problems: ProblemList): string {
  return block.replace(ENCODED_WORD_CHARSET, (all, label: string, rest: string) => {
    if (isRefusedCharset(label) || isKnownCharset(label)) return all;
    problems.add(`unknown charset ${label.toLowerCase()} in a header; decoded as latin-1`);
    return `=?iso-8859-1${rest}`;
  });
}

// Raw 8-bit header bytes are read as UTF-8 by mailparser; latin-1 ones would become U+FFFD.
function transcodeLatin1Headers(block: string, problems: ProblemList): string {
  if (!/[\x80-\xff]/.test(block)) return block;
  const bytes = Buffer.from(block, 'latin1');
  if (isUtf8(bytes)) return block;
  problems.add('header section is not valid UTF-8; decoded as latin-1');
  return Buffer.from(decodeLatin1(bytes), 'utf8').toString('latin1');
}
