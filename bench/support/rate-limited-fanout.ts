/**
 * What the fan-out benchmarks (announcements, digests, incident updates) share: the fake Slack API with
 * Slack-like limits on chat.postMessage, the client, pacing, clock and logger Rapport's senders are given,
 * a fresh store, and the count of messages lost or duplicated in the fake.
 */
import { rmSync } from 'node:fs';
import { setTimeout as wallSleep } from 'node:timers/promises';
import { LogLevel, WebClient } from '@slack/web-api';
import { systemClock } from '../../src/clock.js';
import type { Clock } from '../../src/domain/ports.js';
import { type AppLogger, createLogger } from '../../src/logger.js';
import type { FakeSlack } from '../../src/playground/slack-simulator/index.js';
import type { PacingOptions } from '../../src/slack/digests/paced-poster.js';
import { createWorkspacePace } from '../../src/slack/digests/workspace-pace.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { tempDataDir } from '../../test/support/stores.js';

export interface PostingLimits {
  /** chat.postMessage calls a second across the workspace. */
  workspaceRate: number;
  /** Share of calls answered 429 at random (Retry-After 1 s). */
  random429: number;
  /** The fake's clock in ms, when time runs faster than the wall clock. */
  now?: () => number;
}

export const describeLimits = (limits: PostingLimits): string =>
  `1 post/s per channel, workspace ${limits.workspaceRate}/s, random 429s ${(limits.random429 * 100).toFixed(1)}%`;

export interface FanoutSender {
  /** Every 429 and error reaches the pacing: the client neither waits nor retries on its own. */
  client: WebClient;
  /** A workspace's pacing, or (no limits) none at all: the baseline. */
  pacing: Omit<PacingOptions, 'clock' | 'sleep'>;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  logger: AppLogger;
  warnings: string[];
}

/**
 * Clears the fake's messages and limits and enforces 1 post/s per channel and `limits` (null: none, for
 * the baseline), then gives what a sender needs to post to it, on the wall clock unless `time` says.
 */
export function startFanout(
  fake: FakeSlack,
  limits: PostingLimits | null,
  options: { concurrency?: number; time?: { clock: Clock; sleep: (ms: number) => Promise<void> } } = {},
): FanoutSender {
  fake.reset();
  if (limits !== null) {
    fake.limitPosting({
      perChannelPerSecond: 1,
      burst: 1,
      workspacePerSecond: limits.workspaceRate,
      random429Rate: limits.random429,
      ...(limits.now ? { now: limits.now } : {}),
    });
  }
  const { clock, sleep } = options.time ?? { clock: systemClock, sleep: (ms: number) => wallSleep(ms) };
  const concurrency = options.concurrency === undefined ? {} : { concurrency: options.concurrency };
  const warnings: string[] = [];
  return {
    client: new WebClient('xoxb-bench', {
      slackApiUrl: fake.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    }),
    pacing:
      limits === null
        ? { ...concurrency, perChannelIntervalMs: 0 }
        : { ...concurrency, pace: createWorkspacePace(clock) },
    clock,
    sleep,
    logger: createLogger('warn', (line) => warnings.push(line)),
    warnings,
  };
}

/** A fresh embedded store in a temporary folder, and how to close and remove it. */
export async function openTempStore(): Promise<{ store: Store; dispose: () => Promise<void> }> {
  const dataDir = tempDataDir();
  const store = await openStore({ dataDir });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Delivered {
  stored: number;
  lost: number;
  duplicates: number;
}

/** What every fan-out run reports, besides its own figures. */
export interface FanoutRun extends Delivered {
  /** What the senders logged at warn level or above. */
  warnings: string[];
}

/** Compares what each channel holds (the messages `counted` picks) with what it should. */
export function countDelivered(
  fake: FakeSlack,
  expected: Map<string, number>,
  counted: (message: { thread_ts?: string }) => boolean = () => true,
): Delivered {
  const delivered = { stored: 0, lost: 0, duplicates: 0 };
  for (const [channel, count] of expected) {
    const found = fake.messagesIn(channel).filter(counted).length;
    delivered.stored += found;
    delivered.lost += Math.max(0, count - found);
    delivered.duplicates += Math.max(0, found - count);
  }
  return delivered;
}

/** One message expected in each channel. */
export const oneEach = (channels: string[]): Map<string, number> => new Map(channels.map((c) => [c, 1]));
