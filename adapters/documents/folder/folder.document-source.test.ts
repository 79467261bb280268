import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfWithText } from '../../../test/fixtures/pdf.js';
import { pdfText } from '../../../test/fixtures/pdf-text.js';
import { FolderDocumentSource } from './folder.document-source.js';

function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describe('FolderDocumentSource', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'arbot-docs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns the PDF stored as <invoiceNumber>.pdf', async () => {
    await writeFile(join(dir, 'INV-1001.pdf'), pdfWithText(['Invoice INV-1001 from the SoR']));
    const { logger, lines } = capturingLogger();
    const pdf = await new FolderDocumentSource(dir, logger).invoicePdf('INV-1001');
    expect(pdf).toBeInstanceOf(Uint8Array);
    expect((await pdfText(pdf ?? new Uint8Array())).text).toContain('Invoice INV-1001 from the SoR');
    expect(lines).toEqual([]);
  });

  it('returns undefined, without a warning, when there is no file', async () => {
    const { logger, lines } = capturingLogger();
    expect(await new FolderDocumentSource(dir, logger).invoicePdf('INV-404')).toBeUndefined();
    expect(await new FolderDocumentSource(join(dir, 'no-such-dir'), logger).invoicePdf('INV-404')).toBeUndefined();
    expect(lines).toEqual([]);
  });

  it('returns undefined and warns when the file is not a PDF', async () => {
    await writeFile(join(dir, 'INV-1002.pdf'), '<html>Not found</html>');
    const { logger, lines } = capturingLogger();
    expect(await new FolderDocumentSource(dir, logger).invoicePdf('INV-1002')).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, invoiceNumber: 'INV-1002', msg: expect.stringContaining('%PDF-') });
  });

  it('never reads outside the folder for an invoice number that is a path', async () => {
    await mkdir(join(dir, 'docs'));
    await writeFile(join(dir, 'secret.pdf'), pdfWithText(['outside']));
    const { logger, lines } = capturingLogger();
    const source = new FolderDocumentSource(join(dir, 'docs'), logger);
    expect(await source.invoicePdf('../secret')).toBeUndefined();
    expect(await source.invoicePdf('')).toBeUndefined();
    expect(lines).toHaveLength(2);
  });

  it('passes on read errors other than a missing file', async () => {
    await mkdir(join(dir, 'INV-DIR.pdf'));
    const { logger } = capturingLogger();
    await expect(new FolderDocumentSource(dir, logger).invoicePdf('INV-DIR')).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
