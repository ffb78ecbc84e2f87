import { expect } from 'vitest';
import type { FakeSlack } from '../../../src/playground/slack-simulator/index.js';
import type { StoreLocation } from '../../../src/store/open-store.js';
import { killWhileHeld, startRapportProcess } from '../../support/rapport-process.js';
import { acme, globex } from './two-partnerships.js';

/** The two partnerships' shared channels, where a fan-out posts. */
export const bothChannels = [acme.channel, globex.channel];

/**
 * The crash of a fan-out to both partnerships: a process started at `at` sends `job` on its way, Slack
 * stores its posts (thread replies only, with `threadReplies`) but never answers them, and the process is
 * killed while one is held. Returns what `stored` counts per channel then: one message at most in each,
 * at least one in all (the pacing decides whether the second went out before the kill).
 */
export async function killMidPost(
  fake: FakeSlack,
  opts: { store: StoreLocation; at: Date; job: string; threadReplies?: boolean; stored: () => number[] },
): Promise<number[]> {
  const first = await startRapportProcess({ fake, store: opts.store, clock: opts.at });
  fake.holdCalls('chat.postMessage', {
    stage: 'after',
    when: (args) =>
      bothChannels.includes(String(args.channel)) && (!opts.threadReplies || Boolean(args.thread_ts)),
  });
  await killWhileHeld(fake, first, opts.job);
  fake.releaseHeld();
  const afterKill = opts.stored();
  expect(afterKill.every((n) => n <= 1) && afterKill.some((n) => n === 1)).toBe(true);
  return afterKill;
}
