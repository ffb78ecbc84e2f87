/**
 * Rapport in a process of its own, for tests that kill it (see rapport-process.ts). Settings come from
 * the environment, as for src/main.ts; what is for tests only lives here, not in src/:
 *   RAPPORT_TEST_CLOCK   ISO time the app's clock starts at; the clock moves only when told to
 * Cron schedules are off: jobs run when the parent says so. Protocol, one line each way:
 *   stdout  `ready <port>` once started; then `<id> ok` or `<id> error <message>` per command
 *   stdin   `<id> run <job>` | `<id> clock <iso>` | `<id> settle`
 * Logs are JSON lines on stderr. Closing stdin stops the app cleanly.
 */
import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startRapport } from '../../src/rapport.js';
import { TestClock } from './test-clock.js';

const loaded = loadConfig(process.env);
if (!loaded.ok) throw new Error(`bad settings: ${loaded.problems.join('; ')}`);
const clock = new TestClock(process.env.RAPPORT_TEST_CLOCK ?? new Date());
const rapport = await startRapport(loaded.config, {
  clock,
  logger: createLogger(loaded.config.logLevel, (line) => process.stderr.write(`${line}\n`)),
  schedules: false,
  slackRetries: 0,
  // Waits (a 429's Retry-After while posting digests) pass on the test clock.
  sleep: async (ms) => clock.advance(ms / 60_000),
});
process.stdout.write(`ready ${rapport.port}\n`);

const commands: Record<string, (arg: string) => Promise<void>> = {
  run: (job) => rapport.runJob(job),
  clock: async (at) => clock.set(at),
  settle: () => rapport.settled(),
};
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [id, name = '', arg = ''] = line.split(' ');
  const command = commands[name];
  (command ? command(arg) : Promise.reject(new Error(`unknown command ${name}`))).then(
    () => process.stdout.write(`${id} ok\n`),
    (error: unknown) => process.stdout.write(`${id} error ${String(error).replace(/\n/g, ' ')}\n`),
  );
});
lines.on('close', () => {
  rapport.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
