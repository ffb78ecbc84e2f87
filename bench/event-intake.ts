/**
 * Event intake: RATE (200) signed Events API `message` deliveries per second for DURATION (60) s into
 * one partnership channel, customer messages and (VENDOR_SHARE, 20%) vendor replies, of which
 * DUPLICATES (10%) are delivered a second time with the same event_id and `x-slack-retry-num: 1`: half
 * of those within 50 ms (racing the first delivery), half 1 to 3 s later (a retry after a slow ack).
 * Rapport (startRapport in HTTP mode, cron on) must handle every event exactly once, and its memory must
 * not grow beyond the data it stores. Checked afterwards in its store: one event marker per event id
 * (the dedupe claim that lets a delivery through), one tracked message per customer message; and in its
 * log: one "duplicate event delivery skipped" per second delivery. Memory (RSS and V8 heap) is read
 * inside the app's process before, right after, and once the work is done, SETTLE (30) s have passed and
 * a full GC ran; what the stored data alone costs is read in a new process started on the store the run
 * left, and the settled heap must not exceed it by more than 5 MB. The app's CPU use is sampled every
 * 10 s: at a constant rate it should stay flat.
 * Baseline, in the same run: a bare Bolt app that only acks, under the same deliveries.
 *
 * Processes: load generator (this one), app under test, fake Slack API, each its own (see ack-latency.ts).
 * Run: npm run bench:events   (RATE=200 DURATION=60 DUPLICATES=0.1 VENDOR_SHARE=0.2 SETTLE=30 BASELINE=1
 *                              CHANNELS=1 BENCH_MONGODB_URI= to change)
 */
import { loadavg } from 'node:os';
import { openStore, type StoreLocation } from '../src/store/open-store.js';
import type { MemorySample } from './support/app-child.js';
import { compileBench } from './support/compile.js';
import {
  fmtMb,
  fmtMs,
  Recorder,
  ratio,
  SignedPoster,
  seededRandom,
  sleep,
  summarize,
} from './support/load.js';
import { messageEventBody } from './support/slack-bodies.js';
import { readCollection, storeFileBytes } from './support/store-reader.js';
import {
  type AppProcess,
  acme,
  acmeChannel,
  acmePartnership,
  acmeWorld,
  benchStore,
  CHILD_SCRIPTS,
  CUSTOMER_TEAM,
  describeStore,
  type FakeProcess,
  removeStore,
  SIGNING_SECRET,
  startApp,
  startFake,
  VENDOR_TEAM,
} from './support/world.js';

const RATE = Number(process.env.RATE ?? 200);
const DURATION_S = Number(process.env.DURATION ?? 60);
const DUPLICATES = Number(process.env.DUPLICATES ?? 0.1);
const VENDOR_SHARE = Number(process.env.VENDOR_SHARE ?? 0.2);
// V8 hands memory back to the system only after some seconds of quiet (its memory reducer), not at a GC.
const SETTLE_S = Number(process.env.SETTLE ?? 30);
const WINDOW_S = 10;
const IDLE_S = 3;
/** Settled heap above a fresh process's on the same data still counted as flat: JIT code, bounded caches. */
const LEAK_TOLERANCE = 5 * 1_048_576;
/** The longest the bench waits for Rapport's listener work after the last ack (the app child's drain timeout). */
const DRAIN_LIMIT_MS = Number(process.env.BENCH_DRAIN_MS ?? 120_000);
const BASELINE = process.env.BASELINE !== '0';
/** Partnership channels the messages are spread over, round-robin (the target speaks of one). */
const CHANNELS = Number(process.env.CHANNELS ?? 1);

interface Delivery {
  /** ms after the start at which Slack sends it. */
  at: number;
  eventId: string;
  body: string;
  retry: boolean;
  customer: boolean;
}

interface Plan {
  deliveries: Delivery[];
  eventIds: string[];
  /** Tracked-message ids the customer messages must leave: `${channel}:${ts}`. */
  customerMessageIds: string[];
  duplicates: number;
}

function plan(fake: FakeProcess): Plan {
  const random = seededRandom(42);
  const firstSecond = Math.floor(Date.now() / 1000);
  const vendors = [acme.owner, acme.backup, ...acme.vendors];
  const deliveries: Delivery[] = [];
  const eventIds: string[] = [];
  const customerMessageIds: string[] = [];
  let duplicates = 0;
  const count = Math.round(RATE * DURATION_S);
  for (let i = 0; i < count; i++) {
    const customer = random() >= VENDOR_SHARE;
    const user = customer
      ? { id: acme.customers[i % acme.customers.length] as string, teamId: CUSTOMER_TEAM }
      : { id: vendors[i % vendors.length] as string, teamId: VENDOR_TEAM };
    const ts = `${firstSecond}.${String(i).padStart(6, '0')}`;
    const channelId = acmeChannel(i % CHANNELS);
    const eventId = `EvBENCH${String(i).padStart(7, '0')}`;
    const body = messageEventBody({
      eventId,
      vendorTeamId: VENDOR_TEAM,
      appId: fake.ready.appId,
      botUserId: fake.ready.botUserId,
      user,
      channelId,
      ts,
      text: customer
        ? `Hi team, the nightly export to CSV failed again for job ${i}; can someone look into it?`
        : `Thanks, we are on it (${i}).`,
    });
    const at = (i * 1000) / RATE;
    deliveries.push({ at, eventId, body, retry: false, customer });
    eventIds.push(eventId);
    if (customer) customerMessageIds.push(`${channelId}:${ts}`);
    if (random() < DUPLICATES) {
      duplicates += 1;
      const delay = random() < 0.5 ? random() * 50 : 1000 + random() * 2000;
      deliveries.push({ at: at + delay, eventId, body, retry: true, customer });
    }
  }
  deliveries.sort((a, b) => a.at - b.at);
  return { deliveries, eventIds, customerMessageIds, duplicates };
}

interface Run {
  first: Recorder;
  retries: Recorder;
  sendS: number;
  before: MemorySample;
  beforeGc: MemorySample;
  rightAfter: MemorySample;
  afterGc: MemorySample;
  drainMs: number;
  /** False when listener work was still in progress at DRAIN_LIMIT_MS. */
  drained: boolean;
  counters: { warn: number; error: number; duplicateSkipped: number };
  problems: string[];
  cpuS: number;
  /** The app's CPU use in each WINDOW_S of the delivery, as a share of one core. */
  windows: number[];
}

async function deliver(app: AppProcess, p: Plan): Promise<Run> {
  await sleep(IDLE_S * 1000);
  const before = await app.memory(false);
  const beforeGc = await app.memory(true);
  const poster = new SignedPoster(app.url, SIGNING_SECRET, 50);
  const first = new Recorder();
  const retries = new Recorder();
  const pending: Promise<void>[] = [];
  const cpu0 = app.cpuSeconds();
  const windows: number[] = [];
  let windowStart = cpu0;
  const sampler = setInterval(() => {
    const now = app.cpuSeconds();
    windows.push((now - windowStart) / WINDOW_S);
    windowStart = now;
  }, WINDOW_S * 1000);
  const began = performance.now();
  let next = 0;
  while (next < p.deliveries.length) {
    const now = performance.now() - began;
    for (let d = p.deliveries[next]; d !== undefined && d.at <= now; d = p.deliveries[next]) {
      const delivery = d;
      const headers = delivery.retry
        ? { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }
        : {};
      pending.push(
        poster
          .post(delivery.body, 'application/json', headers, began + delivery.at)
          .then((outcome) => (delivery.retry ? retries : first).add(outcome)),
      );
      next += 1;
    }
    const upcoming = p.deliveries[next];
    if (upcoming !== undefined)
      await sleep(Math.max(0, Math.min(5, upcoming.at - (performance.now() - began))));
  }
  clearInterval(sampler);
  await Promise.all(pending);
  const sendS = (performance.now() - began) / 1000;
  const rightAfter = await app.memory(false);
  const drainMs = await app.child.call<number>('settle');
  const cpuS = app.cpuSeconds() - cpu0;
  await sleep(SETTLE_S * 1000);
  const afterGc = await app.memory(true);
  const counters = await app.counters();
  const problems = app.problems(3);
  poster.close();
  const drained = drainMs < DRAIN_LIMIT_MS - 100;
  return {
    first,
    retries,
    sendS,
    before,
    beforeGc,
    rightAfter,
    afterGc,
    drainMs,
    drained,
    counters,
    problems,
    cpuS,
    windows,
  };
}

function latencyLine(label: string, r: Recorder): string {
  const s = summarize(r.ms);
  return (
    `  ${label.padEnd(28)} ${String(s.count).padStart(6)} acked, p50 ${fmtMs(s.p50)} ms, p99 ${fmtMs(s.p99)} ms, ` +
    `max ${fmtMs(s.max)} ms, errors ${r.errors}${r.errors > 0 ? ` (${r.describeErrors()})` : ''}`
  );
}

function memoryLines(label: string, run: Run): string[] {
  const m = (s: MemorySample) =>
    `RSS ${fmtMb(s.rss).padStart(6)} MB, heap used ${fmtMb(s.heapUsed).padStart(6)} MB ` +
    `(heap total ${fmtMb(s.heapTotal)} MB, external ${fmtMb(s.external)} MB)`;
  return [
    `  ${label}, idle before (after ${IDLE_S} s)`.padEnd(56) + m(run.before),
    `  ${label}, idle before, after a full GC`.padEnd(56) + m(run.beforeGc),
    `  ${label}, right after the last ack`.padEnd(56) + m(run.rightAfter),
    `  ${label}, ${run.drained ? 'work done' : 'work NOT done'} + ${SETTLE_S} s + full GC`.padEnd(56) +
      m(run.afterGc),
    `  ${label}, growth (settled vs before, both GC)`.padEnd(56) +
      `RSS ${signedMb(run.afterGc.rss - run.beforeGc.rss)} MB (${ratio(run.afterGc.rss, run.beforeGc.rss)}), ` +
      `heap used ${signedMb(run.afterGc.heapUsed - run.beforeGc.heapUsed)} MB (${ratio(run.afterGc.heapUsed, run.beforeGc.heapUsed)})`,
  ];
}

const signedMb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${fmtMb(bytes)}`;

interface StoreCheck {
  markers: number;
  missingMarkers: number;
  tracked: number;
  missingTracked: number;
  open: number;
  followUps: number;
  /** Bytes of the embedded store's files for those collections. */
  fileBytes: number;
}

async function checkStore(location: StoreLocation, p: Plan): Promise<StoreCheck> {
  const markers = (await readCollection(location, 'markers', ['_id'])).filter((d) =>
    d._id.startsWith('event:'),
  );
  const markerIds = new Set(markers.map((d) => d._id.slice('event:'.length)));
  const tracked = await readCollection(location, 'trackedMessages', ['_id', 'open']);
  const trackedIds = new Set(tracked.map((d) => d._id));
  const followUps = (await readCollection(location, 'followUps', ['_id'])).filter((d) =>
    d._id.startsWith('message:'),
  );
  return {
    markers: markers.length,
    missingMarkers: p.eventIds.filter((id) => !markerIds.has(id)).length,
    tracked: tracked.length,
    missingTracked: p.customerMessageIds.filter((id) => !trackedIds.has(id)).length,
    open: tracked.filter((d) => d.open === true).length,
    followUps: followUps.length,
    fileBytes: storeFileBytes(location),
  };
}

const compiled = compileBench(CHILD_SCRIPTS);
const store = benchStore();
let broken = false;
const fake = await startFake(compiled);
try {
  await fake.call('setUp', acmeWorld(CHANNELS));
  const seeded = await openStore(store);
  for (let i = 0; i < CHANNELS; i++) await seeded.partnerships.insert(acmePartnership(i));
  await seeded.close();
  const load0 = loadavg()[0] as number;

  let bareRun: Run | null = null;
  if (BASELINE) {
    const bare = await startApp(compiled, 'bare', fake, null);
    try {
      bareRun = await deliver(bare, plan(fake));
    } finally {
      await bare.stop();
    }
  }
  const p = plan(fake);
  const rapport = await startApp(compiled, 'rapport', fake, store);
  let run: Run | undefined;
  try {
    run = await deliver(rapport, p);
  } finally {
    // Work still in progress after the limit is not waited for again: killed, the store is read as left.
    await rapport.stop(run === undefined || run.drained ? 30_000 : 5_000);
  }
  // What the stored data alone costs: a fresh process on the store the run left, idle, after a full GC.
  const fresh = await startApp(compiled, 'rapport', fake, store);
  let reloaded: MemorySample;
  try {
    await sleep(IDLE_S * 1000);
    reloaded = await fresh.memory(true);
  } finally {
    await fresh.stop();
  }
  const check = await checkStore(store, p);
  const slack = await fake.tally();

  const unique = p.eventIds.length;
  const customers = p.customerMessageIds.length;
  console.log(
    `event intake: ${RATE} message events/s for ${DURATION_S} s into ${CHANNELS === 1 ? 'one partnership channel' : `${CHANNELS} partnership channels`}: ${unique} events ` +
      `(${customers} from customers, ${unique - customers} from the vendor), ${p.duplicates} of them delivered twice ` +
      `(${((p.duplicates / unique) * 100).toFixed(1)}%; half within 50 ms, half after 1-3 s, with x-slack-retry-num); ` +
      `${describeStore(store)}`,
  );
  console.log('processes: load generator, app under test, fake Slack API, each its own');
  console.log(`delivered in ${run.sendS.toFixed(1)} s; ack latency, from when each delivery was due:`);
  if (bareRun) {
    console.log(latencyLine('bare Bolt, first deliveries', bareRun.first));
    console.log(latencyLine('bare Bolt, second deliveries', bareRun.retries));
  }
  console.log(latencyLine('Rapport, first deliveries', run.first));
  console.log(latencyLine('Rapport, second deliveries', run.retries));
  if (bareRun) {
    const [r, b] = [summarize(run.first.ms), summarize(bareRun.first.ms)];
    console.log(
      `  ratio Rapport / bare Bolt, first deliveries: p50 ${ratio(r.p50, b.p50)}, p99 ${ratio(r.p99, b.p99)}`,
    );
  }
  console.log(
    `Rapport's work: ${run.cpuS.toFixed(1)} s of CPU (${((run.cpuS * 1000) / (unique + p.duplicates)).toFixed(2)} ms per delivery), ` +
      `${run.drained ? `done ${(run.drainMs / 1000).toFixed(1)} s after the last ack` : `NOT done ${(DRAIN_LIMIT_MS / 1000).toFixed(0)} s after the last ack (then killed)`}; Slack calls: ${
        Object.entries(slack.calls)
          .map(([method, c]) => `${method} ${c.ok + c.failed}`)
          .join(', ') || 'none'
      }`,
  );
  const shares = (windows: number[]) => windows.map((w) => `${(w * 100).toFixed(0)}%`).join(', ');
  console.log(
    `  CPU use of the app in each ${WINDOW_S} s of the delivery, at a constant rate (share of one core): ` +
      `Rapport ${shares(run.windows)}${bareRun ? `; bare Bolt ${shares(bareRun.windows)}` : ''}`,
  );

  const acked = run.first.ms.length + run.retries.ms.length;
  const handled = check.markers;
  const skipped = run.counters.duplicateSkipped;
  console.log('exactly once:');
  console.log(
    `  deliveries acked ${acked} of ${unique + p.duplicates}; let through (one event marker each) ${handled}, ` +
      `event ids without a marker ${check.missingMarkers}; skipped as duplicates ${skipped} ` +
      `(second deliveries acked: ${run.retries.ms.length})`,
  );
  console.log(
    `  customer messages tracked ${check.tracked} of ${customers} (missing ${check.missingTracked}), still open ` +
      `${check.open}, their follow-ups ${check.followUps}; Rapport log: ${run.counters.warn} warnings, ${run.counters.error} errors`,
  );
  for (const line of run.problems) console.log(`    ${line.slice(0, 300)}`);
  const exactlyOnce =
    run.drained &&
    handled === unique &&
    check.missingMarkers === 0 &&
    handled + skipped === acked &&
    check.tracked === customers &&
    check.missingTracked === 0 &&
    run.counters.error === 0;
  console.log(
    `  target, every event handled exactly once: ${exactlyOnce ? 'met' : 'NOT met'}` +
      (run.drained ? '' : ' (work still in progress when the bench stopped waiting)'),
  );

  console.log('memory of the app process (read inside it):');
  if (bareRun) for (const line of memoryLines('bare Bolt', bareRun)) console.log(line);
  for (const line of memoryLines('Rapport', run)) console.log(line);
  console.log(
    `  Rapport, new process on the store left, ${IDLE_S} s + full GC`.padEnd(56) +
      `RSS ${fmtMb(reloaded.rss).padStart(6)} MB, heap used ${fmtMb(reloaded.heapUsed).padStart(6)} MB ` +
      `(heap total ${fmtMb(reloaded.heapTotal)} MB, external ${fmtMb(reloaded.external)} MB)`,
  );
  const data = reloaded.heapUsed - run.beforeGc.heapUsed;
  const left = run.afterGc.heapUsed - reloaded.heapUsed;
  console.log(
    `  of the settled heap's growth, the stored data accounts for ${signedMb(data)} MB` +
      (check.fileBytes > 0
        ? ` (stored: ${handled} event markers, ${check.tracked} tracked messages, ${check.followUps} ` +
          `follow-ups; ${fmtMb(check.fileBytes)} MB in the embedded store's database file)`
        : '') +
      `, the rest ${signedMb(left)} MB`,
  );
  const flat = left <= LEAK_TOLERANCE;
  console.log(
    `  target, no growth in memory after the run beyond the stored data: ${flat ? 'met' : 'NOT met'} ` +
      `(settled heap ${signedMb(left)} MB from a fresh process's on the same store; tolerance ${fmtMb(LEAK_TOLERANCE)} MB ` +
      `for compiled code and caches)`,
  );
  console.log(
    `machine load average ${load0.toFixed(2)} at the start, ${(loadavg()[0] as number).toFixed(2)} at the end (2 cores; other work included)`,
  );
  if (acked === 0 || run.first.statuses.has(401)) broken = true;
} catch (error) {
  broken = true;
  console.error(error);
} finally {
  await fake.stop();
  await removeStore(store).catch(() => {});
  compiled.remove();
}
if (broken) process.exitCode = 1;
