// The .eml folder source beyond the conformance suite: what it ignores, files arriving with
// the same (coarse) change time, moving taken-in files to processed/, and watching.
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mimeMessage } from '../../../test/fixtures/mime.js';
import { FolderMailSource } from './folder.mail-source.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbot-folder-source-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const drop = async (name: string, raw: Buffer = mimeMessage()) => {
  await writeFile(join(dir, `.${name}.part`), raw);
  await rename(join(dir, `.${name}.part`), join(dir, name));
};

describe('FolderMailSource', () => {
  it('reads only .eml files, not dot-files, other files or subfolders', async () => {
    await drop('a.eml');
    await drop('B.EML');
    await writeFile(join(dir, '.c.eml'), mimeMessage());
    await writeFile(join(dir, 'notes.txt'), 'hello');
    await mkdir(join(dir, 'sub.eml'));
    const page = await new FolderMailSource({ dir }).fetchSince(null, 10);
    expect(page.messages.map((m) => m.id).sort()).toEqual(['B.EML', 'a.eml']);
  });

  it('takes files in arrival order, not by their preserved modification time', async () => {
    await drop('a-first.eml');
    await drop('b-second.eml');
    // An old mtime (cp -p, unzip) does not move a file ahead: ctime is when it arrived here
    // (files arriving within one clock tick share a ctime and go by name).
    await utimes(join(dir, 'b-second.eml'), new Date('2001-01-01'), new Date('2001-01-01'));
    const page = await new FolderMailSource({ dir }).fetchSince(null, 10);
    expect(page.messages.map((m) => m.id)).toEqual(['a-first.eml', 'b-second.eml']);
  });

  it('still sees a file that arrives later with the same change time as the cursor', async () => {
    await drop('a.eml');
    const source = new FolderMailSource({ dir });
    const first = await source.fetchSince(null, 10);
    // A file system with coarse timestamps: the next file gets the very same ctime.
    const sameTime = { ...first.cursor };
    await drop('b.eml');
    const later = await source.fetchSince(sameTime, 10);
    expect(later.messages.map((m) => m.id)).toEqual(['b.eml']);
    // Simulated directly: a cursor at b's ctime that lists only a still yields b.
    const cursor = later.cursor as { v: 1; ctimeNs: string; names: string[] };
    expect((await source.fetchSince({ ...cursor, names: ['a.eml'] }, 10)).messages.map((m) => m.id)).toEqual(['b.eml']);
    expect((await source.fetchSince(cursor, 10)).messages).toEqual([]);
  });

  it('moves files the stored cursor has passed into processed/, never the ones still to take in', async () => {
    const source = new FolderMailSource({ dir, moveProcessed: true });
    await drop('1.eml');
    await drop('2.eml');
    const first = await source.fetchSince(null, 1);
    expect(first.messages.map((m) => m.id)).toEqual(['1.eml']);
    expect((await readdir(dir)).sort()).toEqual(['1.eml', '2.eml']);
    const second = await source.fetchSince(first.cursor, 10);
    expect(second.messages.map((m) => m.id)).toEqual(['2.eml']);
    expect((await readdir(dir)).sort()).toEqual(['2.eml', 'processed']);
    expect(await readdir(join(dir, 'processed'))).toEqual(['1.eml']);
    expect((await source.fetchSince(second.cursor, 10)).messages).toEqual([]);
    expect((await readdir(join(dir, 'processed'))).sort()).toEqual(['1.eml', '2.eml']);
  });

  it('calls back when a message is dropped in while watching', async () => {
    const source = new FolderMailSource({ dir, watchDebounceMs: 10 });
    let changes = 0;
    let notified!: () => void;
    const seen = new Promise<void>((resolve) => (notified = resolve));
    const stop = await source.watch(() => {
      changes += 1;
      notified();
    });
    try {
      await drop('new.eml');
      await seen;
      expect(changes).toBeGreaterThanOrEqual(1);
    } finally {
      await stop();
    }
  });
});
