/**
 * Monday 09:00 fan-out: every partnership's digest posted at once with postPaced, through a real WebClient
 * (rejectRateLimitedCalls, no retries) to the fake Slack API with Slack-like limits on chat.postMessage:
 * 1 post/s per channel, a workspace-wide rate and random 429s. Prints the wall time against the floor the
 * limits impose, and a baseline: the same posts with no limits and no pacing, in the same run.
 *
 * Layout: DIGESTS partnership channels each get their customer digest; every INTERNAL_EVERY-th partnership
 * also sends its internal digest to one of TRIAGE_CHANNELS shared triage channels (default: all of them,
 * so each triage channel gets DIGESTS/10 posts and the per-channel floor sets the pace).
 * Run: npm run bench:fanout   (DIGESTS=1000 WORKSPACE_RATE=50 RANDOM_429=0.02 CONCURRENCY=4
 *                              TRIAGE_CHANNELS=10 INTERNAL_EVERY=1 to change)
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { KnownBlock } from '@slack/types';
import { LogLevel, WebClient } from '@slack/web-api';
import { systemClock } from '../src/clock.js';
import { type PacingOptions, postPaced } from '../src/slack/digests/paced-poster.js';
import { FakeSlack } from '../test/support/fake-slack/index.js';

const DIGESTS = Number(process.env.DIGESTS ?? 1000);
const WORKSPACE_RATE = Number(process.env.WORKSPACE_RATE ?? 50);
const RANDOM_429 = Number(process.env.RANDOM_429 ?? 0.02);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const TRIAGE_CHANNELS = Number(process.env.TRIAGE_CHANNELS ?? 10);
const INTERNAL_EVERY = Number(process.env.INTERNAL_EVERY ?? 1);

interface DigestJob {
  channelId: string;
  account: string;
  kind: 'customer' | 'internal';
}

/** A digest-sized message: 30 blocks (header, period, five groups of a title, four asks and a divider). */
function digestBlocks(job: DigestJob): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Weekly status: ${job.account}` } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: '16–23 November 2026 · times in Europe/Berlin' }] },
  ];
  for (const group of ['New', 'In progress', 'Waiting on you', 'Resolved', 'Promised dates']) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${group}*` } });
    for (let i = 1; i <= 4; i++) {
      blocks.push({
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*ACME-${i}* Export to CSV drops the last row when the filter is on · owner <@U0${i}> · raised 12 Nov · due 27 Nov`,
        },
        accessory: {
          type: 'button',
          text: { type: 'plain_text', text: 'Open' },
          action_id: `open-${group}-${i}`,
          value: `ask-${i}`,
        },
      });
    }
    blocks.push({ type: 'divider' });
  }
  return blocks.slice(0, 30);
}

function digestJobs(): DigestJob[] {
  const jobs: DigestJob[] = [];
  for (let i = 0; i < DIGESTS; i++) {
    const account = `Customer ${i + 1}`;
    jobs.push({ channelId: `CP${String(i).padStart(6, '0')}`, account, kind: 'customer' });
    if (i % INTERNAL_EVERY === 0)
      jobs.push({ channelId: `CTRIAGE${(i / INTERNAL_EVERY) % TRIAGE_CHANNELS}`, account, kind: 'internal' });
  }
  return jobs;
}

const jobs = digestJobs();
const postsPerChannel = new Map<string, number>();
for (const job of jobs) postsPerChannel.set(job.channelId, (postsPerChannel.get(job.channelId) ?? 0) + 1);
const channelFloorS = Math.max(...postsPerChannel.values()) - 1;
const workspaceFloorS = jobs.length / WORKSPACE_RATE;
const floorS = Math.max(channelFloorS, workspaceFloorS);

const fake = await FakeSlack.start();
try {
  for (const id of postsPerChannel.keys()) fake.addChannel({ id });
  const client = new WebClient('xoxb-bench', {
    slackApiUrl: fake.apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    logLevel: LogLevel.ERROR,
  });
  const post = async (job: DigestJob) => {
    const text = `${job.kind === 'customer' ? 'Weekly status' : 'Internal digest'}: ${job.account}`;
    const res = await client.chat.postMessage({ channel: job.channelId, text, blocks: digestBlocks(job) });
    return res.ts ?? '';
  };
  const pacing: PacingOptions = { clock: systemClock, sleep: (ms) => sleep(ms), concurrency: CONCURRENCY };

  // Baseline: what the machine, the client and the fake cost without any limit or pacing.
  let began = performance.now();
  await postPaced(jobs, post, { ...pacing, perChannelIntervalMs: 0 });
  const baselineS = (performance.now() - began) / 1000;
  fake.reset();

  fake.limitPosting({
    perChannelPerSecond: 1,
    burst: 1,
    workspacePerSecond: WORKSPACE_RATE,
    random429Rate: RANDOM_429,
  });
  began = performance.now();
  const outcomes = await postPaced(jobs, post, pacing);
  const wallS = (performance.now() - began) / 1000;

  const failed = outcomes.filter((o) => !o.ok);
  const found = outcomes.filter((o) => o.ok && fake.message(o.job.channelId, o.value) !== undefined).length;
  const stored = [...postsPerChannel.keys()].reduce((n, id) => n + fake.messagesIn(id).length, 0);
  const lost = jobs.length - failed.length - found;
  const by = fake.rateLimitedBy;

  console.log(
    `${jobs.length} digests (${DIGESTS} partnership channels + ${TRIAGE_CHANNELS} triage channels, ` +
      `${Math.max(...postsPerChannel.values())} posts in the busiest), 30 blocks each, concurrency ${CONCURRENCY}`,
  );
  console.log(
    `limits: 1 post/s per channel, workspace ${WORKSPACE_RATE}/s, random 429s ${(RANDOM_429 * 100).toFixed(1)}%`,
  );
  console.log(
    `floor ${floorS.toFixed(1)} s = max(per channel ${channelFloorS.toFixed(1)} s, workspace ${workspaceFloorS.toFixed(1)} s)`,
  );
  console.log(
    `paced under limits: ${wallS.toFixed(1)} s (${(jobs.length / wallS).toFixed(1)} msg/s), ratio to floor ${(wallS / floorS).toFixed(2)}x`,
  );
  console.log(
    `baseline, no limits and no pacing: ${baselineS.toFixed(1)} s (${(jobs.length / baselineS).toFixed(0)} msg/s)`,
  );
  console.log(
    `429s answered: ${fake.rateLimitedCount} (per channel ${by.channel}, workspace ${by.workspace}, random ${by.random})`,
  );
  console.log(
    `stored ${stored}, lost digests ${lost}, duplicates ${stored - found}, failed ${failed.length}`,
  );
  for (const f of failed.slice(0, 5)) if (!f.ok) console.log(`  failed ${f.job.channelId}: ${f.error}`);
  if (lost !== 0 || stored !== found) process.exitCode = 1;
} finally {
  await fake.stop();
}
