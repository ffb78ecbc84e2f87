/**
 * Monday 09:00 fan-out through the real digest pipeline: partnerships (with asks) in the embedded store,
 * all due at once; takeDueDigests claims them and publishDigests gathers, compiles, renders, records and
 * posts both digests of each through a real WebClient (rejectRateLimitedCalls, no retries) to the fake
 * Slack API with Slack-like limits on chat.postMessage: 1 post/s per channel, a workspace-wide rate and
 * random 429s. Prints the wall time against the floor the limits impose, then checks the store (every
 * digest recorded 'posted') and the fake (each destination holds exactly the digests it should).
 * Baseline, in the same run: the same pipeline on a fresh store, with no limits and no pacing.
 *
 * Layout: DIGESTS partnerships, each with its own shared channel (its customer digest) and ASKS asks.
 * Every INTERNAL_EVERY-th partnership has a triage channel, one of TRIAGE_CHANNELS shared round-robin,
 * which gets its internal digest; the others have none, so theirs goes to the owner's DM (the one owner,
 * UVENDOR1, of every partnership: one more destination, and with INTERNAL_EVERY > 1 the busiest).
 * By default every partnership has a triage channel, so each of the 10 gets DIGESTS/10 internal digests
 * and the per-channel floor sets the pace.
 * Run: npm run bench:fanout   (DIGESTS=1000 WORKSPACE_RATE=50 RANDOM_429=0.02 CONCURRENCY=4
 *                              TRIAGE_CHANNELS=10 INTERNAL_EVERY=1 ASKS=5 to change)
 */
import { randomUUID } from 'node:crypto';
import { systemClock } from '../src/clock.js';
import type { Ask, AskStatus } from '../src/domain/asks/ask.js';
import { DEFAULT_DIGEST_CRON, slotAtOrBefore } from '../src/domain/digests/digest-schedule.js';
import { takeDueDigests } from '../src/domain/digests/take-due-digests.js';
import type { Partnership } from '../src/domain/partnerships/partnership.js';
import { FakeSlack } from '../src/playground/slack-simulator/index.js';
import { type PublishReport, publishDigests } from '../src/slack/digests/publish-digests.js';
import type { Store } from '../src/store/open-store.js';
import { anAsk } from '../test/support/ask-fixture.js';
import { aPartnership } from '../test/support/partnership-fixture.js';
import {
  countDelivered,
  describeLimits,
  type FanoutRun,
  openTempStore,
  startFanout,
} from './support/rate-limited-fanout.js';

const DIGESTS = Number(process.env.DIGESTS ?? 1000);
const LIMITS = {
  workspaceRate: Number(process.env.WORKSPACE_RATE ?? 50),
  random429: Number(process.env.RANDOM_429 ?? 0.02),
};
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const TRIAGE_CHANNELS = Number(process.env.TRIAGE_CHANNELS ?? 10);
const INTERNAL_EVERY = Number(process.env.INTERNAL_EVERY ?? 1);
const ASKS = Number(process.env.ASKS ?? 5);

const OWNER = 'UVENDOR1';
const DAY = 86_400_000;
const SCHEDULE = { cron: DEFAULT_DIGEST_CRON, timeZone: 'Europe/Berlin' };
/** The slot is the latest Monday 09:00, up to a week back: a grace of 8 days never skips it. */
const GRACE_MS = 8 * DAY;
const STATUSES: AskStatus[] = ['open', 'acknowledged', 'in_progress', 'waiting_on_customer', 'resolved'];
const vendor = { userId: OWNER, teamId: 'TVENDOR01', side: 'vendor' as const };

const partnershipChannel = (i: number) => `CP${String(i).padStart(6, '0')}`;
const triageChannel = (i: number) =>
  i % INTERNAL_EVERY === 0 ? `CTRIAGE${(i / INTERNAL_EVERY) % TRIAGE_CHANNELS}` : null;

/** Internal digests expected per destination: a triage channel, or the owner (posted to by user id). */
const internalsTo = new Map<string, number>();
for (let i = 0; i < DIGESTS; i++) {
  const to = triageChannel(i) ?? OWNER;
  internalsTo.set(to, (internalsTo.get(to) ?? 0) + 1);
}
const busiest = Math.max(1, ...internalsTo.values());
const posts = 2 * DIGESTS;
const channelFloorS = busiest - 1;
const workspaceFloorS = posts / LIMITS.workspaceRate;
const floorS = Math.max(channelFloorS, workspaceFloorS);
// publishDigests posts every customer digest before any internal one: two floors, one after the other.
const phasedFloorS = DIGESTS / LIMITS.workspaceRate + Math.max(channelFloorS, DIGESTS / LIMITS.workspaceRate);

/** A help request raised `k + 1` times three days back, moved along its lifecycle as far as `k` says. */
function askOf(p: Partnership, k: number, now: Date): Ask {
  const createdAt = new Date(now.getTime() - (k + 1) * 3 * DAY);
  const status = STATUSES[k % STATUSES.length] as AskStatus;
  const base = anAsk({ partnershipId: p.id, channelId: p.channelId, number: k + 1, ref: `ACME-${k + 1}` });
  const created = { ...(base.history[0] as Ask['history'][number]), at: createdAt };
  const changedAt = new Date(createdAt.getTime() + DAY);
  const moved = {
    at: changedAt,
    by: vendor,
    action: 'status' as const,
    from: 'open',
    to: status,
    note: null,
  };
  return {
    ...base,
    content: { ...base.content, title: `Export to CSV drops the last row (${k + 1})` },
    status,
    history: status === 'open' ? [created] : [created, moved],
    promisedDate: k === 2 ? new Date(now.getTime() + 4 * DAY).toISOString().slice(0, 10) : null,
    createdAt,
    updatedAt: status === 'open' ? createdAt : changedAt,
  };
}

/** Every partnership into the store, due at the latest slot, and its asks. */
async function seed(store: Store): Promise<Partnership[]> {
  const now = systemClock.now();
  const slot = slotAtOrBefore(SCHEDULE, now);
  const partnerships: Partnership[] = [];
  for (let i = 0; i < DIGESTS; i++) {
    const p = aPartnership({
      channelId: partnershipChannel(i),
      accountName: `Customer ${i + 1}`,
      triageChannelId: triageChannel(i),
      digest: SCHEDULE,
      digestNextAt: slot,
      createdAt: new Date(now.getTime() - 60 * DAY),
    });
    await store.partnerships.insert(p);
    for (let k = 0; k < ASKS; k++) await store.asks.insert(askOf(p, k, now));
    partnerships.push(p);
  }
  return partnerships;
}

interface Run extends FanoutRun {
  wallS: number;
  takeS: number;
  /** Not timed: filling the store before, and checking store and fake after. */
  seedS: number;
  checkS: number;
  report: PublishReport;
  failed: number;
  /** Posted records whose recorded message is not in the fake. */
  unmatched: number;
}

/** Seeds a fresh store, runs the pipeline tick by tick until nothing is due, and checks store and fake. */
async function run(fake: FakeSlack, limited: boolean): Promise<Run> {
  const { store, dispose } = await openTempStore();
  const seedBegan = performance.now();
  const partnerships = await seed(store);
  const seedS = (performance.now() - seedBegan) / 1000;
  const { warnings, ...sender } = startFanout(fake, limited ? LIMITS : null, { concurrency: CONCURRENCY });
  const deps = { ...sender, repositories: store, isExternallyShared: async () => false };
  const take = { partnerships: store.partnerships, digests: store.digests, newId: randomUUID };
  const report: PublishReport = { posted: 0, failed: 0, lost: 0 };
  let takeMs = 0;
  const began = performance.now();
  for (;;) {
    const tookAt = performance.now();
    const { claims, skipped } = await takeDueDigests(take, systemClock.now(), GRACE_MS);
    takeMs += performance.now() - tookAt;
    if (skipped.length > 0) throw new Error(`${skipped.length} digests skipped: the slot is past the grace`);
    if (claims.length === 0) break;
    const published = await publishDigests(deps, claims);
    report.posted += published.posted;
    report.failed += published.failed;
    report.lost += published.lost;
  }
  const wallS = (performance.now() - began) / 1000;

  const checkBegan = performance.now();

  const destinations = new Map<string, number>(partnerships.map((p) => [p.channelId, 1]));
  for (const [to, count] of internalsTo) destinations.set(to === OWNER ? fake.dmChannelOf(OWNER) : to, count);
  const delivered = countDelivered(fake, destinations);
  let failed = 0;
  let unmatched = 0;
  for (const p of partnerships) {
    const records = await store.digests.listRecent(p.id, 5);
    const posted = records.filter((r) => r.state === 'posted');
    if (records.length !== 1 || posted.length !== 1) failed += 1;
    for (const m of posted.flatMap((r) => [r.customerMessage, r.internalMessage]))
      if (m === null || fake.message(m.channelId, m.ts) === undefined) unmatched += 1;
  }
  const checkS = (performance.now() - checkBegan) / 1000;
  await dispose();
  return {
    wallS,
    takeS: takeMs / 1000,
    seedS,
    checkS,
    report,
    ...delivered,
    failed,
    unmatched,
    warnings,
  };
}

const fake = await FakeSlack.start();
try {
  fake.addUser({ id: OWNER, teamId: fake.vendorTeamId, tz: 'Europe/Berlin' });
  for (let i = 0; i < DIGESTS; i++) fake.addChannel({ id: partnershipChannel(i), isExtShared: true });
  for (const to of internalsTo.keys()) if (to !== OWNER) fake.addChannel({ id: to });

  const baseline = await run(fake, false);
  const measured = await run(fake, true);
  const by = fake.rateLimitedBy;

  const rate = (r: Run) => (posts / r.wallS).toFixed(1);
  const split = (r: Run) => `take ${r.takeS.toFixed(1)} s, publish ${(r.wallS - r.takeS).toFixed(1)} s`;
  const checks = (label: string, r: Run) =>
    `${label}: stored ${r.stored}, lost ${r.lost}, duplicates ${r.duplicates}, failed ${r.failed}, ` +
    `records without their message ${r.unmatched} (publishDigests: posted ${r.report.posted}, ` +
    `failed ${r.report.failed}, lease lost ${r.report.lost})`;
  const toOwner = internalsTo.get(OWNER) ?? 0;
  console.log(
    `${DIGESTS} partnerships with ${ASKS} asks each: ${posts} digests, ${DIGESTS} customer to partnership ` +
      `channels, ${DIGESTS - toOwner} internal to ${internalsTo.size - (toOwner > 0 ? 1 : 0)} triage channels ` +
      `and ${toOwner} to the owner's DM (${busiest} posts in the busiest), concurrency ${CONCURRENCY}`,
  );
  console.log(
    'pipeline: takeDueDigests -> publishDigests (gather from the embedded store, compile, render, ' +
      'record, post through WebClient to the fake Slack API)',
  );
  console.log(`limits: ${describeLimits(LIMITS)}`);
  console.log(
    `floor ${floorS.toFixed(1)} s = max(per channel ${channelFloorS.toFixed(1)} s, workspace ${workspaceFloorS.toFixed(1)} s); ` +
      `customer digests first, then internal ones: ${phasedFloorS.toFixed(1)} s`,
  );
  console.log(
    `pipeline under limits: ${measured.wallS.toFixed(1)} s (${rate(measured)} msg/s; ${split(measured)}), ` +
      `ratio to floor ${(measured.wallS / floorS).toFixed(2)}x, to the two-phase floor ${(measured.wallS / phasedFloorS).toFixed(2)}x`,
  );
  console.log(
    `baseline, no limits and no pacing: ${baseline.wallS.toFixed(1)} s (${rate(baseline)} msg/s; ${split(baseline)}), ` +
      `ratio to floor ${(baseline.wallS / floorS).toFixed(2)}x; under limits / baseline ${(measured.wallS / baseline.wallS).toFixed(1)}x`,
  );
  console.log(
    `429s answered: ${fake.rateLimitedCount} (per channel ${by.channel}, workspace ${by.workspace}, random ${by.random})`,
  );
  console.log(checks('under limits', measured));
  console.log(checks('baseline', baseline));
  console.log(
    `not timed: seeding ${DIGESTS} partnerships and ${DIGESTS * ASKS} asks ${baseline.seedS.toFixed(1)} s ` +
      `and ${measured.seedS.toFixed(1)} s, checking ${baseline.checkS.toFixed(1)} s and ${measured.checkS.toFixed(1)} s`,
  );
  for (const line of [...measured.warnings, ...baseline.warnings].slice(0, 5)) console.log(`  ${line}`);
  const bad = (r: Run) => r.lost + r.duplicates + r.failed + r.unmatched > 0;
  if (bad(measured) || bad(baseline)) process.exitCode = 1;
} finally {
  await fake.stop();
}
