// `npm run teams:playground`: arbot's Teams bot in the Microsoft 365 Agents Playground, with
// demo data, so a person can click through a review task in a browser without a Microsoft 365
// tenant. It starts arbot (embedded store in ./data-playground, Teams without authentication,
// the dev dataset's SoR, the Playground's default people as arbot users, their team on the
// Playground team's General channel), starts the Playground against it, adds the bot to the
// team (the Playground's "bot added" event), and opens review tasks from a few dev emails. A
// small outbox loop writes approved replies as .eml files to ./data-playground/outbox.
//
//   PORT (3978)                  arbot's HTTP port (the bot is at /api/messages)
//   TEAMSAPPTESTER_PORT (56150)  the Playground's port; open http://localhost:<port>
//   TEAMSAPPTESTER_BROWSER=none  do not open a browser
//   PLAYGROUND_TASKS (3)         how many dev emails to open as tasks on the first run
//
// Ctrl-C stops both. Delete ./data-playground to start over.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { teamsPlatform } from '../adapters/chat/teams/teams.platform.js';
import { TeamsDirectory } from '../adapters/chat/teams/teams-directory.js';
import { createIntentModel, type IntentModelName } from '../adapters/llm/registry.js';
import { FolderMailSender } from '../adapters/mail/outbox-folder/folder.mail-sender.js';
import { loadConfig } from '../app/config/load.js';
import { loadDataset } from '../app/eval/dataset.js';
import { createHttpApp } from '../app/http/server.js';
import { listen } from '../app/http/listen.js';
import { createLogger } from '../app/logger.js';
import { automationPolicyFrom, relaxedMatchingFrom } from '../app/pipeline-settings.js';
import { createReviewDesk } from '../app/review-desk.js';
import { EmailIntake } from '../app/services/email-intake.js';
import { OutboxSender } from '../app/services/outbox-sender.js';
import { RawEmailStore } from '../app/services/raw-email-store.js';
import type { Role } from '../core/domain/user.js';
import { openStorage } from '../storage/index.js';
import { createRepositories } from '../storage/repositories/index.js';
import type { TaskRepo } from '../storage/repositories/task.repo.js';
import { importSnapshot } from '../storage/sor/import-snapshot.js';

const root = process.cwd();
const dataDir = resolve(root, 'data-playground');
const port = Number(process.env.PORT || 3978);
const playgroundPort = Number(process.env.TEAMSAPPTESTER_PORT || 56150);
const taskCount = Number(process.env.PLAYGROUND_TASKS || 3);

/** The Playground's built-in people (its default config), and their roles here. */
const PEOPLE: { name: string; aadObjectId: string; email: string; roles: Role[] }[] = [
  { name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020', email: 'alexw@example.com', roles: ['Manager', 'SuperAdmin'] },
  { name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000021', email: 'meganb@example.com', roles: ['Analyst'] },
  { name: 'Adele Vance', aadObjectId: '00000000-0000-0000-0000-0000000000022', email: 'adelev@example.com', roles: ['Analyst'] },
];
/** The Playground's team; its General channel has the team's id. */
const PLAYGROUND_TEAM_ID = 'team-id';

const config = loadConfig({
  env: {
    ...process.env,
    ARBOT_DATA_DIR: dataDir,
    ARBOT_TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    ARBOT_AR_MAILBOX: process.env.ARBOT_AR_MAILBOX || 'ar@northwind.example',
    ARBOT_OUTBOX_DIR: resolve(dataDir, 'outbox'),
    PORT: String(port),
    LOG_PRETTY: process.env.LOG_PRETTY ?? 'true',
  },
  cwd: root,
});
const logger = createLogger({ level: config.log.level, pretty: config.log.pretty });
const storage = await openStorage({ dataDir, dbName: config.storage.dbName, embeddedPort: 0, journalCompactBytes: config.storage.journalCompactBytes, logger, tenantId: config.tenant.id });
const repos = createRepositories(storage.db, config.tenant.id);
const desk = await createReviewDesk({ config, db: storage.db, repos, logger, cwd: root });
const platform = await teamsPlatform({ config, desk, logger });
if (platform === null) throw new Error('Teams did not start although ARBOT_TEAMS_ALLOW_UNAUTHENTICATED is set');
desk.channels.register(platform.channel);
const http = await listen(createHttpApp({ db: storage.db, storage: storage.kind, version: 'playground', logger, mounts: [(app) => platform.mount(app)] }), '127.0.0.1', port);
logger.info(`arbot is listening on ${http.url} (bot at ${http.url}/api/messages)`);

// ---- demo data (idempotent: a second run finds it) -------------------------------------------
const now = new Date();
const dataset = await loadDataset(resolve(root, 'test/fixtures/datasets/dev'));
await importSnapshot(repos, dataset.sor, now, { applyEnrolment: true });
const userIds: string[] = [];
for (const p of PEOPLE) {
  const existing = await repos.users.findByTeamsId(p.aadObjectId);
  const user = existing ?? (await repos.users.create({ displayName: p.name, email: p.email, identities: { teamsAadObjectId: p.aadObjectId }, roles: p.roles }, now));
  if (p.roles.includes('Analyst')) userIds.push(user.id);
}
const managers = (await Promise.all(PEOPLE.filter((p) => p.roles.includes('Manager')).map((p) => repos.users.findByTeamsId(p.aadObjectId)))).flatMap((u) => (u ? [u.id] : []));
if ((await repos.teams.list()).length === 0) {
  await repos.teams.create({ name: 'Collections', members: userIds, managers, channels: { teams: { teamId: PLAYGROUND_TEAM_ID, channelId: PLAYGROUND_TEAM_ID } } }, now);
}

// ---- the Playground ----------------------------------------------------------------------------
const cli = resolve(root, 'node_modules/@microsoft/m365agentsplayground/cli.js');
const child = spawn(process.execPath, [cli, '-e', `${http.url}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--disable-telemetry'], { cwd: dataDir, stdio: 'inherit', env: process.env });
// Whatever happens below, the Playground does not outlive this process.
process.on('exit', () => {
  if (child.exitCode === null) child.kill('SIGTERM');
});
const playgroundUrl = `http://localhost:${playgroundPort}`;
await waitFor(`the Playground on ${playgroundUrl}`, async () => (await fetch(`${playgroundUrl}/_debug/ping`).catch(() => null))?.ok === true, 30_000);

// The Playground's "bot added to the team" event: the bot learns where to post.
const template = await (await fetch(`${playgroundUrl}/_internal/v1/customActivities/template?conversationId=${PLAYGROUND_TEAM_ID}&type=botAdded`)).json();
await fetch(`${playgroundUrl}/_internal/v1/customActivities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(template) });
const directory = new TeamsDirectory(repos.settings, () => new Date());
await waitFor('the bot to hear from the Playground', async () => (await directory.channel(PLAYGROUND_TEAM_ID)) !== undefined, 15_000);

// ---- review tasks from dev emails ----------------------------------------------------------
if ((await repos.tasks.countOpen({})) === 0) {
  const model = await createIntentModel(config.pipeline.model as IntentModelName, config);
  const intake = new EmailIntake({
    repos,
    raw: new RawEmailStore(storage.db),
    pipeline: { model, sor: desk.sor, policy: automationPolicyFrom(config), relaxedMatching: relaxedMatchingFrom(config) },
    mailbox: config.company.arMailbox ?? 'ar@northwind.example',
    logger,
    now: () => new Date(),
  });
  let opened = 0;
  for (const label of dataset.labels.filter((l) => l.expected === 'review')) {
    if (opened >= taskCount) break;
    const raw = dataset.emails.get(label.file);
    if (!raw) continue;
    const result = await intake.ingest(raw, new Date());
    if (result.analysis === null || result.analysis.decision.action !== 'review') continue;
    const { task } = await desk.reviewTasks.open({ emailId: result.emailId, analysis: result.analysis });
    opened += 1;
    const shownIn = (await repos.tasks.get(task.id))?.posts?.map((p) => `${p.platform}:${p.conversationId}`) ?? [];
    logger.info({ email: label.file, taskId: task.id, shownIn }, 'demo task opened');
  }
}

// ---- outbox: approved replies become .eml files, and the cards say "Sent" -------------------------
const tasks: Pick<TaskRepo, 'get' | 'transition'> = {
  get: (id) => repos.tasks.get(id),
  transition: async (...args) => {
    const outcome = await repos.tasks.transition(...args);
    if (outcome.ok) await desk.cards.taskChanged(outcome.task);
    return outcome;
  },
};
const sender = new OutboxSender({
  outbox: repos.outbox,
  audit: repos.audit,
  tasks,
  mail: new FolderMailSender({ dir: config.replies.outboxDir }),
  sor: desk.sor,
  logger,
  settings: { leaseMs: config.replies.sendLeaseSeconds * 1000, maxAttempts: config.replies.maxSendAttempts },
});
let draining = false;
const outboxTimer = setInterval(() => {
  if (draining) return;
  draining = true;
  sender
    .drain('playground', () => new Date(), 10)
    .catch((err: unknown) => logger.error({ err }, 'outbox: sending failed'))
    .finally(() => {
      draining = false;
    });
}, 2000);

logger.info(`Open ${playgroundUrl} — the task cards are in My Team › General (you are Alex Wilber, a manager; pick Megan Bowen or Adele Vance to act as an analyst). Replies go to ${config.replies.outboxDir}. Ctrl-C stops.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  clearInterval(outboxTimer);
  if (child.exitCode === null) child.kill('SIGTERM');
  await http.close();
  await storage.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
child.on('exit', () => void stop());

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
