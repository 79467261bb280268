import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import pino from 'pino';
import { describeSkipped, loadSorJson } from '../../../adapters/sor/file/sor-json.js';
import { FolderDocumentSource } from '../../../adapters/documents/folder/folder.document-source.js';
import { PdfkitDocumentRenderer } from '../../../adapters/documents/pdfkit/pdfkit.document-renderer.js';
import { createIntentModel, type IntentModelName } from '../../../adapters/llm/registry.js';
import { analyzeEmail } from '../../../core/pipeline/analyze.js';
import { InMemorySor } from '../../../core/pipeline/in-memory-sor.js';
import type { SorLookup } from '../../../core/pipeline/sor.js';
import type { DocumentSource } from '../../../core/replies/reply-model.js';
import { loadTemplates } from '../../../templates/engine.js';
import type { ArbotConfig } from '../../config/schema.js';
import { ArbotError } from '../../errors.js';
import { automationPolicyFrom, relaxedMatchingFrom } from '../../pipeline-settings.js';
import { ReplyComposer } from '../../services/reply-composer.js';
import { openCliStorage } from '../cli-storage.js';
import type { CliContext, CommandModule } from '../context.js';
import { loadConfigFor } from '../load-config.js';

interface PreviewOptions {
  dataset?: string;
}

/** `arbot reply preview <eml> [--dataset <dir>]`: the decision and the reply draft for one email file. */
export const replyCommand: CommandModule = {
  register(program, context) {
    const reply = program.command('reply').description('replies: preview the draft arbot writes for an email');
    reply
      .command('preview')
      .description('print the decision and the reply draft (subject, recipients, body, attachments) for an email file')
      .argument('<eml>', 'an RFC 5322 message file')
      .option('--dataset <dir>', 'answer from a dataset folder (sor.json, optional docs/<invoice>.pdf) instead of the SoR loaded in storage')
      .addHelpText(
        'after',
        '\nWithout --dataset the SoR is the one synced into storage (MONGODB_URI or the embedded store in ARBOT_DATA_DIR),\n' +
          'with ARBOT_COMPANY_NAME and ARBOT_AR_MAILBOX as the sender.\n\nExample: arbot reply preview ../shared/datasets/dev/emails/001.eml --dataset ../shared/datasets/dev',
      )
      .action((eml: string, options: PreviewOptions, command: Command) => preview(eml, options, command, context));
  },
};

async function preview(eml: string, options: PreviewOptions, command: Command, context: CliContext): Promise<void> {
  const config = loadConfigFor(command, context);
  const raw = await readFile(resolve(context.cwd, eml)).catch((err: unknown) => {
    throw new ArbotError('usage', `cannot read ${eml}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  });
  const source = options.dataset === undefined ? await storageSource(config, context) : await datasetSource(resolve(context.cwd, options.dataset), context);
  try {
    await previewWith(raw, source, config, context);
  } finally {
    await source.close();
  }
}

interface SorSource {
  sor: SorLookup;
  company: { name: string; arMailbox: string };
  docsDir?: string;
  close(): Promise<void>;
}

/** The SoR of a dataset folder. */
async function datasetSource(dir: string, context: CliContext): Promise<SorSource> {
  const snapshot = await loadSorJson(join(dir, 'sor.json')).catch((err: unknown) => {
    throw new ArbotError('usage', `cannot load ${join(dir, 'sor.json')}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  });
  for (const line of describeSkipped(snapshot.skipped)) context.stderr.write(`${join(dir, 'sor.json')}: skipped ${line}\n`);
  return { sor: new InMemorySor(snapshot), company: snapshot.company, docsDir: join(dir, 'docs'), close: async () => undefined };
}

/** The SoR synced into the configured storage. */
async function storageSource(config: ArbotConfig, context: CliContext): Promise<SorSource> {
  const mailbox = config.company.arMailbox;
  if (!mailbox) throw new ArbotError('usage', 'ARBOT_AR_MAILBOX (company.arMailbox) is needed to preview against storage; or pass --dataset <dir>');
  const { MongoSorLookup } = await import('../../../storage/sor/mongo-sor-lookup.js');
  const storage = await openCliStorage(config, context);
  return {
    sor: new MongoSorLookup(storage.repos, { ownAddresses: [mailbox] }),
    company: { name: config.company.name, arMailbox: mailbox },
    close: () => storage.close(),
  };
}

async function previewWith(raw: Uint8Array, source: SorSource, config: ArbotConfig, context: CliContext): Promise<void> {
  const { sor, company } = source;
  const model = await createIntentModel(config.pipeline.model as IntentModelName, config);
  const analysis = await analyzeEmail(raw, { model, sor, policy: automationPolicyFrom(config), relaxedMatching: relaxedMatchingFrom(config) });
  const { decision } = analysis;
  const out: string[] = [`decision: ${decision.action}`, ...decision.reasons.map((r) => `  - ${r.code}: ${r.message}`)];
  if (!decision.customerId) {
    out.push('', 'no draft: the customer is not known, so there is nothing to answer from');
    context.stdout.write(`${out.join('\n')}\n`);
    return;
  }
  const composer = new ReplyComposer({
    sor,
    templates: await loadTemplates(config.replies.templatesDir === undefined ? {} : { overridesDir: resolve(context.cwd, config.replies.templatesDir) }),
    documents: { source: documentSource(source.docsDir), renderer: new PdfkitDocumentRenderer() },
    company,
    ccPolicy: 'known_contacts',
  });
  const reply = await composer.compose(analysis.parsed, { decision, language: analysis.normalized.language, match: analysis.match, entities: analysis.understanding.entities });
  out.push(
    '',
    decision.action === 'auto_reply' ? 'reply (would be sent automatically):' : 'draft (for the reviewer; not sent automatically):',
    `  From: ${company.arMailbox}`,
    `  To: ${reply.to.join(', ')}`,
    `  Cc: ${reply.cc.join(', ') || '—'}`,
    `  Subject: ${reply.subject}`,
    `  In-Reply-To: ${reply.inReplyTo ?? '—'}`,
    `  Language: ${analysis.normalized.language}`,
    `  Attachments: ${reply.attachments.map((a) => `${a.filename} (${a.content.byteLength} bytes)`).join(', ') || '—'}`,
    '',
    reply.text,
  );
  context.stdout.write(`${out.join('\n')}\n`);
}

/** The dataset's docs/ folder, or no SoR documents (every invoice copy is rendered). */
function documentSource(dir: string | undefined): DocumentSource {
  return dir === undefined ? { invoicePdf: async () => undefined } : new FolderDocumentSource(dir, pino({ level: 'silent' }));
}
