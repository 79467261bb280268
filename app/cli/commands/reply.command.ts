import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import pino from 'pino';
import { loadSorJson } from '../../../adapters/sor/file/sor-json.js';
import { FolderDocumentSource } from '../../../adapters/documents/folder/folder.document-source.js';
import { PdfkitDocumentRenderer } from '../../../adapters/documents/pdfkit/pdfkit.document-renderer.js';
import { createIntentModel, type IntentModelName } from '../../../adapters/llm/registry.js';
import { analyzeEmail } from '../../../core/pipeline/analyze.js';
import { InMemorySor } from '../../../core/pipeline/in-memory-sor.js';
import { loadTemplates } from '../../../templates/engine.js';
import { ArbotError } from '../../errors.js';
import { automationPolicyFrom, relaxedMatchingFrom } from '../../pipeline-settings.js';
import { ReplyComposer } from '../../services/reply-composer.js';
import type { CliContext, CommandModule } from '../context.js';
import { loadConfigFor } from '../load-config.js';

interface PreviewOptions {
  dataset: string;
}

/** `arbot reply preview <eml> --dataset <dir>`: the decision and the reply draft for one email file. */
export const replyCommand: CommandModule = {
  register(program, context) {
    const reply = program.command('reply').description('replies: preview the draft arbot writes for an email');
    reply
      .command('preview')
      .description('print the decision and the reply draft (subject, recipients, body, attachments) for an email file')
      .argument('<eml>', 'an RFC 5322 message file')
      .requiredOption('--dataset <dir>', 'SoR to answer from: a dataset folder with sor.json (and optional docs/<invoice>.pdf)')
      .addHelpText('after', '\nExample: arbot reply preview ../shared/datasets/dev/emails/001.eml --dataset ../shared/datasets/dev')
      .action((eml: string, options: PreviewOptions, command: Command) => preview(eml, options, command, context));
  },
};

async function preview(eml: string, options: PreviewOptions, command: Command, context: CliContext): Promise<void> {
  const config = loadConfigFor(command, context);
  const dir = resolve(context.cwd, options.dataset);
  const raw = await readFile(resolve(context.cwd, eml)).catch((err: unknown) => {
    throw new ArbotError('usage', `cannot read ${eml}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  });
  const snapshot = await loadSorJson(join(dir, 'sor.json')).catch((err: unknown) => {
    throw new ArbotError('usage', `cannot load ${join(dir, 'sor.json')}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  });
  const sor = new InMemorySor(snapshot);
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
    documents: { source: new FolderDocumentSource(join(dir, 'docs'), pino({ level: 'silent' })), renderer: new PdfkitDocumentRenderer() },
    company: snapshot.company,
    ccPolicy: 'known_contacts',
  });
  const reply = await composer.compose(analysis.parsed, { decision, language: analysis.normalized.language, match: analysis.match, entities: analysis.understanding.entities });
  out.push(
    '',
    decision.action === 'auto_reply' ? 'reply (would be sent automatically):' : 'draft (for the reviewer; not sent automatically):',
    `  From: ${snapshot.company.arMailbox}`,
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
