// Runs the MailSender conformance suite against the outbox folder sender (.eml files).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileNameFor, FolderMailSender } from '../../adapters/mail/outbox-folder/folder.mail-sender.js';
import { mailSenderSuite } from './mail-sender.suite.js';

mailSenderSuite('outbox folder', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'arbot-outbox-conf-'));
  await writeFile(join(dir, 'a-file'), 'not a folder');
  return {
    sender: new FolderMailSender({ dir }),
    async delivered(messageId) {
      const raw = await readFile(join(dir, fileNameFor(messageId))).catch(() => undefined);
      return raw === undefined ? undefined : { raw };
    },
    findsSent: true,
    failing: [{ what: 'a folder that cannot be created', sender: () => new FolderMailSender({ dir: join(dir, 'a-file', 'outbox') }), code: 'temporary' }],
    teardown: () => rm(dir, { recursive: true, force: true }),
  };
});
