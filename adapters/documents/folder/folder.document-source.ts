// Invoice PDFs from a folder of <invoiceNumber>.pdf files: the optional docs/ folder of a dataset.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Logger } from 'pino';
import type { DocumentSource } from '../../../core/replies/reply-model.js';

// Readers accept the header anywhere in the first 1,024 bytes (Acrobat does), so this does too.
const HEADER_WINDOW = 1024;
const PDF_HEADER = Buffer.from('%PDF-', 'latin1');

function isMissing(err: unknown): boolean {
  return err instanceof Error && 'code' in err && err.code === 'ENOENT';
}

/** Reads `<dir>/<invoiceNumber>.pdf`; a missing file, a name that is not a plain file name or a file that is not a PDF gives undefined. */
export class FolderDocumentSource implements DocumentSource {
  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
  ) {}

  async invoicePdf(invoiceNumber: string): Promise<Uint8Array | undefined> {
    const filename = `${invoiceNumber}.pdf`;
    // An invoice number is SoR data, but still never a path: "../x" or "a/b" must not leave the folder.
    if (invoiceNumber === '' || basename(filename) !== filename || invoiceNumber.startsWith('.')) {
      this.logger.warn({ invoiceNumber, dir: this.dir }, 'invoice number is not usable as a file name; no SoR document');
      return undefined;
    }
    const path = join(this.dir, filename);
    const content = await this.read(path);
    if (content === undefined) return undefined;
    if (!content.subarray(0, HEADER_WINDOW).includes(PDF_HEADER)) {
      this.logger.warn({ invoiceNumber, path, bytes: content.byteLength }, 'invoice document has no %PDF- header; ignoring it');
      return undefined;
    }
    return new Uint8Array(content);
  }

  private async read(path: string): Promise<Buffer | undefined> {
    try {
      return await readFile(path);
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }
}
