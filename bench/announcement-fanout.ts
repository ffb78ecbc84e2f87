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
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { LogLevel, WebClient } from '@slack/web-api';
import { systemClock } from '../src/clock.js';
import { createLogger } from '../src/logger.js';
import { FakeSlack } from '../src/playground/slack-simulator/index.js';
import { sendDueAnnouncements } from '../src/slack/announcements/send-announcements.js';
import { openStore } from '../src/store/open-store.js';
import { anAnnouncement } from '../test/support/announcement-fixture.js';
import { aPartnership } from '../test/support/partnership-fixture.js';
import { tempDataDir } from '../test/support/stores.js';

const PARTNERSHIPS = Number(process.env.PARTNERSHIPS ?? 1000);
const WORKSPACE_RATE = Number(process.env.WORKSPACE_RATE ?? 50);
const RANDOM_429 = Number(process.env.RANDOM_429 ?? 0.02);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
/** sendDueAnnouncements is the minute job's body: a delivery still transient after its retries waits for the next. */
const MAX_RUNS = 5;

const SENDER = 'UVENDOR1';
const channelOf = (i: number) => `CP${String(i).padStart(6, '0')}`;
const floorS = Math.max(0, PARTNERSHIPS / WORKSPACE_RATE - 1); // a second's worth of burst at the start

interface Run {
  wallS: number;
  runs: number;
  seedS: number;
  lost: number;
  duplicates: number;
  /** Deliveries not recorded posted, or recorded with a ts the fake does not hold. */
  unrecorded: number;
  warnings: string[];
}

async function run(fake: FakeSlack, limited: boolean): Promise<Run> {
  const dataDir = tempDataDir();
  const store = await openStore({ dataDir });
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
  fake.reset();
  if (limited) {
    fake.limitPosting({
      perChannelPerSecond: 1,
      burst: 1,
      workspacePerSecond: WORKSPACE_RATE,
      random429Rate: RANDOM_429,
    });
  }
  const warnings: string[] = [];
  const deps = {
    client: new WebClient('xoxb-bench', {
      slackApiUrl: fake.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    }),
    repositories: store,
    directory: { user: async () => null },
    clock: systemClock,
    sleep: (ms: number) => sleep(ms),
    logger: createLogger('warn', (line) => warnings.push(line)),
    newId: randomUUID,
    pacing: limited ? { concurrency: CONCURRENCY } : { concurrency: CONCURRENCY, perChannelIntervalMs: 0 },
  };
  const began = performance.now();
  let runs = 0;
  while (runs < MAX_RUNS) {
    runs += 1;
    await sendDueAnnouncements(deps);
    if ((await store.announcements.findById(announcement.id))?.state === 'sent') break;
  }
  const wallS = (performance.now() - began) / 1000;

  let lost = 0;
  let duplicates = 0;
  for (let i = 0; i < PARTNERSHIPS; i++) {
    const found = fake.messagesIn(channelOf(i)).length;
    lost += found === 0 ? 1 : 0;
    duplicates += Math.max(0, found - 1);
  }
  const deliveries = await store.announcementDeliveries.listFor(announcement.id);
  const unrecorded =
    PARTNERSHIPS -
    deliveries.filter((d) => d.state === 'posted' && fake.message(d.channelId, d.ts ?? '') !== undefined)
      .length;
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  return { wallS, runs, seedS, lost, duplicates, unrecorded, warnings };
}

const fake = await FakeSlack.start();
try {
  fake.addUser({ id: SENDER, teamId: fake.vendorTeamId, tz: 'Europe/Berlin' });
  for (let i = 0; i < PARTNERSHIPS; i++) fake.addChannel({ id: channelOf(i), isExtShared: true });

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
    `limits: 1 post/s per channel, workspace ${WORKSPACE_RATE}/s, random 429s ${(RANDOM_429 * 100).toFixed(1)}%; ` +
      `floor ${floorS.toFixed(1)} s (${PARTNERSHIPS} posts at ${WORKSPACE_RATE}/s after a second's burst)`,
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
