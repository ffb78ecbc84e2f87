import { afterEach, describe, expect, it } from 'vitest';
import type { StoreLocation } from '../../../src/store/open-store.js';
import { channels, type Harness, startHarness } from '../../support/rapport-harness.js';
import {
  killAllRapportProcesses,
  killWhileHeld,
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
 * The last two tests crash in the other window: Slack stored the post, and its answer never reached
 * Rapport. The replica taking over finds it by its metadata and records it instead of posting it again.
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
    await killWhileHeld(fake, first, 'digests');
    expect(delivered(h as Harness).customerDigests).toEqual({ acme: 0, globex: 0 });

    // Second crash, in the restarted process that took both digests over after their 10-minute lease:
    // both customer digests are answered and recorded before the internal ones start; the first internal
    // digest is answered, the second dies in flight.
    const second = await start(minutesAfter(DIGEST_SLOT, 11));
    fake.holdCalls('chat.postMessage', { after: 3 });
    await killWhileHeld(fake, second, 'digests');
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
    await killWhileHeld(fake, third, 'reminders');
    const remindedBeforeCrash = Object.values(delivered(h as Harness).reminders).flat();
    expect(remindedBeforeCrash).toHaveLength(1);

    // Restarted after the reminder lease: only the reminder that never reached Slack goes out.
    const fourth = await start(minutesAfter(NAG_AT, 6));
    await fourth.runJob('reminders');
    await fourth.setClock(minutesAfter(NAG_AT, 7));
    await fourth.runJob('reminders');
    await fourth.runJob('digests');
    await fourth.settled();
    expect(delivered(h as Harness)).toEqual(onceEach);
    expect(await fourth.stop()).toBe(0);
  }, 60_000); // four processes started one after another: about 10 s alone, more on a loaded machine

  /** Look-ups of earlier posts, by conversation: what a takeover costs, and the first pass does not. */
  const lookUps = () => (h as Harness).fake.callsTo('conversations.history').map((c) => c.args.channel);

  it('records instead of posting again a digest message Slack accepted whose answer the crash cut off', async (context) => {
    const { fake } = await setUp(context);
    const first = await start(minutesAfter(DIGEST_SLOT, 0.5));
    // The fourth post (the second internal digest) is stored by Slack; its answer never reaches Rapport.
    fake.holdCalls('chat.postMessage', { after: 3, stage: 'after' });
    await killWhileHeld(fake, first, 'digests');
    expect(Object.values(delivered(h as Harness).internalDigests)).toEqual([1, 1]);
    expect(lookUps()).toEqual([]);

    // The restarted process takes both digests over after their lease; only the internal digest whose
    // post went unrecorded is missing from its record, and it is found in the triage channel.
    const second = await start(minutesAfter(DIGEST_SLOT, 11));
    await second.runJob('digests');
    await second.settled();
    expect(delivered(h as Harness)).toMatchObject({
      customerDigests: onceEach.customerDigests,
      internalDigests: onceEach.internalDigests,
    });
    expect(lookUps()).toEqual([channels.triage]);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
    expect(await second.stop()).toBe(0);
  });

  it('does not send again a reminder Slack accepted whose answer the crash cut off', async (context) => {
    const { fake } = await setUp(context);
    const first = await start(NAG_AT);
    // Two batches, one per owner: the first is answered and recorded, the second is stored by Slack and
    // its answer never reaches Rapport.
    fake.holdCalls('chat.postMessage', { after: 1, stage: 'after' });
    await killWhileHeld(fake, first, 'reminders');
    expect(delivered(h as Harness).reminders).toEqual(onceEach.reminders);
    expect(lookUps()).toEqual([]);

    // Past the lease, the unrecorded follow-up is claimed again: its reminder is found in the owner's
    // DM, recorded as sent, and the batch left empty is not posted.
    const second = await start(minutesAfter(NAG_AT, 6));
    await second.runJob('reminders');
    await second.settled();
    expect(delivered(h as Harness).reminders).toEqual(onceEach.reminders);
    const remindedLast = fake.droppedCalls.at(-1)?.args.channel as string;
    expect(lookUps()).toEqual([fake.dmChannelOf(remindedLast)]);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);

    // Recorded: a sweep past another lease finds nothing due, and looks for nothing.
    await second.setClock(minutesAfter(NAG_AT, 12));
    await second.runJob('reminders');
    await second.settled();
    expect(delivered(h as Harness).reminders).toEqual(onceEach.reminders);
    expect(lookUps()).toHaveLength(1);
    expect(await second.stop()).toBe(0);
  });
});
