/**
 * The playground's start-up (built, from `node dist/main.js` with no Slack setting, until it prints its
 * address with the seeded state in place) against Rapport's own start-up with Slack settings (until
 * /healthz answers), measured in the same run; then how soon the page is interactive in headless
 * Chromium (navigation to the first seeded card shown). Run: npm run bench:playground
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { FakeSlack } from '../src/playground/slack-simulator/index.js';
import { launchChromium } from '../test/support/chromium.js';
import { median } from './support/load.js';

const RUNS = Number(process.env.RUNS ?? 5);
const PLAYGROUND_LINE = /^Rapport playground \(no Slack settings given\): (\S+)$/;

/** Starts dist/main.js with `env`; resolves when `ready` finds its URL in a line, the process still running. */
async function start(env: Record<string, string>, ready: (line: string) => string | null) {
  const began = performance.now();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'rapport-bench-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const url = ready(line);
    if (url === null) continue;
    if ((await fetch(`${url}/healthz`)).status !== 200) throw new Error('/healthz did not answer 200');
    const ms = performance.now() - began;
    lines.on('line', () => {});
    const stop = async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    };
    return { ms, url, stop };
  }
  throw new Error(`dist/main.js exited with ${child.exitCode} before it was ready`);
}

const fake = await FakeSlack.start();
const browser = await launchChromium();
const rapport: number[] = [];
const playground: number[] = [];
const interactive: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    // Interleaved so that machine noise hits both alike.
    const slack = await start(
      {
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: 'bench-signing-secret-0123',
        SLACK_API_URL: fake.apiUrl,
      },
      (line) => (line.includes('"Rapport is running"') ? `http://127.0.0.1:${JSON.parse(line).port}` : null),
    );
    rapport.push(slack.ms);
    await slack.stop();
    const played = await start({}, (line) => PLAYGROUND_LINE.exec(line)?.[1] ?? null);
    playground.push(played.ms);
    const page = await browser.context.newPage();
    const began = performance.now();
    await page.goto(played.url);
    await page
      .getByRole('navigation', { name: 'Channels' })
      .getByRole('button', { name: '# northwind-acme' })
      .click();
    await page.getByText('Nightly order sync fails since Tuesday').first().waitFor();
    interactive.push(performance.now() - began);
    await page.close();
    await played.stop();
  }
  console.log(`median of ${RUNS} runs each:`);
  console.log(`  Rapport with Slack settings, to /healthz 200     ${median(rapport).toFixed(0)} ms`);
  console.log(`  playground, to its address printed, seeded       ${median(playground).toFixed(0)} ms`);
  console.log(
    `  ratio playground / Rapport                        ${(median(playground) / median(rapport)).toFixed(2)}x`,
  );
  console.log(`  page: navigation to the first seeded card shown  ${median(interactive).toFixed(0)} ms`);
} finally {
  await browser.close();
  await fake.stop();
}
