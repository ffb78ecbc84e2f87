/**
 * Start-up time and memory at idle of Rapport (built, embedded store and MongoDB-less) against a bare
 * Bolt app measured in the same run on the same machine. Run: npm run bench:startup
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { FakeSlack } from '../src/playground/slack-simulator/index.js';
import { median } from './support/load.js';

const RUNS = Number(process.env.RUNS ?? 7);
const IDLE_MS = 3_000;

interface Sample {
  startMs: number;
  idleRssMb: number;
}

async function measure(script: string, fake: FakeSlack): Promise<Sample> {
  const began = performance.now();
  const child = spawn(process.execPath, [script], {
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench-signing-secret-0123',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'rapport-bench-')),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Both print a JSON line "Rapport is running" with the port once they listen; ready = /healthz answers.
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  let port = 0;
  for await (const line of lines) {
    if (line.includes('"Rapport is running"')) {
      port = JSON.parse(line).port;
      break;
    }
  }
  if (port === 0) throw new Error(`${script} exited with ${child.exitCode} before listening`);
  const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status);
  const startMs = performance.now() - began;
  if (healthy !== 200) throw new Error(`${script}: /healthz answered ${healthy}`);
  lines.on('line', () => {}); // keep draining stdout
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
  child.kill('SIGTERM');
  await once(child, 'exit');
  return { startMs, idleRssMb: rss / 1024 };
}

const fake = await FakeSlack.start();
try {
  const results: Record<string, Sample[]> = { 'bare Bolt': [], Rapport: [] };
  for (let i = 0; i < RUNS; i++) {
    // Interleaved so that machine noise hits both alike.
    results['bare Bolt']?.push(await measure('bench/bare-bolt-app.mjs', fake));
    results.Rapport?.push(await measure('dist/main.js', fake));
  }
  const bare = results['bare Bolt'] as Sample[];
  const rapport = results.Rapport as Sample[];
  console.log(
    `start-up to /healthz 200 and idle RSS after ${IDLE_MS / 1000} s, median of ${RUNS} runs each:`,
  );
  for (const [name, samples] of Object.entries(results)) {
    console.log(
      `  ${name.padEnd(10)} start ${median(samples.map((s) => s.startMs)).toFixed(0)} ms   idle RSS ${median(samples.map((s) => s.idleRssMb)).toFixed(1)} MB`,
    );
  }
  const ratio = (f: (s: Sample) => number) => (median(rapport.map(f)) / median(bare.map(f))).toFixed(2);
  console.log(
    `  ratio Rapport / bare Bolt: start ${ratio((s) => s.startMs)}x, idle RSS ${ratio((s) => s.idleRssMb)}x`,
  );
} finally {
  await fake.stop();
}
