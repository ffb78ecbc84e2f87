/**
 * Memory of the app process at idle, and with PARTNERSHIPS (1,000) partnerships loaded after it has
 * served requests touching every one of them. Measured in the same run, each app in a fresh process
 * (compiled JavaScript, no TypeScript loader), against the fake Slack API in another:
 *   bare Bolt        a Bolt app that only acks (reference)
 *   Rapport, idle    startRapport on an empty store (the baseline)
 *   Rapport, loaded  startRapport on a store holding the partnerships, ASKS (5) asks each, their digests
 *                    due (cron off: jobs run when the bench says): idle once started, then after the
 *                    Monday digest fan-out (both digests of every
 *                    partnership, posted through the real pacing), `/rapport list` in every partnership
 *                    channel and the Home tab of each of the OWNERS (50) owners (20 partnerships each)
 * Each figure is read inside the process after IDLE (3) s, or SETTLE (30) s after work (V8 gives memory
 * back after some seconds of quiet, not at a GC): resident memory (RSS) as it stands, then RSS and the V8
 * heap after a full GC.
 * Run: npm run bench:memory   (PARTNERSHIPS=1000 ASKS=5 OWNERS=50 IDLE=3 SETTLE=30 BENCH_MONGODB_URI= to change)
 */
import { DEFAULT_DIGEST_CRON, slotAtOrBefore } from '../src/domain/digests/digest-schedule.js';
import type { FakeChannelInput, FakeUserInput } from '../src/playground/slack-simulator/types.js';
import { openStore, type StoreLocation } from '../src/store/open-store.js';
import { aPartnership } from '../test/support/partnership-fixture.js';
import type { MemorySample } from './support/app-child.js';
import { compileBench } from './support/compile.js';
import { fmtMb, Recorder, ratio, SignedPoster, sleep } from './support/load.js';
import { commandBody, homeOpenedBody } from './support/slack-bodies.js';
import {
  type AppProcess,
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

const PARTNERSHIPS = Number(process.env.PARTNERSHIPS ?? 1000);
const ASKS = Number(process.env.ASKS ?? 5);
const OWNERS = Number(process.env.OWNERS ?? 50);
const IDLE_S = Number(process.env.IDLE ?? 3);
/** Quiet time before a reading after work: V8 hands memory back only after some seconds of quiet. */
const SETTLE_S = Number(process.env.SETTLE ?? 30);
const CONCURRENCY = 10;
const DAY = 86_400_000;
const SCHEDULE = { cron: DEFAULT_DIGEST_CRON, timeZone: 'Europe/Berlin' };

const owner = (i: number) => `UOWN${String((i % OWNERS) + 1).padStart(5, '0')}`;
const customer = (i: number) => `UCUS${String((i % 40) + 1).padStart(5, '0')}`;
const channelOf = (i: number) => `CP${String(i + 1).padStart(7, '0')}`;
const triageOf = (i: number) => `CT${String(i + 1).padStart(7, '0')}`;

function world(): { users: FakeUserInput[]; channels: FakeChannelInput[] } {
  const owners = Array.from({ length: OWNERS }, (_, i) => owner(i));
  const customers = Array.from({ length: 40 }, (_, i) => customer(i));
  return {
    users: [
      ...owners.map((id) => ({ id, teamId: VENDOR_TEAM, tz: 'Europe/Berlin' })),
      ...customers.map((id) => ({ id, teamId: CUSTOMER_TEAM, isStranger: true, tz: null })),
    ],
    channels: Array.from({ length: PARTNERSHIPS }, (_, i) => [
      {
        id: channelOf(i),
        name: `customer-${i + 1}`,
        isExtShared: true,
        members: [owner(i), customer(2 * i), customer(2 * i + 1)],
      },
      { id: triageOf(i), name: `customer-${i + 1}-triage`, members: [owner(i)] },
    ]).flat(),
  };
}

/** The partnerships, each with its own channel and triage channel, an owner among OWNERS, asks, and its digest due. */
async function seed(location: StoreLocation): Promise<void> {
  const store = await openStore(location);
  const now = new Date();
  const slot = slotAtOrBefore(SCHEDULE, now);
  try {
    for (let i = 0; i < PARTNERSHIPS; i++) {
      const p = aPartnership({
        id: `p-${i + 1}`,
        channelId: channelOf(i),
        accountName: `Customer ${i + 1}`,
        refPrefix: `C${i + 1}`,
        ownerId: owner(i),
        backupOwnerId: null,
        contacts: [
          { userId: customer(2 * i), role: 'champion' },
          { userId: customer(2 * i + 1), role: 'technical' },
        ],
        triageChannelId: triageOf(i),
        digest: SCHEDULE,
        digestNextAt: slot,
        createdAt: new Date(now.getTime() - 60 * DAY),
      });
      await store.partnerships.insert(p);
      for (const ask of asksOf(p, ASKS, [customer(2 * i), customer(2 * i + 1)])) await store.asks.insert(ask);
    }
  } finally {
    await store.close();
  }
}

interface Reading {
  label: string;
  asIs: MemorySample;
  gc: MemorySample;
}

async function read(label: string, app: AppProcess, quietS = IDLE_S): Promise<Reading> {
  await sleep(quietS * 1000);
  const asIs = await app.memory(false);
  return { label, asIs, gc: await app.memory(true) };
}

async function idle(label: string, app: AppProcess): Promise<Reading> {
  try {
    return await read(label, app);
  } finally {
    await app.stop();
  }
}

/** The Monday fan-out: both digests of every partnership, through the digest job. */
async function fanOut(app: AppProcess): Promise<string> {
  const began = performance.now();
  await app.child.call('runJob', 'digests');
  return `digest fan-out ${((performance.now() - began) / 1000).toFixed(1)} s`;
}

/** `/rapport list` in every partnership channel and every owner's Home tab. */
async function serve(app: AppProcess, fake: FakeProcess): Promise<string> {
  const poster = new SignedPoster(app.url, SIGNING_SECRET, CONCURRENCY);
  const { appId } = fake.ready;
  const requests: (() => Promise<void>)[] = [];
  const commands = new Recorder();
  const homes = new Recorder();
  for (let i = 0; i < PARTNERSHIPS; i++) {
    requests.push(async () => {
      const channelId = channelOf(i);
      const [url] = await fake.call<string[]>('responseUrls', { count: 1, channelId, userId: owner(i) });
      const body = commandBody({
        user: { id: owner(i), teamId: VENDOR_TEAM },
        channelId,
        text: 'list',
        appId,
      });
      commands.add(
        await poster.post(body(url as string, `${Date.now()}.${i}.m`), 'application/x-www-form-urlencoded'),
      );
    });
  }
  for (let i = 0; i < OWNERS; i++) {
    requests.push(async () => {
      const body = homeOpenedBody({
        eventId: `EvHOME${i}`,
        vendorTeamId: VENDOR_TEAM,
        appId,
        userId: owner(i),
      });
      homes.add(await poster.post(body, 'application/json'));
    });
  }
  const began = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let job = requests[next++]; job !== undefined; job = requests[next++]) await job();
    }),
  );
  await app.child.call('settle');
  poster.close();
  return (
    `${commands.ms.length} \`/rapport list\` and ${homes.ms.length} Home tabs ${((performance.now() - began) / 1000).toFixed(1)} s` +
    (commands.errors + homes.errors > 0
      ? ` (failed: ${commands.describeErrors()} ${homes.describeErrors()})`
      : '')
  );
}

const compiled = compileBench(CHILD_SCRIPTS);
const empty = benchStore();
const loaded = benchStore();
let broken = false;
const fake = await startFake(compiled);
try {
  const seedBegan = performance.now();
  await fake.call('setUp', world());
  await seed(loaded);
  const seedS = (performance.now() - seedBegan) / 1000;
  // Cron off: the digest fan-out (which otherwise runs at start) happens when the bench runs it.
  const env = { BENCH_DIGEST_GRACE_MS: String(8 * DAY), BENCH_SCHEDULES: '0' };

  const readings: Reading[] = [];
  readings.push(await idle('bare Bolt, idle', await startApp(compiled, 'bare', fake, null)));
  readings.push(
    await idle('Rapport, idle, empty store', await startApp(compiled, 'rapport', fake, empty, env)),
  );
  const rapport = await startApp(compiled, 'rapport', fake, loaded, env);
  const served: string[] = [];
  let counters = { warn: 0, error: 0, duplicateSkipped: 0 };
  let problems: string[] = [];
  try {
    readings.push(await read(`Rapport, ${PARTNERSHIPS.toLocaleString('en')} partnerships, idle`, rapport));
    await fake.call('resetTally');
    served.push(await fanOut(rapport));
    readings.push(
      await read(
        `Rapport, ${PARTNERSHIPS.toLocaleString('en')} partnerships, after the fan-out`,
        rapport,
        SETTLE_S,
      ),
    );
    served.push(await serve(rapport, fake));
    readings.push(
      await read(
        `Rapport, ${PARTNERSHIPS.toLocaleString('en')} partnerships, after serving`,
        rapport,
        SETTLE_S,
      ),
    );
    counters = await rapport.counters();
    problems = rapport.problems(3);
  } finally {
    await rapport.stop();
  }
  const slack = await fake.tally();

  console.log(
    `memory: ${PARTNERSHIPS.toLocaleString('en')} partnerships with ${ASKS} asks each (${(PARTNERSHIPS * ASKS).toLocaleString('en')} asks), ` +
      `${OWNERS} owners; ${describeStore(loaded)}; each app in a fresh process, read inside it after ${IDLE_S} s idle, ${SETTLE_S} s after work ` +
      `(seeding took ${seedS.toFixed(1)} s, not measured)`,
  );
  console.log(`served: ${served.join('; ')}`);
  const posted = slack.calls['chat.postMessage'] ?? { ok: 0, failed: 0 };
  const replies = slack.calls.response_url ?? { ok: 0, failed: 0 };
  const published = slack.calls['views.publish'] ?? { ok: 0, failed: 0 };
  console.log(
    `  Slack saw: chat.postMessage ${posted.ok} ok, ${posted.failed} failed (expected ${2 * PARTNERSHIPS} digests); ` +
      `response_url ${replies.ok} ok, ${replies.failed} failed; views.publish ${published.ok} ok, ${published.failed} failed; ` +
      `Rapport log: ${counters.warn} warnings, ${counters.error} errors`,
  );
  for (const line of problems) console.log(`    ${line.slice(0, 300)}`);
  console.log(
    `  ${''.padEnd(50)} ${'RSS MB'.padStart(7)} | after GC: ${'RSS MB'.padStart(7)} ${'heap used'.padStart(10)} ${'heap total'.padStart(11)} ${'external'.padStart(9)}`,
  );
  for (const r of readings) {
    console.log(
      `  ${r.label.padEnd(50)} ${fmtMb(r.asIs.rss).padStart(7)} |           ${fmtMb(r.gc.rss).padStart(7)} ` +
        `${fmtMb(r.gc.heapUsed).padStart(10)} ${fmtMb(r.gc.heapTotal).padStart(11)} ${fmtMb(r.gc.external).padStart(9)}`,
    );
  }
  const [bare, idleRapport, loadedIdle, , afterServing] = readings as [
    Reading,
    Reading,
    Reading,
    Reading,
    Reading,
  ];
  const perPartnership = (a: number, b: number) => `${((a - b) / PARTNERSHIPS / 1024).toFixed(1)} KB`;
  console.log(
    `  ratio ${PARTNERSHIPS.toLocaleString('en')} partnerships after serving / idle on an empty store: RSS ` +
      `${ratio(afterServing.asIs.rss, idleRapport.asIs.rss)} (after GC ${ratio(afterServing.gc.rss, idleRapport.gc.rss)}), ` +
      `heap ${ratio(afterServing.gc.heapUsed, idleRapport.gc.heapUsed)}; per partnership ` +
      `${perPartnership(afterServing.gc.heapUsed, idleRapport.gc.heapUsed)} of heap, ` +
      `${perPartnership(afterServing.gc.rss, idleRapport.gc.rss)} of RSS`,
  );
  console.log(
    `  of which loading the store (idle, before serving): heap ${ratio(loadedIdle.gc.heapUsed, idleRapport.gc.heapUsed)}, ` +
      `RSS ${ratio(loadedIdle.gc.rss, idleRapport.gc.rss)}; Rapport idle / bare Bolt idle: RSS ` +
      `${ratio(idleRapport.asIs.rss, bare.asIs.rss)}, heap ${ratio(idleRapport.gc.heapUsed, bare.gc.heapUsed)}`,
  );
  if (posted.ok === 0 || replies.ok === 0) broken = true;
} catch (error) {
  broken = true;
  console.error(error);
} finally {
  await fake.stop();
  for (const location of [empty, loaded]) await removeStore(location).catch(() => {});
  compiled.remove();
}
if (broken) process.exitCode = 1;
