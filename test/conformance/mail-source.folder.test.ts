// Runs the MailSource conformance suite against the .eml folder source.
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderMailSource } from '../../adapters/mail/folder-source/folder.mail-source.js';
import { mailSourceSuite } from './mail-source.suite.js';

mailSourceSuite('folder', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'arbot-mail-folder-'));
  let sequence = 0;
  return {
    open: () => new FolderMailSource({ dir }),
    async add(raws) {
      for (const raw of raws) {
        // Written under a dot-name, then renamed in: how mail is meant to be dropped in.
        const name = `${String(++sequence).padStart(6, '0')}.eml`;
        await writeFile(join(dir, `.${name}.tmp`), raw);
        await rename(join(dir, `.${name}.tmp`), join(dir, name));
      }
    },
    invalidate: () => ({ v: 0, note: 'a cursor from an older version of the folder source' }),
    failing: [{ what: 'a folder that does not exist', open: () => new FolderMailSource({ dir: join(dir, 'missing') }), code: 'not_found' }],
    teardown: () => rm(dir, { recursive: true, force: true }),
  };
});
