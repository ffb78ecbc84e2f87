/**
 * The app under test, in a process of its own (forked by the bench with --expose-gc):
 *   rapport   the real startRapport in HTTP mode, on the store in BENCH_STORE, against BENCH_API_URL
 *   bare      the baseline: a Bolt app that only acks /rapport, every action, and message events; with
 *             BARE_REPLY (a message as JSON) it also sends that private reply through each request's
 *             response URL after its ack, as Rapport does: the floor for the same I/O
 * Its logs go to its stdout (the bench points that at a file). It answers the bench's calls over IPC:
 * memory (optionally after a full GC), settle (waits for listener work after the acks), runJob, counters.
 */
import type { RespondFn } from '@slack/bolt';
import type { Config, LogLevelName } from '../../src/config.js';
import type { AppLogger } from '../../src/logger.js';
import { announceReady, serveIpc } from './ipc.js';

export interface AppReady {
  port: number;
}

export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/** What the app logged, counted in the process: warnings, errors, and duplicate deliveries it skipped. */
export interface LogCounters {
  warn: number;
  error: number;
  duplicateSkipped: number;
}

const DUPLICATE_SKIPPED = 'duplicate event delivery skipped'; // src/slack/event-dedupe.ts, at debug level

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};
const mode = process.argv[2];
const counters: LogCounters = { warn: 0, error: 0, duplicateSkipped: 0 };

/** The app's own logger at LOG_LEVEL, counting on the way; the debug-level duplicate notice is counted too. */
function counting(logger: AppLogger): AppLogger {
  const count = (level: string) => {
    if (level === 'warn' || level === 'error') counters[level] += 1;
  };
  return {
    ...logger,
    warn: (...args: unknown[]) => {
      count('warn');
      logger.warn(...args);
    },
    error: (...args: unknown[]) => {
      count('error');
      logger.error(...args);
    },
    event(level, message, fields) {
      count(level);
      if (message === DUPLICATE_SKIPPED) counters.duplicateSkipped += 1;
      logger.event(level, message, fields);
    },
    child: (fields) => counting(logger.child(fields)),
  };
}

function memory(gc: boolean): MemorySample {
  if (gc) {
    // Two passes: the first may only schedule finalizers whose memory the second frees.
    globalThis.gc?.();
    globalThis.gc?.();
  }
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  return { rss, heapUsed, heapTotal, external };
}

const common = {
  memory: (arg?: { gc?: boolean }) => memory(arg?.gc === true),
  counters: () => ({ ...counters }),
};

const heapProfile = await (async () => {
  if (!process.env.BENCH_HEAP_PROF) return null;
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as never);
  return async () => {
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: unknown };
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      `${process.env.BENCH_HEAP_PROF}/${mode}-${process.pid}.heapprofile`,
      JSON.stringify(profile),
    );
  };
})();

// Each mode loads only its own modules, so that the bare app's memory holds nothing of Rapport's.
if (mode === 'rapport') {
  const { createLogger } = await import('../../src/logger.js');
  const { startRapport } = await import('../../src/rapport.js');
  // Limits off: the bench measures throughput, and its few simulated people would reach them.
  const { NO_PERSON_LIMITS } = await import('../../src/limit-settings.js');
  const { DEFAULT_JOB_SETTINGS } = await import('../../src/config.js');
  const config: Config = {
    slack: {
      botToken: env('BENCH_TOKEN'),
      distribution: null,
      signingSecret: env('BENCH_SIGNING_SECRET'),
      appToken: null,
      socketMode: false,
      apiUrl: env('BENCH_API_URL'),
    },
    port: 0,
    store: JSON.parse(env('BENCH_STORE')),
    logLevel: (process.env.LOG_LEVEL ?? 'info') as LogLevelName,
    digestGraceMs: Number(process.env.BENCH_DIGEST_GRACE_MS ?? 6 * 3_600_000),
    jobs: DEFAULT_JOB_SETTINGS,
    limits: NO_PERSON_LIMITS,
  };
  // BENCH_CLOCK_OFFSET_MS moves the app's clock (not Slack's request timestamps): a bench whose data ends
  // at a chosen moment starts the app there.
  const offsetMs = Number(process.env.BENCH_CLOCK_OFFSET_MS ?? 0);
  const rapport = await startRapport(config, {
    logger: counting(createLogger(config.logLevel)),
    ...(offsetMs === 0 ? {} : { clock: { now: () => new Date(Date.now() + offsetMs) } }),
    // Cron stays on, as in production, unless a bench wants jobs only when it runs them.
    schedules: process.env.BENCH_SCHEDULES !== '0',
    // How long `settle` (and stop) wait for listener work still in progress.
    drainTimeoutMs: Number(process.env.BENCH_DRAIN_MS ?? 120_000),
  });
  serveIpc({
    ...common,
    async settle() {
      const began = performance.now();
      await rapport.settled();
      return performance.now() - began;
    },
    runJob: (name: string) => rapport.runJob(name),
    async stop() {
      await heapProfile?.();
      await rapport.stop();
      setImmediate(() => process.exit(0));
    },
  });
  announceReady({ port: rapport.port } satisfies AppReady);
} else if (mode === 'bare') {
  const { default: bolt } = await import('@slack/bolt');
  const app = new bolt.App({
    token: env('BENCH_TOKEN'),
    signingSecret: env('BENCH_SIGNING_SECRET'),
    clientOptions: { slackApiUrl: env('BENCH_API_URL') },
  });
  const reply = process.env.BARE_REPLY ? JSON.parse(process.env.BARE_REPLY) : null;
  const answer = async ({ ack, respond }: { ack: () => Promise<void>; respond?: RespondFn }) => {
    await ack();
    if (reply !== null) await respond?.(reply);
  };
  app.command('/rapport', answer);
  app.action(/.*/, answer);
  app.event('message', async () => {});
  app.event('app_home_opened', async () => {});
  // BARE_EXTRA_LISTENERS=n adds n listeners that never match (two thirds actions, a third views): Bolt
  // runs every request through every listener's matchers, so this shows what Rapport's count costs.
  for (let i = 0; i < Number(process.env.BARE_EXTRA_LISTENERS ?? 0); i++) {
    if (i % 3 === 2) app.view(`bench.unused.${i}`, async ({ ack }) => ack());
    else app.action(`bench.unused.${i}`, async ({ ack }) => ack());
  }
  // The same token check at start as Rapport's.
  await app.client.auth.test();
  const server = (await app.start(0)) as { address(): { port: number } };
  serveIpc({
    ...common,
    settle: () => 0,
    async stop() {
      await heapProfile?.();
      await app.stop();
      setImmediate(() => process.exit(0));
    },
  });
  announceReady({ port: server.address().port } satisfies AppReady);
} else {
  throw new Error(`usage: app-child.js rapport|bare (got ${mode})`);
}
