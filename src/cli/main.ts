/** The `rapport` command-line tool (see ./run-cli.ts); started by ./rapport.js. */
import { loadEnvFile } from '../config.js';
import { runCli } from './run-cli.js';

loadEnvFile();
process.exitCode = await runCli(process.argv.slice(2), process.env, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: (text) => process.stderr.write(text),
});
