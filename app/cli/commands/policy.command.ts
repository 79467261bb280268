// `arbot policy show|set distribution|sla`: the managers' runtime policies as JSON files,
// validated before they are stored and audited with before/after.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { getPolicy, setPolicy, type PolicyName } from '../../../bot/admin/policies.js';
import { ArbotError } from '../../errors.js';
import type { CommandModule } from '../context.js';
import { operator, orFail, withAdminDeps } from './people.command.js';

const NAMES: readonly PolicyName[] = ['distribution', 'sla'];

function policyName(value: string): PolicyName {
  const name = NAMES.find((n) => n === value);
  if (name === undefined) throw new ArbotError('usage', `policy: expected one of ${NAMES.join(', ')}, not ${JSON.stringify(value)}`);
  return name;
}

export const policyCommand: CommandModule = {
  register(program, context) {
    const policy = program.command('policy').description('runtime policies: task distribution rules and SLA targets');
    policy
      .command('show <name>')
      .description('print the stored policy as JSON (distribution or sla); "default" when none is stored')
      .action((name: string, _o: unknown, command: Command) =>
        withAdminDeps(command, context, async (deps) => {
          const value = orFail(await getPolicy(deps, operator(), policyName(name)));
          context.stdout.write(value === null ? 'default\n' : `${JSON.stringify(value, null, 2)}\n`);
        }),
      );
    policy
      .command('set <name> <file>')
      .description('validate and store a policy from a JSON file')
      .action(async (name: string, file: string, _o: unknown, command: Command) => {
        const which = policyName(name);
        let value: unknown;
        try {
          value = JSON.parse(await readFile(resolve(context.cwd, file), 'utf8'));
        } catch (err) {
          throw new ArbotError('usage', `cannot read ${file} as JSON: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
        await withAdminDeps(command, context, async (deps) => {
          orFail(await setPolicy(deps, operator(), which, value));
          context.stdout.write(`Stored the ${which} policy.\n`);
        });
      });
  },
};
