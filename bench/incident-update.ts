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
import { setTimeout as sleep } from 'node:timers/promises';
import { NOTHING_SINCE_POSTED } from '../src/domain/announcements/announcement.js';
import type { Clock } from '../src/domain/ports.js';
import { FakeSlack } from '../src/playground/slack-simulator/index.js';
import { sendIncidentUpdates } from '../src/slack/incidents/send-incident-updates.js';
import type { Store } from '../src/store/open-store.js';
import { aSentIncident } from '../test/support/announcement-fixture.js';
import {
  countDelivered,
  type FanoutRun,
  oneEach,
  openTempStore,
  startFanout,
} from './support/rate-limited-fanout.js';

const CHANNEL_COUNT = Number(process.env.CHANNELS ?? 1000);
const WORKSPACE_RATE = Number(process.env.WORKSPACE_RATE ?? 50);
const EDITS_PER_MINUTE = Number(process.env.EDITS_PER_MINUTE ?? 50);
const EDIT_BURST = Number(process.env.EDIT_BURST ?? 3);
const RANDOM_429 = Number(process.env.RANDOM_429 ?? 0.02);
const SCALE = Number(process.env.SCALE ?? 10);

const POSTER = 'UVENDOR1';
const ID = 'incident-1';
const channelOf = (i: number) => `CI${String(i).padStart(6, '0')}`;
const CHANNELS = Array.from({ length: CHANNEL_COUNT }, (_, i) => channelOf(i));
const repliesFloorS = CHANNEL_COUNT / WORKSPACE_RATE;
const editsFloorS = (CHANNEL_COUNT / EDITS_PER_MINUTE) * 60;
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
    partnershipIds: CHANNELS.map((_, i) => `p-${i}`),
    createdBy: POSTER,
  });
  await store.announcements.insert(incident);
  for (const [i, channelId] of CHANNELS.entries()) {
    const top = fake.addMessage(channelId, { text: 'Incident', bot_id: fake.botId });
    await store.announcementDeliveries.insert({
      id: `${ID}:p-${i}`,
      announcementId: ID,
      partnershipId: `p-${i}`,
      channelId,
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

interface Run extends FanoutRun {
  /** Scaled seconds until every reply was posted, and until everything was done. */
  repliesS: number;
  doneS: number;
  unedited: number;
  notSettled: number;
  edits429: number;
  posts429: number;
}

async function run(fake: FakeSlack, limited: boolean): Promise<Run> {
  const { store, dispose } = await openTempStore();
  const time = fastTime();
  const limits = { workspaceRate: WORKSPACE_RATE, random429: RANDOM_429, now: time.now };
  const { warnings, ...sender } = startFanout(fake, limited ? limits : null, { time });
  if (limited) {
    fake.limitUpdating({
      perMinute: EDITS_PER_MINUTE,
      burst: EDIT_BURST,
      random429Rate: RANDOM_429,
      now: time.now,
    });
  }
  await seed(fake, store, time.clock);
  const wallBegan = Date.now();
  const began = time.now();
  await sendIncidentUpdates({
    ...sender,
    repositories: store,
    newId: () => 'bench-run',
    editsPerMinute: limited ? EDITS_PER_MINUTE : Number.POSITIVE_INFINITY,
  });
  const doneS = (time.now() - began) / 1000;
  const replyCalls = fake.calls.filter(
    (c) => c.method === 'chat.postMessage' && c.args.thread_ts && c.status === 200,
  );
  const repliesDoneAt = Math.max(...replyCalls.map((c) => c.at));
  const delivered = countDelivered(fake, oneEach(CHANNELS), (m) => m.thread_ts !== undefined);
  const unedited = CHANNELS.filter((c) => fake.messagesIn(c)[0]?.edited === undefined).length;
  const counts = await store.incidentUpdateDeliveries.count(ID, 1);
  const settled = (await store.announcements.findById(ID))?.incident?.settledThrough === 1;
  await dispose();
  return {
    // The fake records wall-clock times.
    repliesS: ((repliesDoneAt - wallBegan) * SCALE) / 1000,
    doneS,
    ...delivered,
    unedited,
    notSettled: CHANNEL_COUNT - counts.edited + (settled ? 0 : 1),
    edits429: Object.values(fake.updateRateLimitedBy).reduce((a, b) => a + b, 0),
    posts429: fake.rateLimitedCount,
    warnings,
  };
}

const fake = await FakeSlack.start();
try {
  fake.addUser({ id: POSTER, teamId: fake.vendorTeamId, tz: 'Europe/Berlin' });
  for (const id of CHANNELS) fake.addChannel({ id, isExtShared: true });
  const baseline = await run(fake, false);
  const measured = await run(fake, true);
  const checks = (label: string, r: Run) =>
    `${label}: replies ${r.stored}, lost ${r.lost}, duplicated ${r.duplicates}, top messages not edited ` +
    `${r.unedited}, deliveries not settled ${r.notSettled}`;
  console.log(
    `one incident update across ${CHANNEL_COUNT} channels: replies in every thread, then every top message edited (time x${SCALE})`,
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
