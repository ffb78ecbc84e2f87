/**
 * One incident update across CHANNELS channels through the real sender (sendIncidentUpdates): the
 * update's deliveries in the embedded store, replies posted in every channel's incident thread and then
 * every top message edited, through a real WebClient (rejectRateLimitedCalls, no retries) to the fake
 * Slack API with Slack's limits enforced: chat.postMessage 1/s per channel and WORKSPACE_RATE/s across the
 * workspace, chat.update EDITS_PER_MINUTE a minute across the workspace (Tier 3; bursts of EDIT_BURST),
 * and RANDOM_429 of the calls of both answered 429 at random. Prints the time until every reply and every
 * edit was done against the floor the two limits set (replies, then edits: CHANNELS / WORKSPACE_RATE s +
 * CHANNELS / EDITS_PER_MINUTE min), then checks the fake (one reply per thread, every top message edited)
 * and the store (every delivery edited).
 * Baseline, in the same run: the same pipeline with no limits and no pacing.
 *
 * Time runs SCALE times faster than the wall clock, for the fake's limits and the sender's clock and
 * sleeps alike, so the 20-minute floor takes a minute or two. The pipeline's own work (store, HTTP) is
 * not sped up, so it counts SCALE times over in the figures: they err on the slow side.
 * Run: npm run bench:incident   (CHANNELS=1000 WORKSPACE_RATE=50 EDITS_PER_MINUTE=50 EDIT_BURST=3
 *                                RANDOM_429=0.02 SCALE=10 to change)
 */
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { LogLevel, WebClient } from '@slack/web-api';
import { NOTHING_SINCE_POSTED } from '../src/domain/announcements/announcement.js';
import type { Clock } from '../src/domain/ports.js';
import { createLogger } from '../src/logger.js';
import { FakeSlack } from '../src/playground/slack-simulator/index.js';
import { sendIncidentUpdates } from '../src/slack/incidents/send-incident-updates.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { aSentIncident } from '../test/support/announcement-fixture.js';
import { tempDataDir } from '../test/support/stores.js';

const CHANNELS = Number(process.env.CHANNELS ?? 1000);
const WORKSPACE_RATE = Number(process.env.WORKSPACE_RATE ?? 50);
const EDITS_PER_MINUTE = Number(process.env.EDITS_PER_MINUTE ?? 50);
const EDIT_BURST = Number(process.env.EDIT_BURST ?? 3);
const RANDOM_429 = Number(process.env.RANDOM_429 ?? 0.02);
const SCALE = Number(process.env.SCALE ?? 10);

const POSTER = 'UVENDOR1';
const ID = 'incident-1';
const channelOf = (i: number) => `CI${String(i).padStart(6, '0')}`;
const repliesFloorS = CHANNELS / WORKSPACE_RATE;
const editsFloorS = (CHANNELS / EDITS_PER_MINUTE) * 60;
const floorS = repliesFloorS + editsFloorS;

/** Time SCALE times faster than the wall clock, from now. */
function fastTime(): { clock: Clock; now: () => number; sleep: (ms: number) => Promise<void> } {
  const wall0 = Date.now();
  const now = () => wall0 + (Date.now() - wall0) * SCALE;
  return { clock: { now: () => new Date(now()) }, now, sleep: (ms) => sleep(ms / SCALE) };
}

/** A sent incident whose top message is in every channel, and its first update stored. */
async function seed(fake: FakeSlack, store: Store, clock: Clock): Promise<void> {
  const at = clock.now();
  const incident = aSentIncident(at, {
    id: ID,
    title: 'API errors in eu-west',
    body: 'Some API calls fail with 502.',
    partnershipIds: Array.from({ length: CHANNELS }, (_, i) => `p-${i}`),
    createdBy: POSTER,
  });
  await store.announcements.insert(incident);
  for (let i = 0; i < CHANNELS; i++) {
    const top = fake.addMessage(channelOf(i), { text: 'Incident', bot_id: fake.botId });
    await store.announcementDeliveries.insert({
      id: `${ID}:p-${i}`,
      announcementId: ID,
      partnershipId: `p-${i}`,
      channelId: channelOf(i),
      state: 'posted',
      lease: null,
      attempts: 1,
      ts: top.ts,
      error: null,
      dueAt: at,
      ...NOTHING_SINCE_POSTED,
    });
  }
  const update = {
    number: 1,
    status: 'identified' as const,
    text: 'Found it: a bad deploy.',
    at,
    by: POSTER,
  };
  await store.incidents.addUpdate(ID, 0, update, null);
}

interface Run {
  /** Scaled seconds until every reply was posted, and until everything was done. */
  repliesS: number;
  doneS: number;
  replies: number;
  lost: number;
  duplicates: number;
  unedited: number;
  notSettled: number;
  edits429: number;
  posts429: number;
  warnings: string[];
}

async function run(fake: FakeSlack, limited: boolean): Promise<Run> {
  const dataDir = tempDataDir();
  const store = await openStore({ dataDir });
  const time = fastTime();
  fake.reset();
  await seed(fake, store, time.clock);
  if (limited) {
    const common = { random429Rate: RANDOM_429, now: time.now };
    fake.limitPosting({ perChannelPerSecond: 1, burst: 1, workspacePerSecond: WORKSPACE_RATE, ...common });
    fake.limitUpdating({ perMinute: EDITS_PER_MINUTE, burst: EDIT_BURST, ...common });
  }
  const warnings: string[] = [];
  const wallBegan = Date.now();
  const began = time.now();
  await sendIncidentUpdates({
    client: new WebClient('xoxb-bench', {
      slackApiUrl: fake.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    }),
    repositories: store,
    clock: time.clock,
    sleep: time.sleep,
    logger: createLogger('warn', (line) => warnings.push(line)),
    newId: () => 'bench-run',
    editsPerMinute: limited ? EDITS_PER_MINUTE : Number.POSITIVE_INFINITY,
    ...(limited ? {} : { pacing: { perChannelIntervalMs: 0 } }),
  });
  const doneS = (time.now() - began) / 1000;
  const replyCalls = fake.calls.filter(
    (c) => c.method === 'chat.postMessage' && c.args.thread_ts && c.status === 200,
  );
  const repliesDoneAt = Math.max(...replyCalls.map((c) => c.at));
  let lost = 0;
  let duplicates = 0;
  let unedited = 0;
  let replies = 0;
  for (let i = 0; i < CHANNELS; i++) {
    const messages = fake.messagesIn(channelOf(i));
    const found = messages.filter((m) => m.thread_ts !== undefined).length;
    replies += found;
    lost += found === 0 ? 1 : 0;
    duplicates += Math.max(0, found - 1);
    if (messages[0]?.edited === undefined) unedited += 1;
  }
  const counts = await store.incidentUpdateDeliveries.count(ID, 1);
  const settled = (await store.announcements.findById(ID))?.incident?.settledThrough === 1;
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    // The fake records wall-clock times.
    repliesS: ((repliesDoneAt - wallBegan) * SCALE) / 1000,
    doneS,
    replies,
    lost,
    duplicates,
    unedited,
    notSettled: CHANNELS - counts.edited + (settled ? 0 : 1),
    edits429: Object.values(fake.updateRateLimitedBy).reduce((a, b) => a + b, 0),
    posts429: fake.rateLimitedCount,
    warnings,
  };
}

const fake = await FakeSlack.start();
try {
  fake.addUser({ id: POSTER, teamId: fake.vendorTeamId, tz: 'Europe/Berlin' });
  for (let i = 0; i < CHANNELS; i++) fake.addChannel({ id: channelOf(i), isExtShared: true });
  const baseline = await run(fake, false);
  const measured = await run(fake, true);
  const checks = (label: string, r: Run) =>
    `${label}: replies ${r.replies}, lost ${r.lost}, duplicated ${r.duplicates}, top messages not edited ` +
    `${r.unedited}, deliveries not settled ${r.notSettled}`;
  console.log(
    `one incident update across ${CHANNELS} channels: replies in every thread, then every top message edited (time x${SCALE})`,
  );
  console.log(
    `limits: chat.postMessage 1/s per channel and ${WORKSPACE_RATE}/s per workspace; chat.update ` +
      `${EDITS_PER_MINUTE}/min per workspace (bursts of ${EDIT_BURST}); random 429s ${(RANDOM_429 * 100).toFixed(1)}% of both`,
  );
  console.log(
    `floor ${floorS.toFixed(0)} s = replies ${repliesFloorS.toFixed(0)} s + edits ${editsFloorS.toFixed(0)} s`,
  );
  console.log(
    `under limits: all replies by ${measured.repliesS.toFixed(1)} s (${(measured.repliesS / repliesFloorS).toFixed(2)}x their floor), ` +
      `all done by ${measured.doneS.toFixed(1)} s: ${(measured.doneS / floorS).toFixed(3)}x the floor ` +
      `(429s answered: ${measured.posts429} to posts, ${measured.edits429} to edits)`,
  );
  console.log(
    `baseline, no limits and no pacing: all done by ${baseline.doneS.toFixed(1)} s (${(baseline.doneS / floorS).toFixed(3)}x the floor); ` +
      `under limits / baseline ${(measured.doneS / baseline.doneS).toFixed(1)}x`,
  );
  console.log(checks('under limits', measured));
  console.log(checks('baseline', baseline));
  for (const line of [...measured.warnings, ...baseline.warnings].slice(0, 5)) console.log(`  ${line}`);
  const bad = (r: Run) => r.lost + r.duplicates + r.unedited + r.notSettled > 0;
  if (bad(measured) || bad(baseline)) process.exitCode = 1;
} finally {
  await fake.stop();
}
