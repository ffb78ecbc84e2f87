/**
 * Posts many messages at once (scheduled digests share a slot, announcements and incident replies reach
 * every partnership) within Slack's chat.postMessage limits: about 1 message per second per channel, plus
 * a workspace-wide cap that Slack does not publish. A 429 does not say which of the two it is, so it first
 * holds only its channel for the Retry-After while the others go on; when several channels are refused
 * together the cap was hit, and everyone waits while the workspace pace adapts (workspace-pace.ts).
 * Methods limited per workspace only (chat.update, Tier 3) are spaced by `workspaceIntervalMs`, and any of
 * their 429s holds everyone. Meant for a WebClient made with `rejectRateLimitedCalls: true` and
 * `retryConfig: { retries: 0 }`, so that every 429 and error reaches this pacing instead of the client
 * sleeping on its own.
 */
import type { Clock } from '../../domain/ports.js';
import { classifySlackFailure as classify } from '../shared/classify-slack-failure.js';
import { createWorkspacePace, type WorkspacePace } from './workspace-pace.js';

export interface PacingOptions {
  clock: Clock;
  /** Production: `(ms) => new Promise((r) => setTimeout(r, ms))`. */
  sleep: (ms: number) => Promise<void>;
  /** Least time between two posts to one channel, counted from when the previous one was answered. */
  perChannelIntervalMs?: number;
  /**
   * Least time between two calls across all channels, for methods whose limit is per workspace only
   * (chat.update, Tier 3: about 50 a minute): then every 429 holds all channels. Default: the pace is
   * learned from the 429s.
   */
  workspaceIntervalMs?: number;
  /**
   * The workspace's pace for this method, learned from its 429s, shared by every fan-out to the
   * workspace so that what one learned holds for the next. Default: one for this call alone.
   */
  pace?: WorkspacePace;
  /** Posts in flight at once, across channels. */
  concurrency?: number;
  /**
   * Retries of 5xx, network and transient platform errors, after 1 s, 2 s, 4 s, ... and then every
   * minute. Default: as many as fit in `maxTransientWaitMs`.
   */
  transientRetries?: number;
  /**
   * Longest a job keeps retrying transient errors, from its first one (default 30 minutes, as for
   * 429s): a Slack outage shorter than that delays a post, a longer one fails it.
   */
  maxTransientWaitMs?: number;
  /**
   * Longest a job keeps waiting out 429s, from its first one. Past it the job fails with 'ratelimited'
   * (a workspace-wide pause still applies to the others), so a scheduler can record it and try again later.
   */
  maxRateLimitWaitMs?: number;
}

export type PostOutcome<J, R> =
  | { job: J; ok: true; value: R; attempts: number }
  | { job: J; ok: false; error: string; attempts: number };

/** The jobs of one channel, posted in order; `head` is about the job at `next`. */
interface Lane {
  indexes: number[];
  next: number;
  /** Held by a worker: at most one post per channel in flight. */
  busy: boolean;
  /** Clock ms from which the channel may get its next post. */
  readyAt: number;
  head: {
    attempts: number;
    retries: number;
    limitedSince: number | undefined;
    failingSince: number | undefined;
  };
}

const newHead = (): Lane['head'] => ({
  attempts: 0,
  retries: 0,
  limitedSince: undefined,
  failingSince: undefined,
});
/** Backoff of transient errors: doubling from 1 s, at most this. */
const MAX_BACKOFF_MS = 60_000;
const remaining = (lane: Lane) => lane.indexes.length - lane.next;

/**
 * Lanes that may post now come first: one whose post was refused with a 429 first (it has waited
 * longest), then the one with the most jobs left (the longest lane sets when the whole run ends); among
 * the others, the one that may post soonest.
 */
function isBetter(a: Lane, b: Lane, now: number): boolean {
  const aReady = a.readyAt <= now;
  if (aReady !== b.readyAt <= now) return aReady;
  if (!aReady) return a.readyAt < b.readyAt;
  const aLimited = a.head.limitedSince ?? Number.POSITIVE_INFINITY;
  const bLimited = b.head.limitedSince ?? Number.POSITIVE_INFINITY;
  return aLimited !== bLimited ? aLimited < bLimited : remaining(a) > remaining(b);
}

function pickLane(lanes: Lane[], now: number): Lane | undefined {
  let best: Lane | undefined;
  for (const lane of lanes) {
    if (lane.busy || remaining(lane) === 0) continue;
    if (best === undefined || isBetter(lane, best, now)) best = lane;
  }
  return best;
}

/**
 * Posts every job with `post`: in order and spaced within a channel, channels concurrently; a 429 holds
 * its channel (or, when it shows the workspace limit, all channels) for its Retry-After and then the same
 * job is retried (rate limits never fail a job before `maxRateLimitWaitMs`). 5xx, network and transient
 * platform errors are retried with backoff; other platform errors fail the job with Slack's error
 * ('channel_not_found', ...), and any other exception with its message, at once. One job's failure never
 * stops the others. Outcomes are in job order.
 */
export async function postPaced<J extends { channelId: string }, R>(
  jobs: J[],
  post: (job: J) => Promise<R>,
  options: PacingOptions,
): Promise<PostOutcome<J, R>[]> {
  const { clock, sleep } = options;
  const interval = options.perChannelIntervalMs ?? 1000;
  const transientRetries = options.transientRetries ?? Number.POSITIVE_INFINITY;
  const maxTransientWaitMs = options.maxTransientWaitMs ?? 30 * 60_000;
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? 30 * 60_000;
  const now = () => clock.now().getTime();
  const results: PostOutcome<J, R>[] = new Array(jobs.length);
  let pausedUntil = 0;
  const fixedSpacing = options.workspaceIntervalMs;
  const pace = fixedSpacing === undefined ? (options.pace ?? createWorkspacePace(clock)) : undefined;
  /** The next call's earliest start, when calls are spaced across the workspace. */
  let nextSlot = 0;

  const byChannel = new Map<string, Lane>();
  jobs.forEach((job, index) => {
    const lane = byChannel.get(job.channelId) ?? {
      indexes: [],
      next: 0,
      busy: false,
      readyAt: 0,
      head: newHead(),
    };
    lane.indexes.push(index);
    byChannel.set(job.channelId, lane);
  });
  const lanes = [...byChannel.values()];

  // Timers may fire early against the wall clock, so sleep again until the time has really come.
  const waitUntil = async (at: () => number) => {
    while (at() > now()) await sleep(at() - now());
  };

  /**
   * Waits for this call's turn across the workspace. A slot is taken before waiting, so concurrent
   * workers line up one apart; a 429 pause that begins meanwhile voids it, and a new one follows the pause.
   */
  const takeSlot = async () => {
    for (;;) {
      const slot = Math.max(now(), nextSlot, pausedUntil);
      nextSlot = slot + (fixedSpacing ?? pace?.spacingMs() ?? 0);
      await waitUntil(() => slot);
      if (pausedUntil <= slot) return;
    }
  };

  const settle = (lane: Lane, outcome: PostOutcome<J, R>) => {
    results[lane.indexes[lane.next] as number] = outcome;
    lane.next += 1;
    lane.head = newHead();
  };

  /** Posts the lane's head job once: it settles, or stays at the head to be retried after a hold or a backoff. */
  const postHead = async (lane: Lane) => {
    const job = jobs[lane.indexes[lane.next] as number] as J;
    await waitUntil(() => Math.max(lane.readyAt, pausedUntil));
    await takeSlot();
    const head = lane.head;
    head.attempts += 1;
    const attempts = head.attempts;
    const startedAt = now();
    try {
      const value = await post(job);
      pace?.taken();
      lane.readyAt = now() + interval;
      settle(lane, { job, ok: true, value, attempts });
    } catch (error) {
      const at = now();
      const failure = classify(error);
      lane.readyAt = at + interval;
      if (failure.kind === 'rate_limited') {
        const until = at + failure.retryAfterMs;
        // Free the worker during the hold: other channels go on meanwhile, unless the workspace is limited.
        lane.readyAt = Math.max(lane.readyAt, until);
        if (pace === undefined || pace.refused(job.channelId, startedAt, until))
          pausedUntil = Math.max(pausedUntil, until);
        head.limitedSince ??= at;
        if (until - head.limitedSince > maxRateLimitWaitMs) {
          settle(lane, { job, ok: false, error: 'ratelimited', attempts });
        }
      } else if (failure.kind === 'transient') {
        head.failingSince ??= at;
        const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** head.retries);
        if (head.retries < transientRetries && at + backoff - head.failingSince <= maxTransientWaitMs) {
          lane.readyAt = Math.max(lane.readyAt, at + backoff);
          head.retries += 1;
        } else settle(lane, { job, ok: false, error: failure.error, attempts });
      } else {
        settle(lane, { job, ok: false, error: failure.error, attempts });
      }
    }
  };

  // A worker holds one lane at a time, so a channel never has two posts in flight. When it finds no
  // free lane with jobs left, the lanes still holding jobs are all held by workers that go on.
  const worker = async () => {
    for (let lane = pickLane(lanes, now()); lane !== undefined; lane = pickLane(lanes, now())) {
      lane.busy = true;
      await postHead(lane);
      lane.busy = false;
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, lanes.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}
