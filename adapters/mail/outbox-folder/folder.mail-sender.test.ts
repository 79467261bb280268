// The outbox folder: one .eml per Message-ID, read back by mailparser; the folder is its own
// record of what was sent.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../core/replies/reply-model.js';
import { fileNameFor, FolderMailSender } from './folder.mail-sender.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-outbox-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  messageId: 'r-1.abc@northwind.example',
  from: 'ar@northwind.example',
  to: ['jane@acme.example'],
  cc: [],
  subject: 'RE: Copie de facture',
  text: 'Bonjour Jane, voici la facture.',
  html: '<p>Bonjour Jane, voici la facture.</p>',
  inReplyTo: 'q-1@acme.example',
  references: ['q-1@acme.example'],
  attachments: [{ filename: 'INV-204518.pdf', contentType: 'application/pdf', content: new Uint8Array([37, 80, 68, 70]) }],
  autoSubmitted: true,
  ...over,
});

describe('FolderMailSender', () => {
  it('writes one .eml named by the Message-ID that mailparser reads back', async () => {
    const sender = new FolderMailSender({ dir: join(dir, 'outbox'), now: () => new Date('2026-11-20T09:00:00Z') });
    expect(await sender.findSent('r-1.abc@northwind.example')).toBeUndefined();
    const { providerMessageId } = await sender.send(message());
    expect(providerMessageId).toBe('r-1.abc@northwind.example.eml');
    expect(await readdir(join(dir, 'outbox'))).toEqual(['r-1.abc@northwind.example.eml']);
    const parsed = await simpleParser(await readFile(join(dir, 'outbox', providerMessageId)));
    expect(parsed.messageId).toBe('<r-1.abc@northwind.example>');
    expect(parsed.subject).toBe('RE: Copie de facture');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.attachments[0]?.content.toString('latin1')).toBe('%PDF');
    expect(await sender.findSent('<r-1.abc@northwind.example>')).toEqual({ providerMessageId });
  });

  it('sends a Message-ID once: a second send keeps the first file', async () => {
    const sender = new FolderMailSender({ dir });
    await sender.send(message({ subject: 'first' }));
    await sender.send(message({ subject: 'second' }));
    const files = await readdir(dir);
    expect(files).toEqual(['r-1.abc@northwind.example.eml']);
    expect((await simpleParser(await readFile(join(dir, files[0] ?? '')))).subject).toBe('first');
  });

  it('gives distinct Message-IDs distinct, safe file names', () => {
    expect(fileNameFor('a/b@x')).toBe('a%2Fb@x.eml');
    expect(fileNameFor('a%2Fb@x')).toBe('a%252Fb@x.eml');
    expect(fileNameFor('../../etc@x')).toMatch(/^sha256-[0-9a-f]{64}\.eml$/);
    expect(fileNameFor(`${'x'.repeat(300)}@x`)).toMatch(/^sha256-/);
  });
});
