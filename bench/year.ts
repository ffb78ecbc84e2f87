/**
 * A year of data on the embedded store (SQLite): PARTNERSHIPS (200) partnerships over DAYS (365) days,
 * generated through the app's repositories and domain code (bench/support/year/), against the same
 * measurements on a small data set (SMALL_PARTNERSHIPS (20) partnerships over SMALL_DAYS (30) days) in
 * the same run. For each, the real app (compiled startRapport in HTTP mode, cron off) in a process of
 * its own, against the fake Slack API in another, its clock set to the data's last moment:
 *   start-up   fork to listening, and the CPU seconds the app used until then, medians of STARTS (3)
 *   idle RSS   resident memory IDLE (3) s after the start, then RSS and the V8 heap after a full GC
 *   requests   after WARMUP (40) unmeasured ones, REQUESTS (600) signed requests at RATE (20) per second,
 *              half `/rapport list` by the owner in a partnership channel, half Home tabs opened by the
 *              account managers in turn (each owns 10 partnerships); the ack is the
 *              HTTP answer, the answer is the reply through the response URL or the published Home tab
 *              arriving at the fake Slack, both counted from when the request was due (p50, p99); and the
 *              app's CPU per request, which a busy machine disturbs less than the latencies
 *   jobs       one run of each scheduled job, the reminder sweep first
 * Targets: start-up < 3 s, idle RSS < 300 MB, p99 of the answers < 100 ms.
 * Each data set first goes through the daily retention job, timed: its first run on a year an earlier
 * version kept. Run: npm run bench:year   (PARTNERSHIPS DAYS SMALL_PARTNERSHIPS SMALL_DAYS STARTS IDLE
 * WARMUP REQUESTS RATE to change)
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runPurgeClosedMessages } from '../src/jobs/purge-closed-messages.js';
import { createLogger } from '../src/logger.js';
import { DATABASE_FILE } from '../src/store/embedded/embedded-database.js';
import { openStore } from '../src/store/open-store.js';
import { tempDataDir } from '../test/support/stores.js';
import { compileBench } from './support/compile.js';
import { fmtMb, fmtMs, ratio, type Summary, sleep } from './support/load.js';
import { CHILD_SCRIPTS, type FakeProcess, startApp, startFake } from './support/world.js';
import { generateYear, YEAR_DEFAULTS, type YearCounts } from './support/year/generate-year.js';
import { yearWorld } from './support/year/people.js';
import { type Served, serveRequests } from './support/year/serve-requests.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const STARTS = env('STARTS', 3);
const IDLE_S = env('IDLE', 3);
const REQUESTS = env('REQUESTS', 600);
const RATE = env('RATE', 20);
const WARMUP = env('WARMUP', 40);
const TARGET = { startMs: 3_000, rssMb: 300, p99Ms: 100 };
const JOBS = [
  'reminders',
  'approvals',
  'effects',
  'digests',
  'purge-closed-messages',
  'purge-expired-markers',
];

interface DataSet {
  label: string;
  partnerships: number;
  days: number;
}

interface Figures {
  counts: YearCounts;
  seedS: number;
  /** The embedded store's database file once seeded and purged. */
  fileBytes: number;
  /** The retention job's first run on the generated folder: follow-ups of messages answered long ago. */
  purge: { followUps: number; s: number };
  startMs: number;
  startCpuS: number;
  rss: number;
  rssAfterGc: number;
  heapUsed: number;
  served: Served;
  /** The app's CPU while serving (its work after the acks included), per request. */
  cpuMsPerRequest: number;
  jobsMs: Record<string, number>;
  /** Private messages the jobs posted (the sweep's reminders, one per person). */
  dms: number;
  swept: { claimed: number; reminders: number };
}

/** What the app's reminder sweeps logged: follow-ups claimed, reminders sent. */
function sweepReports(logFile: string): { claimed: number; reminders: number } {
  const lines = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"reminder sweep"'));
  const reports = lines.map((l) => JSON.parse(l) as { claimed: number; reminders: number });
  return {
    claimed: reports.reduce((n, r) => n + r.claimed, 0),
    reminders: reports.reduce((n, r) => n + r.reminders, 0),
  };
}

/** The last working-day morning before now (09:00 UTC, 10:00 in Berlin): the data's last moment. */
function lastWorkingMorning(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9));
  while (at >= now || at.getUTCDay() === 0 || at.getUTCDay() === 6) at.setUTCDate(at.getUTCDate() - 1);
  return at;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function measure(set: DataSet, fake: FakeProcess, end: Date): Promise<Figures> {
  const location = { dataDir: tempDataDir() };
  try {
    const seedBegan = performance.now();
    const store = await openStore(location);
    const counts = await generateYear(store, { ...YEAR_DEFAULTS, ...set, end });
    const seedS = (performance.now() - seedBegan) / 1000;
    // The daily retention job, as the app runs it: on a folder an earlier version kept for a year, this
    // first run deletes the follow-ups of every message answered over 30 days before.
    const purgeBegan = performance.now();
    const { followUps } = await runPurgeClosedMessages({ ...store, logger: createLogger('error') }, end);
    const purge = { followUps, s: (performance.now() - purgeBegan) / 1000 };
    await store.close();
    const fileBytes = statSync(join(location.dataDir, DATABASE_FILE)).size;
    const starts: number[] = [];
    // CPU seconds too: on a busy machine the wall time says as much about the neighbours as about the app.
    const startCpu: number[] = [];
    for (let run = 1; ; run++) {
      const clock = { BENCH_SCHEDULES: '0', BENCH_CLOCK_OFFSET_MS: String(end.getTime() - Date.now()) };
      const began = performance.now();
      const app = await startApp(compiled, 'rapport', fake, location, clock);
      starts.push(performance.now() - began);
      startCpu.push(app.cpuSeconds());
      if (run < STARTS) {
        await app.stop();
        continue;
      }
      try {
        await sleep(IDLE_S * 1000);
        const idle = await app.memory(false);
        const { heapUsed, rss: rssAfterGc } = await app.memory(true);
        // Unmeasured first: the first requests of a process load code and fill caches.
        await serveRequests(app, fake, set.partnerships, { requests: WARMUP, rate: RATE });
        const cpuBefore = app.cpuSeconds();
        const served = await serveRequests(app, fake, set.partnerships, { requests: REQUESTS, rate: RATE });
        const cpuMsPerRequest = ((app.cpuSeconds() - cpuBefore) * 1000) / REQUESTS;
        await fake.call('resetTally');
        const jobsMs: Record<string, number> = {};
        for (const job of JOBS) {
          const jobBegan = performance.now();
          await app.child.call('runJob', job);
          jobsMs[job] = performance.now() - jobBegan;
        }
        const dms = (await fake.tally()).calls['chat.postMessage']?.ok ?? 0;
        const swept = sweepReports(app.logFile);
        return {
          counts,
          seedS,
          fileBytes,
          purge,
          startMs: median(starts),
          startCpuS: median(startCpu),
          rss: idle.rss,
          rssAfterGc,
          heapUsed,
          served,
          cpuMsPerRequest,
          jobsMs,
          dms,
          swept,
        };
      } finally {
        await app.stop();
      }
    }
  } finally {
    rmSync(location.dataDir, { recursive: true, force: true });
  }
}

const describe = (set: DataSet, c: YearCounts) =>
  `${set.label}: ${set.partnerships} partnerships over ${set.days} days: ${c.asks.toLocaleString('en')} asks ` +
  `(${c.openAsks} open), ${c.messages.toLocaleString('en')} customer messages watched ` +
  `(${c.trackedMessages.toLocaleString('en')} still stored), ${c.followUps.toLocaleString('en')} follow-ups, ` +
  `${c.digests.toLocaleString('en')} digests, ${c.approvals.toLocaleString('en')} approvals ` +
  `(${c.pendingApprovals} pending), ${c.stakeholders.toLocaleString('en')} stakeholders, ` +
  `${c.feedback.toLocaleString('en')} ratings asked, ${c.markers.toLocaleString('en')} markers`;

const within = (value: number, limit: number) => (value < limit ? 'met' : 'NOT met');

function report(sets: [DataSet, Figures][]): void {
  const cell = (f: (x: Figures) => string) => sets.map(([, x]) => f(x).padStart(14)).join('');
  const row = (name: string, f: (x: Figures) => string, target = '') =>
    console.log(`  ${name.padEnd(30)}${cell(f)}   ${target}`);
  console.log(`  ${''.padEnd(30)}${sets.map(([s]) => s.label.padStart(14)).join('')}   ratio / target`);
  const [[, small], [, year]] = sets as [[DataSet, Figures], [DataSet, Figures]];
  const p99 = (s: Summary) => s.p99;
  row(
    'start-up ms (median)',
    (x) => x.startMs.toFixed(0),
    `${ratio(year.startMs, small.startMs)}; < ${TARGET.startMs} ms: ${within(year.startMs, TARGET.startMs)}`,
  );
  row(
    'idle RSS MB',
    (x) => fmtMb(x.rss),
    `${ratio(year.rss, small.rss)}; < ${TARGET.rssMb} MB: ${within(year.rss / 1_048_576, TARGET.rssMb)}`,
  );
  row('start-up CPU s (median)', (x) => x.startCpuS.toFixed(2), ratio(year.startCpuS, small.startCpuS));
  row('idle RSS after GC MB', (x) => fmtMb(x.rssAfterGc), ratio(year.rssAfterGc, small.rssAfterGc));
  row('heap after GC MB', (x) => fmtMb(x.heapUsed), ratio(year.heapUsed, small.heapUsed));
  for (const kind of ['list', 'home'] as const) {
    const name = kind === 'list' ? '/rapport list' : 'Home tab';
    row(
      `${name} ack p50 / p99 ms`,
      (x) => `${fmtMs(x.served[kind].ack.p50)} / ${fmtMs(x.served[kind].ack.p99)}`,
      ratio(p99(year.served[kind].ack), p99(small.served[kind].ack)),
    );
    row(
      `${name} answer p50 / p99 ms`,
      (x) => `${fmtMs(x.served[kind].answer.p50)} / ${fmtMs(x.served[kind].answer.p99)}`,
      `${ratio(p99(year.served[kind].answer), p99(small.served[kind].answer))}; p99 < ${TARGET.p99Ms} ms: ${within(year.served[kind].answer.p99, TARGET.p99Ms)}`,
    );
  }
  row('requests failed or unanswered', (x) => String(x.served.failed));
  row(
    'app CPU ms per request',
    (x) => x.cpuMsPerRequest.toFixed(1),
    ratio(year.cpuMsPerRequest, small.cpuMsPerRequest),
  );
  for (const job of JOBS)
    row(
      `job ${job} ms`,
      (x) => (x.jobsMs[job] ?? 0).toFixed(0),
      ratio(year.jobsMs[job] ?? 0, small.jobsMs[job] ?? 1),
    );
  row('sweep: claimed / reminded / DMs', (x) => `${x.swept.claimed} / ${x.swept.reminders} / ${x.dms}`);
  row('database file MB', (x) => fmtMb(x.fileBytes), ratio(year.fileBytes, small.fileBytes));
  row('seeding s (not measured)', (x) => x.seedS.toFixed(0));
  row('retention: follow-ups purged', (x) => x.purge.followUps.toLocaleString('en'));
  row('retention: first run s', (x) => x.purge.s.toFixed(1));
}

const compiled = compileBench(CHILD_SCRIPTS);
const fake = await startFake(compiled);
let broken = false;
try {
  const end = lastWorkingMorning(new Date());
  const sets: DataSet[] = [
    { label: 'small', partnerships: env('SMALL_PARTNERSHIPS', 20), days: env('SMALL_DAYS', 30) },
    {
      label: 'a year',
      partnerships: env('PARTNERSHIPS', YEAR_DEFAULTS.partnerships),
      days: env('DAYS', YEAR_DEFAULTS.days),
    },
  ];
  await fake.call('setUp', yearWorld(Math.max(...sets.map((s) => s.partnerships))));
  console.log(`embedded store (SQLite); the data ends, and the app's clock starts, at ${end.toISOString()}`);
  console.log(
    `load average at the start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const results: [DataSet, Figures][] = [];
  for (const set of sets) {
    const figures = await measure(set, fake, end);
    console.log(describe(set, figures.counts));
    results.push([set, figures]);
    if (figures.served.failed > 0) broken = true;
  }
  console.log(`requests: ${REQUESTS} per data set at ${RATE}/s, counted from when each was due`);
  report(results);
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} catch (error) {
  broken = true;
  console.error(error);
} finally {
  await fake.stop();
  compiled.remove();
}
if (broken) process.exitCode = 1;
