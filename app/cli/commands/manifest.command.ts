// `arbot teams package` and `arbot slack manifest`: the Teams app package and the Slack app
// manifest for this installation, built from configuration and validated before anything is
// written. The `teams` group itself belongs to people.command.ts, which calls
// addTeamsPackageCommand.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { APP_NAME } from '../../../manifest/brand.js';
import { buildSlackManifest, formatSlackManifest, SLACK_MANIFEST_FORMATS, validateSlackManifest, type SlackManifestFormat } from '../../../manifest/slack/slack-manifest.js';
import { packageTeamsApp } from '../../../manifest/teams/package-teams-app.js';
import { buildTeamsManifest } from '../../../manifest/teams/teams-manifest.js';
import { validateTeamsManifest } from '../../../manifest/teams/validate-teams-manifest.js';
import type { ArbotConfig } from '../../config/schema.js';
import { ArbotError } from '../../errors.js';
import { version as arbotVersion } from '../../version.js';
import type { CliContext, CommandModule } from '../context.js';
import { loadConfigFor } from '../load-config.js';

const PUBLIC_URL = 'ARBOT_PUBLIC_URL (server.publicUrl)';
const APP_ID = 'MICROSOFT_APP_ID (teams.appId)';

/** `arbot slack manifest`; `arbot teams package` is added to the teams group by addTeamsPackageCommand. */
export const manifestCommand: CommandModule = {
  register(program, context) {
    const slack = program.commands.find((c) => c.name() === 'slack') ?? program.command('slack').description('the Slack app');
    slack
      .command('manifest')
      .description('print the Slack app manifest for ARBOT_PUBLIC_URL: scopes, the /ar command, events and interactivity')
      .addOption(new Option('--format <format>', 'output format').choices(SLACK_MANIFEST_FORMATS).default('yaml'))
      .option('--out <file>', 'write to <file> instead of stdout')
      .addHelpText('after', '\nPaste it at https://api.slack.com/apps → Create New App → From a manifest, then install the app to your workspace.')
      .action((options: { format: SlackManifestFormat; out?: string }, command: Command) => slackManifest(options, command, context));
  },
};

/** Adds `package` to the `teams` command group. */
export function addTeamsPackageCommand(teams: Command, context: CliContext): void {
  teams
    .command('package')
    .description('build the Teams app package (manifest.json, color.png, outline.png) for MICROSOFT_APP_ID and ARBOT_PUBLIC_URL, validated against the official schema')
    .option('--out <file>', 'where to write the zip', 'arbot-teams.zip')
    .option('--app-version <x.y.z>', 'version of the Teams app; raise it for every re-upload', arbotVersion)
    .addHelpText('after', '\nUpload the zip in Teams (Apps → Manage your apps → Upload an app) or in Teams admin center.')
    .action((options: { out: string; appVersion: string }, command: Command) => teamsPackage(options, command, context));
}

async function teamsPackage(options: { out: string; appVersion: string }, command: Command, context: CliContext): Promise<void> {
  const config = loadConfigFor(command, context);
  const botId = config.teams.appId;
  const publicUrl = config.server.publicUrl;
  const missing = [
    botId === undefined ? `${APP_ID} is not set: the Microsoft Entra application id of the bot` : undefined,
    publicUrl === undefined ? `${PUBLIC_URL} is not set: the public https address Teams reaches arbot at` : undefined,
  ].filter((line) => line !== undefined);
  if (botId === undefined || publicUrl === undefined) throw new ArbotError('config_invalid', missing.map((line) => `teams package: ${line}`).join('\n'));

  const manifest = buildTeamsManifest({
    botId,
    ...(config.teams.manifestAppId === undefined ? {} : { manifestId: config.teams.manifestAppId }),
    publicUrl,
    companyName: config.company.name,
    version: options.appVersion,
  });
  const problems = await validateTeamsManifest(manifest);
  if (problems.length > 0) throw invalidManifest('teams package', problems, (path) => teamsSettingFor(path, config));

  const zip = await packageTeamsApp(manifest);
  await writeOut(resolve(context.cwd, options.out), options.out, zip);
  context.stdout.write(`Wrote ${options.out}: Teams app ${manifest.id} version ${manifest.version}, manifest schema ${manifest.manifestVersion}.\n`);
}

async function slackManifest(options: { format: SlackManifestFormat; out?: string }, command: Command, context: CliContext): Promise<void> {
  const config = loadConfigFor(command, context);
  const publicUrl = config.server.publicUrl;
  if (publicUrl === undefined) throw new ArbotError('config_invalid', `slack manifest: ${PUBLIC_URL} is not set: the public https address Slack calls arbot at`);
  const manifest = buildSlackManifest({ publicUrl, appName: APP_NAME });
  const problems = validateSlackManifest(manifest);
  // Every URL in the manifest comes from the public URL, so that is what a URL problem points at.
  if (problems.length > 0) throw invalidManifest('slack manifest', problems, (path) => (/url/i.test(path) ? 'ARBOT_PUBLIC_URL' : undefined));
  const text = formatSlackManifest(manifest, options.format);
  if (options.out === undefined) {
    context.stdout.write(text);
    return;
  }
  await writeOut(resolve(context.cwd, options.out), options.out, text);
  context.stderr.write(`Wrote the Slack app manifest to ${options.out}.\n`);
}

/** One line per problem, each naming the setting behind it where one is. */
function invalidManifest(what: string, problems: readonly string[], settingFor: (path: string) => string | undefined): ArbotError {
  const lines = problems.map((problem) => {
    const setting = settingFor(problem.split(/[\s:]/, 1)[0] ?? '');
    return `${what}: ${problem}${setting === undefined ? '' : ` (check ${setting})`}`;
  });
  return new ArbotError('config_invalid', [`${what}: the manifest is not valid, nothing was written:`, ...lines].join('\n'));
}

/** The setting (or option) a Teams manifest path comes from. */
function teamsSettingFor(path: string, config: ArbotConfig): string | undefined {
  if (path === '/id') return config.teams.manifestAppId === undefined ? 'MICROSOFT_APP_ID' : 'ARBOT_TEAMS_MANIFEST_ID';
  if (path.startsWith('/bots/') || path.startsWith('/webApplicationInfo/')) return 'MICROSOFT_APP_ID';
  if (/^\/(staticTabs|configurableTabs|validDomains|developer\/\w+Url)/.test(path)) return 'ARBOT_PUBLIC_URL';
  if (path === '/version') return '--app-version';
  if (path === '/developer/name' || path.startsWith('/name/')) return 'ARBOT_COMPANY_NAME';
  return undefined;
}

async function writeOut(path: string, shownName: string, content: string | Buffer): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (err) {
    throw new ArbotError('usage', `cannot write ${shownName}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
