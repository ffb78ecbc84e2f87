/**
 * Starts Rapport in a child process (test/support/rapport-child.ts) against a fake Slack in the test
 * process and a store both can reach, on a clock the test moves; the test can then kill it mid-work.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { FakeSlack } from '../../src/playground/slack-simulator/index.js';
import type { StoreLocation } from '../../src/store/open-store.js';
import { SIGNING_SECRET } from './rapport-harness.js';

export interface RapportProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Its log lines (JSON, from stderr). */
  readonly logs: string[];
  /** Runs a scheduled job at the clock's time; resolves when it has finished. */
  runJob(name: string): Promise<void>;
  /** Sends a job on its way without waiting for it (to kill the process while it works). */
  startJob(name: string): void;
  setClock(at: string | Date): Promise<void>;
  settled(): Promise<void>;
  /** SIGKILL: no shutdown, no store closed, no lock removed; resolves once the process is gone. */
  kill(): Promise<void>;
  /** A clean stop (stdin closed): resolves with the exit code. */
  stop(): Promise<number | null>;
}

const running = new Set<ChildProcess>();

/**
 * Sends `job` on its way in `p` when one is named, waits until Slack holds a call of `p`, and kills `p`
 * there; resolves once every call it had held is dropped, never answered.
 */
export async function killWhileHeld(fake: FakeSlack, p: RapportProcess, job?: string): Promise<void> {
  if (job) p.startJob(job);
  await fake.waitForHeld(1, 10_000);
  await p.kill();
  await fake.waitForNoneHeld();
}

/** Kills every process started here that is still running (for afterEach). */
export function killAllRapportProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

export async function startRapportProcess(opts: {
  fake: FakeSlack;
  store: StoreLocation;
  clock: string | Date;
  /** More settings (a tracker's), as in the environment. */
  env?: Record<string, string>;
}): Promise<RapportProcess> {
  const store =
    'mongodbUri' in opts.store ? { MONGODB_URI: opts.store.mongodbUri } : { DATA_DIR: opts.store.dataDir };
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/rapport-child.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: opts.fake.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'debug',
      RAPPORT_TEST_CLOCK: new Date(opts.clock).toISOString(),
      ...store,
      ...opts.env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  const logs: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => logs.push(line));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );

  const replies = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  let ready: (port: number) => void = () => {};
  const started = new Promise<number>((resolve, reject) => {
    ready = resolve;
    exited.then((code) =>
      reject(new Error(`rapport child exited (${code}) before it was ready:\n${logs.join('\n')}`)),
    );
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const [first, status, ...rest] = line.split(' ');
    if (first === 'ready') return ready(Number(status));
    const reply = replies.get(first ?? '');
    replies.delete(first ?? '');
    if (status === 'ok') reply?.resolve();
    else reply?.reject(new Error(`rapport child: ${rest.join(' ')}`));
  });
  void exited.then(() => {
    for (const reply of replies.values()) reply.reject(new Error('rapport child exited'));
    replies.clear();
  });

  let next = 0;
  const send = (command: string) => {
    const id = String(++next);
    const done = new Promise<void>((resolve, reject) => replies.set(id, { resolve, reject }));
    child.stdin?.write(`${id} ${command}\n`);
    return done;
  };
  const port = await started;
  return {
    child,
    port,
    logs,
    runJob: (name) => send(`run ${name}`),
    startJob: (name) => void send(`run ${name}`).catch(() => {}),
    setClock: (at) => send(`clock ${new Date(at).toISOString()}`),
    settled: () => send('settle'),
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.stdin?.end();
      return exited;
    },
  };
}
