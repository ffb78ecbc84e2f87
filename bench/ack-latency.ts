/**
 * Acknowledgement latency and CPU of Rapport against two bare Bolt apps, in the same run, on the same
 * machine, against the same fake Slack API: one that only acks, and one that acks and then sends the same
 * private reply Rapport sends through the response URL (the floor for the same I/O, which the targets are
 * measured against). CONCURRENCY (50) workers send signed `/rapport list` commands and "See open asks"
 * clicks on the welcome message; latency is the HTTP response time of each request (Bolt answers when the
 * listener acks). Rapport is the real startRapport in HTTP mode (cron on, one partnership with 30 asks).
 *
 * Two load shapes (LOADS), each for DURATION (30) s per app:
 *   closed   each worker sends its next request as soon as the last is answered: as fast as the app goes
 *   <n>      the workers send n requests/s between them; latency counts from when a request was due,
 *            so a slow answer is not hidden by the next request waiting for it (no coordinated omission)
 * The DURATION is cut in ROUNDS (3) slices that go round the three apps, each after a 1 s unmeasured
 * warm-up, so that other work on the machine hits them alike. Before the first, each app is driven JIT_WARMUP (5) s
 * unmeasured: a first round after 1 s still measured V8 compiling Rapport's code (1.7 ms of CPU per request
 * against 1.1 ms in the later rounds; the baseline's 1.15 against 0.8).
 *
 * Processes: this one only generates load; the app under test and the fake Slack API each run in a
 * process of their own (compiled JavaScript, no TypeScript loader), so neither the generator nor the
 * fake shares the app's event loop. All apps stay up for the whole run; one is loaded at a time.
 * Run: npm run bench:ack   (DURATION=30 ROUNDS=3 JIT_WARMUP=5 LOADS=closed,200,400 CONCURRENCY=50 BENCH_MONGODB_URI= to change;
 * BENCH_CPU_PROF=<dir> writes each app's V8 CPU profile there)
 */
import { loadavg } from 'node:os';
import { buildAskList, LIST_PAGE_SIZE } from '../src/slack/asks/ask-list.js';
import { buildWelcomeMessage } from '../src/slack/setup/welcome-message.js';
import { openStore } from '../src/store/open-store.js';
import { compileBench } from './support/compile.js';
import { cpuSecondsOf } from './support/ipc.js';
import {
  fmtMs,
  median,
  Recorder,
  ratio,
  SignedPoster,
  type Summary,
  sleep,
  summarize,
} from './support/load.js';
import { buttonClickBody, commandBody } from './support/slack-bodies.js';
import {
  type AppProcess,
  acme,
  acmePartnership,
  acmeWorld,
  asksOf,
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

const DURATION_S = Number(process.env.DURATION ?? 30);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const WARMUP_S = Number(process.env.WARMUP ?? 1);
/** Before anything is measured, each app is driven this long, so V8 has compiled its hot code. */
const JIT_WARMUP_S = Number(process.env.JIT_WARMUP ?? 5);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50);
const LOADS = (process.env.LOADS ?? 'closed,200,400')
  .split(',')
  .map((l) => (l === 'closed' ? null : Number(l)));
const ASKS = 30;
const FORM = 'application/x-www-form-urlencoded';
const URL_BATCH = 20_000;

type BodyOf = (responseUrl: string, triggerId: string) => string;

/** An app under test and whether it uses the response URLs it is given (so they must be topped up). */
interface Contender {
  label: string;
  app: AppProcess;
  refill: boolean;
}

interface Result {
  summary: Summary;
  cpuMs: number;
}

/** What one app got under one load shape, over all its rounds. */
interface Tally {
  commands: Recorder;
  clicks: Recorder;
  /** Requests answered 200, warm-ups included (each owes a reply through its response URL). */
  answered: number;
  seconds: number;
  cpu: { generator: number; app: number; fake: number };
  /** The app's CPU per measured request in each round, in ms: how much the machine moved it. */
  roundCpuMs: number[];
  /** Each round's p99 latency: one stall of the machine lands in one app's round, not in all of them. */
  roundP99: number[];
}

const newTally = (): Tally => ({
  commands: new Recorder(),
  clicks: new Recorder(),
  answered: 0,
  seconds: 0,
  cpu: { generator: 0, app: 0, fake: 0 },
  roundCpuMs: [],
  roundP99: [],
});

/**
 * Response URLs (5 uses each) handed out in order. Those of an app that replies are topped up from the
 * fake before they run out, so each is used once; the ack-only app never calls them, so its requests
 * reuse one batch in turn.
 */
class ResponseUrls {
  private urls: string[] = [];
  private next = 0;
  private fetching: Promise<void> | null = null;
  constructor(
    private readonly fake: FakeProcess,
    private readonly refill: boolean,
  ) {}
  async fill(count: number) {
    const more = await this.fake.call<string[]>('responseUrls', {
      count,
      channelId: acme.channelId,
      userId: acme.owner,
    });
    this.urls = this.urls.slice(this.next).concat(more);
    this.next = 0;
  }
  take(): string {
    if (this.refill && this.fetching === null && this.urls.length - this.next < URL_BATCH / 2) {
      this.fetching = this.fill(URL_BATCH).finally(() => {
        this.fetching = null;
      });
    }
    const url = this.urls[this.next % this.urls.length] as string;
    this.next += 1;
    return url;
  }
}

function requestMix(fake: FakeProcess): { commands: BodyOf[]; clicks: BodyOf[] } {
  const { appId, botUserId } = fake.ready;
  const welcome = buildWelcomeMessage(acmePartnership());
  const message = { ts: '1700000000.000100', text: welcome.text, blocks: welcome.blocks };
  const vendors = [acme.owner, acme.backup, ...acme.vendors].map((id) => ({ id, teamId: VENDOR_TEAM }));
  const customers = acme.customers.map((id) => ({ id, teamId: CUSTOMER_TEAM }));
  return {
    commands: vendors.map((user) => commandBody({ user, channelId: acme.channelId, text: 'list', appId })),
    clicks: [...vendors, ...customers].map((user) =>
      buttonClickBody({
        user,
        vendorTeamId: VENDOR_TEAM,
        channelId: acme.channelId,
        appId,
        botUserId,
        message,
        actionId: 'welcome.see_open_asks',
      }),
    ),
  };
}

let triggers = 0;

/** One slice: WARMUP_S unmeasured, then `seconds` measured, at `rate` requests/s (null: closed loop). */
async function drive(
  app: AppProcess,
  urls: ResponseUrls,
  mix: { commands: BodyOf[]; clicks: BodyOf[] },
  rate: number | null,
  seconds: number,
  into: Tally,
): Promise<void> {
  const poster = new SignedPoster(app.url, SIGNING_SECRET, CONCURRENCY);
  const [commandsBefore, clicksBefore] = [into.commands.ms.length, into.clicks.ms.length];
  const cpuNow = () => {
    const own = process.cpuUsage();
    return { generator: (own.user + own.system) / 1e6, app: app.cpuSeconds(), fake: cpuSecondsOf(fake.pid) };
  };
  const began = performance.now();
  const measureFrom = began + WARMUP_S * 1000;
  const until = measureFrom + seconds * 1000;
  let cpuAtStart = cpuNow();
  const cpuTimer = setTimeout(() => {
    cpuAtStart = cpuNow();
  }, WARMUP_S * 1000);
  const interval = rate === null ? 0 : (CONCURRENCY * 1000) / rate;

  async function worker(w: number): Promise<void> {
    let due = began + (interval * w) / CONCURRENCY;
    for (let k = w; ; k += CONCURRENCY) {
      if (rate !== null) {
        if (due >= until) return;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
      }
      const startedAt = rate === null ? performance.now() : due;
      due += interval;
      if (startedAt >= until) return;
      const isCommand = k % 2 === 0;
      const pool = isCommand ? mix.commands : mix.clicks;
      triggers += 1;
      const body = (pool[Math.floor(k / 2) % pool.length] as BodyOf)(
        urls.take(),
        `${Date.now()}.${triggers}.b`,
      );
      const outcome = await poster.post(body, FORM, {}, startedAt);
      if (outcome.status === 200) into.answered += 1;
      if (startedAt >= measureFrom) (isCommand ? into.commands : into.clicks).add(outcome);
    }
  }

  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  clearTimeout(cpuTimer);
  const cpuAtEnd = cpuNow();
  into.seconds += (performance.now() - measureFrom) / 1000;
  into.cpu.generator += cpuAtEnd.generator - cpuAtStart.generator;
  into.cpu.app += cpuAtEnd.app - cpuAtStart.app;
  into.cpu.fake += cpuAtEnd.fake - cpuAtStart.fake;
  const roundMs = [...into.commands.ms.slice(commandsBefore), ...into.clicks.ms.slice(clicksBefore)];
  into.roundCpuMs.push(((cpuAtEnd.app - cpuAtStart.app) * 1000) / roundMs.length);
  into.roundP99.push(summarize(roundMs).p99);
  poster.close();
}

function both(t: Tally): Recorder {
  const all = new Recorder();
  for (const r of [t.commands, t.clicks]) {
    all.ms.push(...r.ms);
    all.errors += r.errors;
    for (const [status, n] of r.statuses) all.statuses.set(status, (all.statuses.get(status) ?? 0) + n);
  }
  return all;
}

function row(name: string, recorder: Recorder, seconds: number): string {
  const s = summarize(recorder.ms);
  return (
    `  ${name.padEnd(28)} ${String(s.count).padStart(7)} ${(s.count / seconds).toFixed(0).padStart(6)}` +
    ` ${fmtMs(s.p50).padStart(7)} ${fmtMs(s.p95).padStart(7)} ${fmtMs(s.p99).padStart(7)} ${fmtMs(s.max).padStart(7)}` +
    ` ${String(recorder.errors).padStart(6)}${recorder.errors > 0 ? `  (${recorder.describeErrors()})` : ''}`
  );
}

const cores = (cpuSeconds: number, seconds: number) => `${((cpuSeconds / seconds) * 100).toFixed(0)}%`;

const compiled = compileBench(CHILD_SCRIPTS);
const store = benchStore();
let broken = false;
const fake = await startFake(compiled);
const apps: AppProcess[] = [];
try {
  await fake.call('setUp', acmeWorld());
  const seeded = await openStore(store);
  const partnership = acmePartnership();
  const asks = asksOf(partnership, ASKS, acme.customers);
  await seeded.partnerships.insert(partnership);
  for (const ask of asks) await seeded.asks.insert(ask);
  await seeded.close();

  // The same private reply Rapport sends: the first page of the open asks, as `/rapport list` shows it.
  const reply = {
    response_type: 'ephemeral',
    replace_original: false,
    ...buildAskList(
      'open',
      asks.slice(0, LIST_PAGE_SIZE).map((a) => ({ ...a, title: a.content.title })),
      asks.length,
      0,
    ),
  };
  const contenders: Contender[] = [
    { label: 'bare Bolt, ack only', app: await startApp(compiled, 'bare', fake, null), refill: false },
    {
      label: 'bare Bolt + reply',
      app: await startApp(compiled, 'bare', fake, null, { BARE_REPLY: JSON.stringify(reply) }),
      refill: true,
    },
    { label: 'Rapport', app: await startApp(compiled, 'rapport', fake, store), refill: true },
  ];
  apps.push(...contenders.map((c) => c.app));
  // The seeded asks owe their cards: Rapport posts them at start, before anything is measured.
  await (contenders[2] as Contender).app.child.call('runJob', 'effects');
  const urls = new Map(contenders.map((c) => [c, new ResponseUrls(fake, c.refill)]));
  for (const [c, u] of urls) await u.fill(c.refill ? 3 * URL_BATCH : URL_BATCH);
  const mix = requestMix(fake);
  const load0 = loadavg()[0] as number;

  console.log(
    `ack latency: ${CONCURRENCY} concurrent workers; ${DURATION_S} s measured per app and load, in ${ROUNDS} ` +
      `rounds alternating between the apps, each after a ${WARMUP_S} s warm-up`,
  );
  console.log(
    `mix: half \`/rapport list\` (${2 + acme.vendors.length} vendor people), half "See open asks" clicks on the ` +
      `welcome message (${2 + acme.vendors.length} vendor, ${acme.customers.length} customer people); one ` +
      `partnership with ${ASKS} asks; ${describeStore(store)}`,
  );
  console.log(
    'baselines: a bare Bolt app that only acks, and one that acks and then sends the same private reply ' +
      `(${JSON.stringify(reply).length} bytes) through the response URL, as Rapport does (the floor for the same I/O)`,
  );
  console.log('processes: load generator, app under test, fake Slack API, each its own');
  console.log(
    `each app is first driven ${JIT_WARMUP_S} s as fast as it goes, unmeasured, so that V8 has optimised its code`,
  );
  for (const c of contenders)
    await drive(c.app, urls.get(c) as ResponseUrls, mix, null, JIT_WARMUP_S, newTally());
  await (contenders[2] as Contender).app.child.call<number>('settle');
  await sleep(500); // the fake counts what it answered every 250 ms: the warm-up's replies are not counted below

  for (const rate of LOADS) {
    const tallies = new Map(contenders.map((c) => [c, newTally()]));
    await fake.call('resetTally');
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of contenders)
        await drive(
          c.app,
          urls.get(c) as ResponseUrls,
          mix,
          rate,
          DURATION_S / ROUNDS,
          tallies.get(c) as Tally,
        );
    }
    const rapport = contenders[2] as Contender;
    const drainMs = await rapport.app.child.call<number>('settle');
    await sleep(500); // the fake counts what it answered every 250 ms
    const slack = await fake.tally();

    console.log('');
    console.log(
      rate === null
        ? 'closed loop: each worker sends its next request as soon as the last is answered'
        : `open loop: ${rate} requests/s between the workers, latency counted from when each request was due`,
    );
    console.log(
      `  ${''.padEnd(28)} ${'count'.padStart(7)} ${'req/s'.padStart(6)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'errors'.padStart(6)}`,
    );
    const results = new Map<Contender, { summary: Summary; cpuMs: number }>();
    for (const c of contenders) {
      const t = tallies.get(c) as Tally;
      console.log(row(`${c.label}, commands`, t.commands, t.seconds));
      console.log(row(`${c.label}, clicks`, t.clicks, t.seconds));
      const all = both(t);
      console.log(row(`${c.label}, all`, all, t.seconds));
      if (all.ms.length === 0 || all.statuses.has(401)) broken = true;
      results.set(c, { summary: summarize(all.ms), cpuMs: (t.cpu.app * 1000) / all.ms.length });
    }
    const [ackOnly, sameIo, ours] = contenders.map((c) => results.get(c)) as [Result, Result, Result];
    for (const [name, base] of [
      ['bare Bolt + reply (same I/O)', sameIo],
      ['bare Bolt, ack only', ackOnly],
    ] as const) {
      const b = base.summary;
      const r = ours.summary;
      console.log(
        `  ratio Rapport / ${name}: p50 ${ratio(r.p50, b.p50)}, p95 ${ratio(r.p95, b.p95)}, p99 ${ratio(r.p99, b.p99)}, ` +
          `max ${ratio(r.max, b.max)}; requests answered ${ratio(r.count, b.count)}; CPU per request ` +
          `${ratio(ours.cpuMs, base.cpuMs)}`,
      );
    }
    if (rate !== null) {
      const [base, rapport] = [contenders[1], contenders[2]].map(
        (c) => (tallies.get(c as Contender) as Tally).roundP99,
      ) as [number[], number[]];
      const ratios = rapport.map((p99, i) => p99 / (base[i] as number));
      console.log(
        `  p99 by round, ms: bare Bolt + reply ${base.map(fmtMs).join(', ')}; Rapport ${rapport.map(fmtMs).join(', ')}; ` +
          `Rapport / same I/O by round ${ratios.map((r) => `${r.toFixed(2)}x`).join(', ')} (median ${median(ratios).toFixed(2)}x)`,
      );
    }
    const targets =
      rate === null
        ? [
            ['closed-loop throughput >= 0.6x', ours.summary.count >= 0.6 * sameIo.summary.count],
            ['CPU per request <= 1.5x', ours.cpuMs <= 1.5 * sameIo.cpuMs],
          ]
        : [
            ['p99 <= 1.5x', ours.summary.p99 <= 1.5 * sameIo.summary.p99],
            ['CPU per request <= 1.5x', ours.cpuMs <= 1.5 * sameIo.cpuMs],
          ];
    console.log(
      `  targets against the same-I/O baseline: ${targets.map(([t, met]) => `${t} ${met ? 'met' : 'NOT met'}`).join('; ')}` +
        `; far inside Slack's 3 s (p99 under 1 s): ${ours.summary.p99 < 1000 ? 'met' : 'NOT met'} (max ${fmtMs(ours.summary.max)} ms)`,
    );
    for (const c of contenders) {
      const t = tallies.get(c) as Tally;
      console.log(
        `  CPU while measuring ${c.label} (share of one core): app ${cores(t.cpu.app, t.seconds)} ` +
          `(${(results.get(c) as Result).cpuMs.toFixed(2)} ms per request), load generator ` +
          `${cores(t.cpu.generator, t.seconds)}, fake Slack ${cores(t.cpu.fake, t.seconds)}; ` +
          `ms per request by round ${t.roundCpuMs.map((ms) => ms.toFixed(2)).join(', ')}`,
      );
    }
    const replies = slack.calls.response_url ?? { ok: 0, failed: 0 };
    const owed = contenders
      .filter((c) => c.refill)
      .reduce((n, c) => n + (tallies.get(c) as Tally).answered, 0);
    console.log(
      `  Rapport's work after its acks: done ${(drainMs / 1000).toFixed(1)} s after the last ack; replies through ` +
        `response URLs ${replies.ok} ok, ${replies.failed} failed, for ${owed} requests acked by the apps that ` +
        `reply (warm-ups included); other Slack calls: ${
          Object.entries(slack.calls)
            .filter(([method]) => method !== 'response_url')
            .map(([method, c]) => `${method} ${c.ok + c.failed}`)
            .join(', ') || 'none'
        }`,
    );
    if (replies.ok !== owed || slack.violations > 0) {
      console.log(`  (replies missing or refused; Block Kit violations: ${slack.violations})`);
      for (const line of slack.violationSamples) console.log(`    ${line.slice(0, 300)}`);
    }
  }
  const rapport = contenders[2] as Contender;
  const counters = await rapport.app.counters();
  console.log('');
  console.log(
    `Rapport log: ${counters.warn} warnings, ${counters.error} errors; machine load average ` +
      `${load0.toFixed(2)} at the start, ${(loadavg()[0] as number).toFixed(2)} at the end (2 cores; other work included)`,
  );
  for (const line of rapport.app.problems(3)) console.log(`  ${line.slice(0, 300)}`);
} catch (error) {
  broken = true;
  console.error(error);
} finally {
  for (const app of apps) await app.stop();
  await fake.stop();
  await removeStore(store).catch(() => {});
  compiled.remove();
}
if (broken) process.exitCode = 1;
