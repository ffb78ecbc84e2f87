/**
 * One announcement to many partnerships through the real sending path: an announcement due now in the
 * embedded store, and sendDueAnnouncements creating one delivery per partnership, claiming each and
 * posting it through a real WebClient (rejectRateLimitedCalls, no retries) to the fake Slack API with
 * Slack-like limits on chat.postMessage: 1 post/s per channel, a workspace-wide rate and random 429s
 * with Retry-After. Prints the wall time against the floor those limits impose (every channel gets one
 * message, so the workspace rate sets it), then checks the fake (each channel holds exactly one
 * announcement) and the store (every delivery recorded posted with that message's ts).
 * Baseline, in the same run: the same path on a fresh store, with no limits and no pacing.
 * Run: npm run bench:announce   (PARTNERSHIPS=1000 WORKSPACE_RATE=50 RANDOM_429=0.02 CONCURRENCY=4)
 */

import { randomUUID } from 'node:crypto';
import { systemClock } from '../src/clock.js';
import { FakeSlack } from '../src/playground/slack-simulator/index.js';
import { sendDueAnnouncements } from '../src/slack/announcements/send-announcements.js';
import { anAnnouncement } from '../test/support/announcement-fixture.js';
import { aPartnership } from '../test/support/partnership-fixture.js';
import {
  countDelivered,
  describeLimits,
  type FanoutRun,
  oneEach,
  openTempStore,
  startFanout,
} from './support/rate-limited-fanout.js';

const PARTNERSHIPS = Number(process.env.PARTNERSHIPS ?? 1000);
const LIMITS = {
  workspaceRate: Number(process.env.WORKSPACE_RATE ?? 50),
  random429: Number(process.env.RANDOM_429 ?? 0.02),
};
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
/** sendDueAnnouncements is the minute job's body: a delivery still transient after its retries waits for the next. */
const MAX_RUNS = 5;

const SENDER = 'UVENDOR1';
const channelOf = (i: number) => `CP${String(i).padStart(6, '0')}`;
const CHANNELS = Array.from({ length: PARTNERSHIPS }, (_, i) => channelOf(i));
const floorS = Math.max(0, PARTNERSHIPS / LIMITS.workspaceRate - 1); // a second's worth of burst at the start

interface Run extends FanoutRun {
  wallS: number;
  runs: number;
  seedS: number;
  /** Deliveries not recorded posted, or recorded with a ts the fake does not hold. */
  unrecorded: number;
}

async function run(fake: FakeSlack, limited: boolean): Promise<Run> {
  const { store, dispose } = await openTempStore();
  const seedBegan = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < PARTNERSHIPS; i++) {
    const p = aPartnership({ channelId: channelOf(i), accountName: `Customer ${i + 1}`, ownerId: SENDER });
    await store.partnerships.insert(p);
    ids.push(p.id);
  }
  const now = systemClock.now();
  const announcement = anAnnouncement(now, {
    id: randomUUID(),
    title: 'Release 4.2',
    body: 'Faster exports, and *SSO* for everyone.',
    partnershipIds: ids,
    timeZone: 'Europe/Berlin',
    state: 'scheduled',
    createdBy: SENDER,
    startedAt: null,
    finishedAt: null,
  });
  await store.announcements.insert(announcement);
  const seedS = (performance.now() - seedBegan) / 1000;
  const { warnings, ...sender } = startFanout(fake, limited ? LIMITS : null, { concurrency: CONCURRENCY });
  const deps = { ...sender, repositories: store, directory: { user: async () => null }, newId: randomUUID };
  const began = performance.now();
  let runs = 0;
  while (runs < MAX_RUNS) {
    runs += 1;
    await sendDueAnnouncements(deps);
    if ((await store.announcements.findById(announcement.id))?.state === 'sent') break;
  }
  const wallS = (performance.now() - began) / 1000;

  const delivered = countDelivered(fake, oneEach(CHANNELS));
  const deliveries = await store.announcementDeliveries.listFor(announcement.id);
  const unrecorded =
    PARTNERSHIPS -
    deliveries.filter((d) => d.state === 'posted' && fake.message(d.channelId, d.ts ?? '') !== undefined)
      .length;
  await dispose();
  return { ...delivered, wallS, runs, seedS, unrecorded, warnings };
}

const fake = await FakeSlack.start();
try {
  fake.addUser({ id: SENDER, teamId: fake.vendorTeamId, tz: 'Europe/Berlin' });
  for (const id of CHANNELS) fake.addChannel({ id, isExtShared: true });

  const baseline = await run(fake, false);
  const measured = await run(fake, true);
  const by = fake.rateLimitedBy;
  const rate = (r: Run) => (PARTNERSHIPS / r.wallS).toFixed(1);
  const checks = (label: string, r: Run) =>
    `${label}: lost ${r.lost}, duplicated ${r.duplicates}, deliveries not recorded with their message ${r.unrecorded}, ` +
    `sending runs ${r.runs}`;
  console.log(
    `${PARTNERSHIPS} partnerships, one announcement: sendDueAnnouncements (deliveries created, claimed with leases, ` +
      `posted through WebClient to the fake Slack API, recorded), concurrency ${CONCURRENCY}`,
  );
  console.log(
    `limits: ${describeLimits(LIMITS)}; ` +
      `floor ${floorS.toFixed(1)} s (${PARTNERSHIPS} posts at ${LIMITS.workspaceRate}/s after a second's burst)`,
  );
  console.log(
    `under limits: ${measured.wallS.toFixed(1)} s (${rate(measured)} msg/s), ratio to floor ` +
      `${(measured.wallS / floorS).toFixed(2)}x`,
  );
  console.log(
    `baseline, no limits and no pacing: ${baseline.wallS.toFixed(1)} s (${rate(baseline)} msg/s); ` +
      `under limits / baseline ${(measured.wallS / baseline.wallS).toFixed(1)}x`,
  );
  console.log(
    `429s answered: ${fake.rateLimitedCount} (per channel ${by.channel}, workspace ${by.workspace}, random ${by.random})`,
  );
  console.log(checks('under limits', measured));
  console.log(checks('baseline', baseline));
  console.log(`not timed: seeding ${baseline.seedS.toFixed(1)} s and ${measured.seedS.toFixed(1)} s`);
  for (const line of [...measured.warnings, ...baseline.warnings].slice(0, 5)) console.log(`  ${line}`);
  const bad = (r: Run) => r.lost + r.duplicates + r.unrecorded > 0;
  if (bad(measured) || bad(baseline)) process.exitCode = 1;
} finally {
  await fake.stop();
}
