import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { stringify as toYaml } from 'yaml';
import { configTable, replaceConfigTable } from '../../config/docs.js';
import { redactConfig } from '../../config/redact.js';
import { ArbotError } from '../../errors.js';
import type { CommandModule } from '../context.js';
import { loadConfigFor } from '../load-config.js';

/** `arbot config show|check|docs`: inspect, validate and document the configuration. */
export const configCommand: CommandModule = {
  register(program, context) {
    const config = program.command('config').description('inspect, validate and document the configuration');

    config
      .command('show')
      .description('print the effective configuration, secrets redacted')
      .option('--json', 'print JSON instead of YAML')
      .action((options: { json?: boolean }, command: Command) => {
        const shown = redactConfig(loadConfigFor(command, context));
        context.stdout.write(options.json ? `${JSON.stringify(shown, null, 2)}\n` : toYaml(shown));
      });

    config
      .command('check')
      .description('validate the configuration; exit code 2 when it is invalid')
      .action((_options: unknown, command: Command) => {
        loadConfigFor(command, context);
        context.stdout.write('configuration OK\n');
      });

    config
      .command('docs')
      .description('print the configuration reference as a markdown table')
      .option('--write <file>', 'replace the table between the config-table markers in <file> instead')
      .action((options: { write?: string }) => {
        if (options.write === undefined) {
          context.stdout.write(`${configTable()}\n`);
          return;
        }
        writeDocs(resolve(context.cwd, options.write), options.write);
        context.stdout.write(`updated the configuration table in ${options.write}\n`);
      });
  },
};

function writeDocs(path: string, shownName: string): void {
  let document: string;
  try {
    document = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ArbotError('usage', `cannot read ${shownName}: ${(err as Error).message}`, { cause: err });
  }
  writeFileSync(path, replaceConfigTable(document, configTable(), shownName));
}
