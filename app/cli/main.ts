// Entry point of the `arbot` command (bin/arbot.js): the only place that reads the real
// process (argv, env, cwd, signals) and hands it to the CLI.
import { startApp } from '../start.js';
import { runCli } from './program.js';

const exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  signals: process,
  exit: (code) => process.exit(code),
  startApp,
});
// Exit explicitly: after `start` stops, a library may still hold a timer or socket open.
process.exit(exitCode);
