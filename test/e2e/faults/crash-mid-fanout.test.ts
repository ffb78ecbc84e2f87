import { afterEach, describe, expect, it } from 'vitest';
import type { StoreLocation } from '../../../src/store/open-store.js';
import { type Harness, startHarness } from '../../support/rapport-harness.js';
import {
  killAllRapportProcesses,
  type RapportProcess,
  startRapportProcess,
} from '../../support/rapport-process.js';
import { storeKinds } from '../../support/stores.js';
import { TestClock } from '../../support/test-clock.js';
import { DIGEST_SLOT, delivered, NAG_AT, onceEach, setUpTwoPartnerships } from './two-partnerships.js';

const minutesAfter = (at: string, minutes: number) => new Date(Date.parse(at) + minutes * 60_000);

/**
 * SIGKILL in the middle of a digest fan-out and of a nag sweep, while Slack holds a chat.postMessage
 * unanswered: the post in flight dies with the process and never reaches Slack (the fake drops it),
 * every post answered before it has been recorded. After a restart past the leases (5 minutes for a
 * reminder, 10 for a digest) each reminder and each digest exists exactly once.
 *
 * Not this window: Slack accepting a post whose answer never reaches Rapport (or arrives in the
 * milliseconds before Rapport records it). That post is sent again after the lease: the known limit,
 * pinned down by the last test.
 */
describe.each(storeKinds())('killed in the middle of posting ($name store)', (kind) => {
  let h: Harness | null = null;
  let store: StoreLocation;

  /** Sets the world up with the app in this process, then stops it (the store is handed over). */
  async function setUp(context: { skip: () => void }) {
    if (!kind.available) context.skip();
    store = kind.freshLocation();
    const clock = new TestClock(DIGEST_SLOT);
    h = await startHarness(store, { clock });
    await setUpTwoPartnerships(h, clock);
    await h.rapport.stop();
    return h;
  }
  /**
   * Starts the process; the holds of the crash before end only now, so a post of the killed process that
   * reaches the fake late (several go out at once) is still held and dropped, never answered.
   */
  const start = (clock: Date | string) => {
    (h as Harness).fake.releaseHeld();
    return startRapportProcess({ fake: (h as Harness).fake, store, clock });
  };
  /** Starts `job`, waits until Slack holds a post of it, and kills the process there. */
  const killWhileHeld = async (p: RapportProcess, job: string) => {
    const fake = (h as Harness).fake;
    p.startJob(job);
    await fake.waitForHeld(1, 10_000);
    const dropped = fake.droppedCalls.length;
    await p.kill();
    await fake.waitForDropped(dropped + 1);
    await fake.waitForNoneHeld();
  };

  afterEach(async () => {
    killAllRapportProcesses();
    await h?.fake.stop();
    h = null;
  });

  it('posts each digest and each reminder exactly once across three crashes', async (context) => {
    const { fake } = await setUp(context);

    // Digests, first crash: before Slack has answered any post.
    const first = await start(minutesAfter(DIGEST_SLOT, 0.5));
    fake.holdCalls('chat.postMessage');
    await killWhileHeld(first, 'digests');
    expect(delivered(h as Harness).customerDigests).toEqual({ acme: 0, globex: 0 });

    // Second crash, in the restarted process that took both digests over after their 10-minute lease:
    // both customer digests are answered and recorded before the internal ones start; the first internal
    // digest is answered, the second dies in flight.
    const second = await start(minutesAfter(DIGEST_SLOT, 11));
    fake.holdCalls('chat.postMessage', { after: 3 });
    await killWhileHeld(second, 'digests');
    const afterSecondCrash = delivered(h as Harness);
    expect(afterSecondCrash.customerDigests).toEqual({ acme: 1, globex: 1 });
    expect(afterSecondCrash.internalDigests.acme + afterSecondCrash.internalDigests.globex).toBe(1);

    // Restarted after that lease too: it takes over again and posts only what is missing.
    const third = await start(minutesAfter(DIGEST_SLOT, 22));
    await third.runJob('digests');
    await third.settled();
    expect(delivered(h as Harness)).toMatchObject({
      customerDigests: onceEach.customerDigests,
      internalDigests: onceEach.internalDigests,
    });

    // Reminders: one batch per owner; the first is answered, the second dies in flight.
    await third.setClock(NAG_AT);
    fake.holdCalls('chat.postMessage', { after: 1 });
    await killWhileHeld(third, 'nag-sweep');
    const remindedBeforeCrash = Object.values(delivered(h as Harness).reminders).flat();
    expect(remindedBeforeCrash).toHaveLength(1);

    // Restarted after the reminder lease: only the reminder that never reached Slack goes out.
    const fourth = await start(minutesAfter(NAG_AT, 6));
    await fourth.runJob('nag-sweep');
    await fourth.setClock(minutesAfter(NAG_AT, 7));
    await fourth.runJob('nag-sweep');
    await fourth.runJob('digests');
    await fourth.settled();
    expect(delivered(h as Harness)).toEqual(onceEach);
    expect(await fourth.stop()).toBe(0);
  });

  // What Slack did is not up to the store; the takeover this goes through runs on both stores above.
  it.runIf(kind.name === 'embedded')(
    'posts again only the message Slack accepted but whose answer the crash cut off (the known limit)',
    async (context) => {
      const { fake } = await setUp(context);
      const first = await start(minutesAfter(DIGEST_SLOT, 0.5));
      // The fourth post (the second internal digest) is stored by Slack; its answer never reaches Rapport.
      fake.holdCalls('chat.postMessage', { after: 3, stage: 'after' });
      await killWhileHeld(first, 'digests');
      expect(Object.values(delivered(h as Harness).internalDigests)).toEqual([1, 1]);

      const second = await start(minutesAfter(DIGEST_SLOT, 11));
      await second.runJob('digests');
      await second.settled();
      const { customerDigests, internalDigests } = delivered(h as Harness);
      expect(customerDigests).toEqual(onceEach.customerDigests);
      expect(Object.values(internalDigests).sort()).toEqual([1, 2]);
    },
  );
});
