/**
 * One minute's tick across many workspaces: WORKSPACES installed workspaces (distribution) of PARTNERSHIPS
 * partnerships each, on the embedded store, against the fake Slack API over HTTP in a process of its own.
 * At the tick each workspace has DUE_ASKS overdue asks (one reminder to its owner), one expired approval
 * (its card and its notice, through the effects runner) and one digest slot (customer and internal):
 * with the defaults 10,000 partnerships, 1,000 due items and 200 digests. The minute's jobs (reminders,
 * approvals, digests, effects) start together as cron starts them, and the tick ends when all are done,
 * effects included. Before it, the tick of the minute before is measured too: the first after a start,
 * which opens every workspace's collections (their tables checked) and finds the overdue asks outside their owners' hours (08:59 in
 * Berlin), so it puts their reminders off to 09:00. It all runs once per JOB_CONCURRENCY value, each on a
 * copy of the same seeded store: 1 (one workspace after another, the baseline) first.
 *
 * The fake answers on the same machine in a millisecond; Slack's round trips take longer (about 100 ms
 * from Europe or the US East coast), so the runs go again with each answer held SLACK_LATENCY_MS.
 * Run: npm run bench:tick   (WORKSPACES=200 PARTNERSHIPS=50 DUE_ASKS=4 CONCURRENCIES=1,8,32
 *                            SLACK_LATENCIES=0,100 to change)
 */
import { cpSync, rmSync } from 'node:fs';
import type { Installation } from '@slack/bolt';
import { DEFAULT_JOB_SETTINGS } from '../src/config.js';
import { NO_PERSON_LIMITS } from '../src/limit-settings.js';
import { createLogger } from '../src/logger.js';
import { type RunningRapport, startRapport } from '../src/rapport.js';
import { createTokenCipher } from '../src/security/token-cipher.js';
import { rapportInstallationStore } from '../src/slack/oauth/installation-store.js';
import { openStore } from '../src/store/open-store.js';
import { DISTRIBUTION } from '../test/support/rapport-harness.js';
import { tempDataDir } from '../test/support/stores.js';
import {
  type DueCounts,
  fakeSlackWorld,
  seedWorkspace,
  TICK_AT,
  type WorkspaceWorld,
  workspaceWorld,
} from '../test/support/workspace-world.js';
import { compileBench } from './support/compile.js';
import { cpuSecondsOf } from './support/ipc.js';
import { CHILD_SCRIPTS, type FakeProcess, startFake } from './support/world.js';

const WORKSPACES = Number(process.env.WORKSPACES ?? 200);
const PARTNERSHIPS = Number(process.env.PARTNERSHIPS ?? 50);
const DUE_ASKS = Number(process.env.DUE_ASKS ?? 4);
const CONCURRENCIES = (process.env.CONCURRENCIES ?? `1,${DEFAULT_JOB_SETTINGS.concurrency},32`)
  .split(',')
  .map(Number);
const LATENCIES = (process.env.SLACK_LATENCIES ?? '0,100').split(',').map(Number);
const MINUTE_JOBS = ['reminders', 'approvals', 'digests', 'effects'];
const counts: DueCounts = { partnerships: PARTNERSHIPS, dueAsks: DUE_ASKS, dueApprovals: 1, dueDigests: 1 };
/** Posts one tick owes: per workspace one reminder, an approval's card and notice, two digests. */
const POSTS = WORKSPACES * 5;

/** Seeds every workspace (its installation, then its data) in a fresh data folder, and closes it. */
async function seed(worlds: WorkspaceWorld[]): Promise<string> {
  const dataDir = tempDataDir();
  const store = await openStore({ dataDir });
  const installations = rapportInstallationStore(
    store.installations,
    createTokenCipher(DISTRIBUTION.tokenKeys),
    { now: () => TICK_AT },
  );
  for (const w of worlds) {
    await installations.storeInstallation({
      team: { id: w.teamId, name: w.teamId },
      enterprise: undefined,
      user: { id: w.owner, token: undefined, scopes: undefined },
      bot: { id: `B${w.teamId}`, userId: `UBOT${w.teamId}`, token: `xoxb-bench-${w.teamId}`, scopes: [] },
      isEnterpriseInstall: false,
      tokenType: 'bot',
    } satisfies Installation);
    await seedWorkspace(await store.workspace(`T${w.teamId}`), w, counts);
  }
  await store.close();
  return dataDir;
}

interface Tick {
  ms: number;
  /** Each job's own time, from the tick's start to its end (effects drained). */
  jobMs: Record<string, number>;
  /** CPU seconds spent during the tick by Rapport (this process) and by the fake Slack. */
  cpu: { rapport: number; fake: number };
  posted: number;
  failedCalls: number;
  problems: string[];
}

/** The minute's jobs started together, as cron starts them; done when all are, effects included. */
async function measureTick(rapport: RunningRapport, fake: FakeProcess, problems: string[]): Promise<Tick> {
  problems.length = 0;
  await fake.call('resetTally');
  const cpuBefore = { rapport: process.cpuUsage(), fake: cpuSecondsOf(fake.pid) };
  const began = performance.now();
  const jobMs: Record<string, number> = {};
  await Promise.all(
    MINUTE_JOBS.map(async (job) => {
      await rapport.runJob(job);
      jobMs[job] = performance.now() - began;
    }),
  );
  const ms = performance.now() - began;
  const used = process.cpuUsage(cpuBefore.rapport);
  const cpu = { rapport: (used.user + used.system) / 1e6, fake: cpuSecondsOf(fake.pid) - cpuBefore.fake };
  const { calls, violationSamples } = await fake.tally();
  const failedCalls = Object.values(calls).reduce((sum, c) => sum + c.failed, 0);
  const posted = calls['chat.postMessage']?.ok ?? 0;
  return { ms, jobMs, cpu, posted, failedCalls, problems: [...violationSamples, ...problems] };
}

/**
 * Rapport on a copy of the seeded store: the tick of the minute before (the first after a start, which
 * opens every workspace's collections; its reminders wait for 09:00 in Berlin), then the tick at TICK_AT.
 */
async function ticks(seeded: string, fake: FakeProcess, concurrency: number) {
  const dataDir = tempDataDir();
  cpSync(seeded, dataDir, { recursive: true });
  const problems: string[] = [];
  // Each tick's time moves on with the wall clock from the tick's start, as in production: a wait the
  // jobs make (the digests' pacing after a failed post, say) ends; on a frozen clock it never would.
  let tickAt = TICK_AT.getTime() - 60_000;
  let tickBegan = performance.now();
  const startTick = (at: number) => {
    tickAt = at;
    tickBegan = performance.now();
  };
  const rapport = await startRapport(
    {
      slack: {
        botToken: null,
        distribution: DISTRIBUTION,
        signingSecret: 'bench-signing-secret-0123456789',
        appToken: null,
        socketMode: false,
        apiUrl: fake.ready.apiUrl,
      },
      port: 0,
      store: { dataDir },
      logLevel: 'warn',
      digestGraceMs: 6 * 3_600_000,
      jobs: { ...DEFAULT_JOB_SETTINGS, concurrency },
      limits: NO_PERSON_LIMITS,
    },
    {
      clock: { now: () => new Date(tickAt + performance.now() - tickBegan) },
      schedules: false,
      slackRetries: 0,
      logger: createLogger('warn', (line) => problems.push(line)),
    },
  );
  try {
    startTick(TICK_AT.getTime() - 60_000);
    const first = await measureTick(rapport, fake, problems);
    startTick(TICK_AT.getTime());
    const minute = await measureTick(rapport, fake, problems);
    return { first, minute };
  } finally {
    await rapport.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function describe(tick: Tick, baselineMs: number): string {
  const jobs = MINUTE_JOBS.map((job) => `${job} ${seconds(tick.jobMs[job] ?? 0)}`).join(', ');
  return (
    `09:00 tick ${seconds(tick.ms)} (${(baselineMs / tick.ms).toFixed(2)}x one at a time; ` +
    `${tick.ms < 60_000 ? 'within' : 'PAST'} its minute) [${jobs}]; CPU: Rapport ${tick.cpu.rapport.toFixed(1)} s, ` +
    `fake Slack ${tick.cpu.fake.toFixed(1)} s; ${tick.posted}/${POSTS} posts, ` +
    `${tick.failedCalls} failed calls, ${tick.problems.length} problems`
  );
}

const worlds = Array.from({ length: WORKSPACES }, (_, w) => workspaceWorld(w, PARTNERSHIPS));
const compiled = compileBench(CHILD_SCRIPTS);
const seedBegan = performance.now();
const seeded = await seed(worlds);
console.log(
  `${WORKSPACES} workspaces x ${PARTNERSHIPS} partnerships (${WORKSPACES * PARTNERSHIPS}), ` +
    `${WORKSPACES * (DUE_ASKS + 1)} due items (${DUE_ASKS} overdue asks and 1 expired approval each), ` +
    `${WORKSPACES} digests due; embedded store seeded in ${seconds(performance.now() - seedBegan)}`,
);
try {
  for (const latency of LATENCIES) {
    const fake = await startFake(compiled, { BENCH_SLACK_LATENCY_MS: String(latency) });
    try {
      await fake.call('setUp', fakeSlackWorld(worlds));
      let baseline: { first: number; minute: number } | null = null;
      for (const concurrency of CONCURRENCIES) {
        const { first, minute } = await ticks(seeded, fake, concurrency);
        baseline ??= { first: first.ms, minute: minute.ms };
        const setting = `Slack answering in ${String(latency).padStart(3)} ms, JOB_CONCURRENCY=${String(concurrency).padEnd(2)}`;
        console.log(
          `${setting}: first tick after start ${seconds(first.ms)} (${(baseline.first / first.ms).toFixed(2)}x ` +
            `one at a time); ${describe(minute, baseline.minute)}`,
        );
        for (const line of [...first.problems, ...minute.problems].slice(0, 3))
          console.log(`  ${line.slice(0, 300)}`);
      }
    } finally {
      await fake.stop();
    }
  }
} finally {
  rmSync(seeded, { recursive: true, force: true });
  compiled.remove();
}
