// `npm run bench:mail [-- --messages 10000 --intake --sources folder,imap]`: ingests N messages
// from the .eml folder source and from IMAP (a Dovecot started on loopback) into the embedded
// store through MailSync, and prints msgs/s and peak RSS per source. By default each message
// goes through the real desk (intake: parse → … → decide, stored; then the automatic reply or
// the review task with its draft, placed by round-robin); `--intake` stops after intake (stored
// and analysed). Each source runs in its own process so its peak RSS is its own; seeding the
// folder or the IMAP server is not timed. Messages are the dev dataset's, repeated, each copy
// with its own Message-ID (so none is a duplicate). Dovecot's own memory is not included.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FolderMailSource } from '../adapters/mail/folder-source/folder.mail-source.js';
import { closeImap, connectImap, type ImapSettings } from '../adapters/mail/imap/imap-connection.js';
import { ImapMailSource } from '../adapters/mail/imap/imap.mail-source.js';
import { loadOfflineModel } from '../adapters/llm/offline/load-model.js';
import type { MailSource } from '../core/mail/mail-source.js';
import { configFixture } from '../app/config/config.fixture.js';
import { loadDataset } from '../app/eval/dataset.js';
import { buildIncomingMail } from '../app/incoming-mail-wiring.js';
import { createReviewDesk } from '../app/review-desk.js';
import { EmailIntake } from '../app/services/email-intake.js';
import { MailSync, type MailboxToSync } from '../app/services/mail-sync.js';
import { RawEmailStore } from '../app/services/raw-email-store.js';
import { automationPolicyFrom, relaxedMatchingFrom } from '../app/pipeline-settings.js';
import { openStorage } from '../storage/index.js';
import { importSnapshot } from '../storage/sor/import-snapshot.js';
import { silent } from '../test/support/bot-world.js';
import { startDovecot } from '../test/support/dovecot.js';
import { peakRssMiB } from './measure.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const MESSAGES = Number(option('--messages') ?? 10_000);
const INTAKE_ONLY = args.includes('--intake');
const PAGE_SIZE = 100;
const DATASET = join(import.meta.dirname, '../test/fixtures/datasets/dev');

interface Result {
  source: string;
  mode: string;
  messages: number;
  stored: number;
  ms: number;
  perSecond: number;
  seedMs: number;
  peakRssMiB: number;
}

const child = option('--child');
if (child === undefined) {
  const sources = (option('--sources') ?? 'folder,imap').split(',');
  const results: Result[] = [];
  for (const source of sources) {
    const res = spawnSync(process.execPath, [join(import.meta.dirname, '../bin/run-ts.js'), import.meta.filename, ...args, '--child', source], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    if (res.status !== 0) {
      console.error(`bench for ${source} failed (exit ${res.status})\n${res.stdout}`);
      process.exit(res.status ?? 1);
    }
    const line = res.stdout.trim().split('\n').at(-1) ?? '';
    results.push(JSON.parse(line) as Result);
  }
  console.log(`\nmail ingest through MailSync (pages of ${PAGE_SIZE}) into the embedded store`);
  console.log('| source | path | messages | stored | ms | msgs/s | peak RSS MiB | seeding ms (not timed) |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.source} | ${r.mode} | ${r.messages} | ${r.stored} | ${r.ms} | ${r.perSecond} | ${r.peakRssMiB} | ${r.seedMs} |`);
} else {
  console.log(JSON.stringify(await runChild(child)));
}

/** The dataset's messages repeated to `count`, each copy with a Message-ID of its own. */
async function messages(count: number): Promise<{ raws: Buffer[]; dataset: Awaited<ReturnType<typeof loadDataset>> }> {
  const dataset = await loadDataset(DATASET);
  const base = [...dataset.emails.values()].map((raw) => Buffer.from(raw).toString('latin1'));
  const raws = Array.from({ length: count }, (_, i) => {
    const text = base[i % base.length]!;
    const id = `<bench-${i}@bench.arbot.invalid>`;
    const replaced = text.replace(/^Message-ID:[^\r\n]*(\r?\n[ \t][^\r\n]*)*/im, `Message-ID: ${id}`);
    return Buffer.from(replaced === text ? `Message-ID: ${id}\r\n${text}` : replaced, 'latin1');
  });
  return { raws, dataset };
}

async function runChild(kind: string): Promise<Result> {
  const dir = await mkdtemp(join(tmpdir(), 'arbot-bench-mail-'));
  const stops: Array<() => Promise<void>> = [];
  try {
    const { raws, dataset } = await messages(MESSAGES);
    const storage = await openStorage({ dataDir: join(dir, 'data'), dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 1 << 26, logger: silent, tenantId: 'default' });
    stops.push(() => storage.close());
    await importSnapshot(storage.repos, dataset.sor, new Date(), { applyEnrolment: true });
    const config = configFixture({ company: { name: dataset.sor.company.name, arMailbox: dataset.sor.company.arMailbox } });
    const desk = await createReviewDesk({ config, db: storage.db, repos: storage.repos, logger: silent, cwd: dir });
    const now = new Date();
    const analysts = await Promise.all(['Ana Lima', 'Ben Okafor', 'Chen Wei'].map((name, i) => storage.repos.users.create({ displayName: name, identities: { teamsAadObjectId: `aad-${i}` }, roles: ['Analyst'] }, now)));
    await storage.repos.teams.create({ name: 'Collections', members: analysts.map((u) => u.id), channels: {} }, now);
    const model = loadOfflineModel();
    const incoming: MailboxToSync['incoming'] = INTAKE_ONLY
      ? intakeOnly(new EmailIntake({ repos: storage.repos, raw: new RawEmailStore(storage.db), pipeline: { model, sor: desk.sor, policy: automationPolicyFrom(config), relaxedMatching: relaxedMatchingFrom(config) }, mailbox: dataset.sor.company.arMailbox, logger: silent, now: () => new Date() }))
      : buildIncomingMail({ desk, db: storage.db, config, model, mailbox: dataset.sor.company.arMailbox });

    const seedStart = performance.now();
    const source = await seed(kind, dir, raws, stops);
    const seedMs = Math.round(performance.now() - seedStart);

    const sync = new MailSync({ cursors: storage.repos.mailCursors, logger: silent, clock: () => new Date(), settings: { pageSize: PAGE_SIZE, maxMessagesPerRun: 1000 } });
    const start = performance.now();
    let taken = 0;
    for (;;) {
      const outcome = await sync.syncOnce({ source, incoming });
      if (outcome.kind !== 'synced') throw new Error(`sync stopped: ${JSON.stringify(outcome)}`);
      taken += outcome.messages;
      if (!outcome.more) break;
      process.stderr.write(`\r${kind}: ${taken}/${MESSAGES}`);
    }
    const ms = performance.now() - start;
    process.stderr.write('\n');
    await source.close?.();
    const stored = await storage.db.collection('emails').countDocuments({});
    return { source: kind === 'imap' ? 'imap (Dovecot, loopback)' : 'folder (.eml)', mode: INTAKE_ONLY ? 'intake only' : 'full desk', messages: taken, stored, ms: Math.round(ms), perSecond: Math.round((taken / ms) * 1000), seedMs, peakRssMiB: peakRssMiB() };
  } finally {
    for (const stop of stops.reverse()) await stop();
    await rm(dir, { recursive: true, force: true });
  }
}

function intakeOnly(intake: EmailIntake): MailboxToSync['incoming'] {
  return {
    handle: async (raw, receivedAt) => {
      const r = await intake.ingest(raw, receivedAt);
      return { kind: 'no_action', emailId: r.emailId, duplicate: r.duplicate };
    },
  };
}

async function seed(kind: string, dir: string, raws: Buffer[], stops: Array<() => Promise<void>>): Promise<MailSource> {
  if (kind === 'folder') {
    const inbox = join(dir, 'inbox');
    await mkdir(inbox);
    for (const [i, raw] of raws.entries()) await writeFile(join(inbox, `${String(i).padStart(6, '0')}.eml`), raw);
    return new FolderMailSource({ dir: inbox });
  }
  if (kind === 'imap') {
    const dovecot = await startDovecot();
    stops.push(() => dovecot.stop());
    const settings: ImapSettings = { host: dovecot.host, port: dovecot.port, secure: false, user: dovecot.user, password: dovecot.password };
    const client = await connectImap(settings);
    for (const raw of raws) await client.append('INBOX', raw);
    await closeImap(client);
    return new ImapMailSource({ settings });
  }
  throw new Error(`unknown source ${kind} (folder or imap)`);
}
