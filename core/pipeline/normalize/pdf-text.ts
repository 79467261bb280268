// Text of a PDF attachment (remittance advices, vendor forms) through unpdf's pdf.js build.
// Pages are read one at a time up to a limit, so a 2,000-page or booby-trapped PDF costs a
// bounded amount of work; unpdf's extractText would read every page at once.
import { errorMessage } from '../parse/problem-list.js';

export interface ExtractedText {
  text: string;
  error?: string;
}

const MAX_PAGES = 50;

/** Extracts up to `maxChars` of text from PDF bytes; a broken or encrypted PDF yields `error`, never a throw. */
export async function pdfText(bytes: Uint8Array, maxChars: number): Promise<ExtractedText> {
  const { getDocumentProxy } = await import('unpdf');
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (err) {
    return { text: '', error: describePdfError(err) };
  }
  const pages: string[] = [];
  let length = 0;
  try {
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES) && length < maxChars; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      pages.push(text);
      length += text.length;
    }
  } catch (err) {
    return { text: tidy(pages), error: describePdfError(err) };
  } finally {
    await doc.destroy();
  }
  const text = tidy(pages);
  if (text === '') return { text, error: 'PDF has no text layer (scanned image?)' };
  if (doc.numPages > MAX_PAGES) return { text, error: `PDF has ${doc.numPages} pages; only the first ${MAX_PAGES} were read` };
  return { text };
}

function tidy(pages: readonly string[]): string {
  return pages
    .join('\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function describePdfError(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') return 'PDF is password-protected';
  return `PDF could not be read: ${errorMessage(err)}`;
}
