import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/domain/ports.js';
import { type PacingOptions, postPaced } from '../../../src/slack/digests/paced-poster.js';
import { createWorkspacePace } from '../../../src/slack/digests/workspace-pace.js';
import { TestClock } from '../../support/test-clock.js';

const START = new Date('2026-11-23T09:00:00Z').getTime();
const LATENCY = 50;

/**
 * Virtual time: `sleep` resolves at once but in time order, moving the clock to the moment it ends. It
 * takes the earliest pending sleep only once every worker is idle (setImmediate runs after the promise
 * jobs), so concurrent sleeps overlap as real ones would instead of adding up.
 */
function virtualTime() {
  const clock = new TestClock(new Date(START));
  const timers: Array<{ at: number; resolve: () => void }> = [];
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      timers.push({ at: clock.now().getTime() + ms, resolve });
      setImmediate(() => {
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (next === undefined) return;
        if (next.at > clock.now().getTime()) clock.set(new Date(next.at));
        next.resolve();
      });
    });
  return { clock, sleep };
}

interface Job {
  id: string;
  channelId: string;
}

interface Call {
  id: string;
  channel: string;
  /** ms since START. */
  at: number;
  outcome: 'posted' | 'ratelimited' | 'error';
}

/**
 * A fake `chat.postMessage`: records every call with the virtual time it reaches Slack, answers after
 * `latencyMs`; `fail(job, attempt)` may return an error to throw (attempt counts from 1 per job).
 */
function fakePost(
  { clock, sleep }: ReturnType<typeof virtualTime>,
  fail: (job: Job, attempt: number) => Error | undefined,
  latencyMs: number,
) {
  const calls: Call[] = [];
  const attempts = new Map<string, number>();
  const post = async (job: Job) => {
    const attempt = (attempts.get(job.id) ?? 0) + 1;
    attempts.set(job.id, attempt);
    const error = fail(job, attempt);
    const outcome =
      error === undefined ? 'posted' : error instanceof WebAPIRateLimitedError ? 'ratelimited' : 'error';
    calls.push({ id: job.id, channel: job.channelId, at: clock.now().getTime() - START, outcome });
    if (latencyMs > 0) await sleep(latencyMs);
    if (error !== undefined) throw error;
    return `ts-${job.id}`;
  };
  const posted = (filter: (c: Call) => boolean = () => true) =>
    calls.filter((c) => c.outcome === 'posted' && filter(c));
  return { calls, post, posted };
}

const jobsIn = (channelId: string, n: number, prefix = channelId): Job[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i + 1}`, channelId }));

const platformError = (error: string) => new WebAPIPlatformError({ ok: false, error });

function setup(
  fail: (job: Job, attempt: number) => Error | undefined = () => undefined,
  extra: Partial<PacingOptions> = {},
  latencyMs = 0,
) {
  const time = virtualTime();
  const { clock, sleep } = time;
  const slack = fakePost(time, fail, latencyMs);
  const run = (jobs: Job[]) => postPaced(jobs, slack.post, { clock, sleep, ...extra });
  return { clock, slack, run };
}

describe('postPaced', () => {
  it('spaces posts to one channel by the interval, in order, without delaying other channels', async () => {
    const { slack, run } = setup();
    const busy = jobsIn('CBUSY', 5);
    const others = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'].map((c) => ({ id: c, channelId: c }));
    const results = await run([...busy, ...others]);

    expect(results.every((r) => r.ok)).toBe(true);
    const inBusy = slack.posted((c) => c.channel === 'CBUSY');
    expect(inBusy.map((c) => c.id)).toEqual(busy.map((j) => j.id));
    expect(inBusy.map((c) => c.at)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(slack.posted((c) => c.channel !== 'CBUSY').map((c) => c.at)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('keeps at least the configured interval between posts in a channel', async () => {
    const { slack, run } = setup(undefined, { perChannelIntervalMs: 2500, concurrency: 1 });
    await run([...jobsIn('CA', 3), ...jobsIn('CB', 3)]);
    for (const channel of ['CA', 'CB']) {
      const times = slack.posted((c) => c.channel === channel).map((c) => c.at);
      expect(times.slice(1).map((t, i) => t - (times[i] as number))).toEqual([2500, 2500]);
    }
  });

  it('spaces calls across the workspace by workspaceIntervalMs, whatever the concurrency', async () => {
    const { slack, run } = setup(
      (job, attempt) => (job.id === 'C3' && attempt === 1 ? new WebAPIRateLimitedError(5) : undefined),
      { workspaceIntervalMs: 1200, concurrency: 4 },
      10,
    );
    const results = await run(['C1', 'C2', 'C3', 'C4', 'C5'].map((c) => ({ id: c, channelId: c })));
    expect(results.every((r) => r.ok)).toBe(true);
    // C3's 429 at 2.4 s pauses everything for 5 s; its retry and the rest keep the spacing after it.
    expect(slack.calls.map((c) => [c.id, c.at])).toEqual([
      ['C1', 0],
      ['C2', 1200],
      ['C3', 2400],
      ['C4', 7410],
      ['C5', 7410 + 1200],
      ['C3', 7410 + 2400],
    ]);
  });

  it('holds only the refused channel for a lone 429’s Retry-After, then posts that job exactly once', async () => {
    const { slack, run } = setup(
      (job, attempt) => (job.id === 'CLIMITED' && attempt === 1 ? new WebAPIRateLimitedError(7) : undefined),
      { concurrency: 2 },
    );
    const jobs = [
      { id: 'CLIMITED', channelId: 'CLIMITED' },
      ...jobsIn('CA', 3),
      ...['C1', 'C2', 'C3', 'C4'].map((c) => ({ id: c, channelId: c })),
    ];
    const results = await run(jobs);

    expect(slack.calls.filter((c) => c.id === 'CLIMITED')[0]).toMatchObject({
      at: 0,
      outcome: 'ratelimited',
    });
    // The other channels go on at once and at their own pace; only CLIMITED waits its 7 s.
    expect(slack.posted((c) => c.channel !== 'CLIMITED').map((c) => [c.id, c.at])).toEqual([
      ['CA-1', 0],
      ['C1', 0],
      ['C2', 0],
      ['C3', 0],
      ['C4', 0],
      ['CA-2', 1000],
      ['CA-3', 2000],
    ]);
    expect(slack.posted((c) => c.id === 'CLIMITED')).toEqual([
      { id: 'CLIMITED', channel: 'CLIMITED', at: 7000, outcome: 'posted' },
    ]);
    expect(results[0]).toMatchObject({ ok: true, value: 'ts-CLIMITED', attempts: 2 });
    expect(results.every((r) => r.ok)).toBe(true);
    expect(slack.posted()).toHaveLength(jobs.length);
  });

  it('pauses every channel when several channels are refused together, then paces below the cap', async () => {
    // A workspace cap of 10 posts a second (fixed one-second windows), answered like Slack's: 429 with
    // Retry-After 1 for every post over it, whatever the channel.
    const CAP = 10;
    const taken = new Map<number, number>();
    let time: Clock | undefined;
    const pace = createWorkspacePace({ now: () => (time as Clock).now() });
    const { slack, run, clock } = setup(
      () => {
        const window = Math.floor((clock.now().getTime() - START) / 1000);
        if ((taken.get(window) ?? 0) >= CAP) return new WebAPIRateLimitedError(1);
        taken.set(window, (taken.get(window) ?? 0) + 1);
        return undefined;
      },
      { concurrency: 4, pace },
      LATENCY,
    );
    time = clock;
    const jobs = Array.from({ length: 100 }, (_, i) => ({ id: `C${i}`, channelId: `C${i}` }));
    const results = await run(jobs);

    expect(results.every((r) => r.ok)).toBe(true);
    expect(
      slack
        .posted()
        .map((c) => c.id)
        .sort(),
    ).toEqual(jobs.map((j) => j.id).sort());
    const refused = slack.calls.filter((c) => c.outcome === 'ratelimited');
    // Unpaced, four workers start 80 posts a second: the cap is hit in the first second, 3 channels are
    // refused, and then nothing at all starts until the Retry-After is over.
    const third = refused[2] as Call;
    expect(new Set(refused.slice(0, 3).map((c) => c.channel)).size).toBe(3);
    expect(third.at).toBeLessThan(1000);
    const resumed = slack.calls.find((c) => c.at > third.at) as Call;
    expect(resumed.at).toBeGreaterThanOrEqual(third.at + LATENCY + 1000);
    // Then the pace stays about the cap: a few lone 429s, the floor's time within 1.2x.
    expect(refused.length).toBeLessThan(15);
    const last = Math.max(...slack.posted().map((c) => c.at));
    expect(last).toBeLessThan(1.2 * (jobs.length / CAP) * 1000);

    // The next fan-out to the workspace, sharing the pace, starts about it instead of at full speed (80/s).
    const before = slack.calls.length;
    const nextStart = clock.now().getTime() - START;
    await run(jobs.map((j) => ({ ...j, id: `${j.id}-next` })));
    const firstSecond = slack.calls.slice(before).filter((c) => c.at < nextStart + 1000);
    expect(firstSecond.length).toBeLessThanOrEqual(1.5 * CAP);
  });

  it('fails a job on a permanent error at once, with Slack’s error or the message, and posts the others', async () => {
    const { slack, run } = setup((job) => {
      if (job.channelId === 'CGONE') return platformError('channel_not_found');
      if (job.id === 'CARCH-1') return platformError('is_archived');
      if (job.id === 'COWN-1') return new Error('lease_lost');
      return undefined;
    });
    const results = await run([
      ...jobsIn('CA', 2),
      ...jobsIn('CGONE', 1),
      ...jobsIn('CARCH', 2),
      ...jobsIn('COWN', 1),
    ]);

    expect(results.map((r) => [r.job.id, r.ok ? 'ok' : r.error, r.attempts])).toEqual([
      ['CA-1', 'ok', 1],
      ['CA-2', 'ok', 1],
      ['CGONE-1', 'channel_not_found', 1],
      ['CARCH-1', 'is_archived', 1],
      ['CARCH-2', 'ok', 1],
      ['COWN-1', 'lease_lost', 1],
    ]);
    expect(slack.calls).toHaveLength(6);
  });

  it('retries 5xx, network and transient platform errors with backoff from 1 s', async () => {
    const transient = [
      new WebAPIHTTPError(500, 'Internal Server Error', {}, ''),
      new WebAPIRequestError(new Error('ECONNRESET')),
      platformError('internal_error'),
    ];
    const { slack, run } = setup((job, attempt) => (job.id === 'CA-1' ? transient[attempt - 1] : undefined));
    const results = await run([...jobsIn('CA', 2), ...jobsIn('CB', 1)]);

    expect(results[0]).toMatchObject({ ok: true, value: 'ts-CA-1', attempts: 4 });
    expect(slack.calls.filter((c) => c.id === 'CA-1').map((c) => c.at)).toEqual([0, 1000, 3000, 7000]);
    // The channel's next job waits for its turn; other channels do not.
    expect(slack.posted((c) => c.id === 'CA-2')[0]?.at).toBe(8000);
    expect(slack.posted((c) => c.id === 'CB-1')[0]?.at).toBe(0);
  });

  it('gives up on a transient error after transientRetries with the last error', async () => {
    const { slack, run } = setup(() => new WebAPIHTTPError(503, 'Service Unavailable', {}, ''), {
      transientRetries: 2,
    });
    const [result] = await run(jobsIn('CA', 1));
    expect(result).toMatchObject({ ok: false, error: 'http_503', attempts: 3 });
    expect(slack.calls.map((c) => c.at)).toEqual([0, 1000, 3000]);
  });

  it('retries transient errors up to a minute apart for maxTransientWaitMs, then fails the job', async () => {
    const { slack, run } = setup(() => new WebAPIHTTPError(503, 'Service Unavailable', {}, ''), {
      maxTransientWaitMs: 5 * 60_000,
    });
    const [result] = await run(jobsIn('CA', 1));
    const gaps = slack.calls.slice(1).map((c, i) => c.at - (slack.calls[i] as { at: number }).at);
    // 4 min 3 s of retries; one more minute would pass the 5 minutes.
    expect(gaps).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(result).toMatchObject({ ok: false, error: 'http_503', attempts: 10 });
  });

  it('fails a job with ratelimited once it has waited maxRateLimitWaitMs, and posts the others', async () => {
    const { slack, run } = setup(
      (job) => (job.channelId === 'CHOT' ? new WebAPIRateLimitedError(60) : undefined),
      { maxRateLimitWaitMs: 5 * 60_000 },
    );
    const results = await run([...jobsIn('CHOT', 1), ...jobsIn('CA', 3)]);

    // Waits out 429s up to 0 + 5 min; the sixth 429 would take it past that, so it fails there.
    expect(results[0]).toMatchObject({ ok: false, error: 'ratelimited', attempts: 6 });
    expect(slack.calls.filter((c) => c.id === 'CHOT-1').map((c) => c.at)).toEqual([
      0, 60_000, 120_000, 180_000, 240_000, 300_000,
    ]);
    expect(results.slice(1).every((r) => r.ok)).toBe(true);
  });

  it('returns outcomes in the order of the jobs, whatever order they were posted in', async () => {
    const { slack, run } = setup((job) => (job.id === 'CB-2' ? platformError('invalid_blocks') : undefined));
    const jobs = ['CA-1', 'CB-1', 'CA-2', 'CA-3', 'CB-2', 'CC-1', 'CA-4'].map((id) => ({
      id,
      channelId: id.slice(0, 2),
    }));
    const results = await run(jobs);

    expect(results.map((r) => r.job)).toEqual(jobs);
    expect(results.map((r) => (r.ok ? r.value : r.error))).toEqual(
      jobs.map((j) => (j.id === 'CB-2' ? 'invalid_blocks' : `ts-${j.id}`)),
    );
    expect(slack.calls.map((c) => c.id)).not.toEqual(jobs.map((j) => j.id));
  });

  it('returns nothing for no jobs', async () => {
    const { run } = setup();
    expect(await run([])).toEqual([]);
  });

  it('loses no job over 1,000 channels with random 429s, keeping order, spacing and pauses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1000, maxLength: 1000 }),
        fc.integer({ min: 0, max: 30 }),
        fc.infiniteStream(fc.integer({ min: 0, max: 99 })),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 8 }),
        async (channels, percent429, draws, retryAfter, concurrency) => {
          // Posts take 50 ms, so posts that start together are in flight together, as with Slack.
          const { slack, run } = setup(
            () =>
              (draws.next().value as number) < percent429
                ? new WebAPIRateLimitedError(retryAfter)
                : undefined,
            { concurrency },
            LATENCY,
          );
          const jobs = channels.map((c, i) => ({ id: `J${i}`, channelId: `C${c}` }));
          const results = await run(jobs);

          expect(results.filter((r) => !r.ok)).toEqual([]);
          const posted = slack.posted();
          expect(posted.map((c) => c.id).sort()).toEqual(jobs.map((j) => j.id).sort());
          const lastIn = new Map<string, Call>();
          for (const call of posted) {
            const last = lastIn.get(call.channel);
            if (last !== undefined) {
              expect(Number(call.id.slice(1))).toBeGreaterThan(Number(last.id.slice(1)));
              expect(call.at - last.at).toBeGreaterThanOrEqual(1000);
            }
            lastIn.set(call.channel, call);
          }
          // No call reaches a refused channel between the 429's answer and the end of its Retry-After.
          for (const limited of slack.calls.filter((c) => c.outcome === 'ratelimited')) {
            const answered = limited.at + LATENCY;
            const early = slack.calls.filter(
              (c) => c.channel === limited.channel && c.at > answered && c.at < answered + retryAfter * 1000,
            );
            expect(early).toEqual([]);
          }
        },
      ),
      // Shrinking a 1,000-job run takes long; the seed in the report replays it.
      { numRuns: 25, endOnFailure: true },
    );
  });
});
