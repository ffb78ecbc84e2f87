import { afterEach, describe, expect, it } from 'vitest';
import { ASK_BLOCKS } from '../../../src/slack/asks/ids.js';
import { INPUT } from '../../../src/slack/shared/ids.js';
import { openModalByCommand, setUpAcme } from '../../support/flows.js';
import { channels, type Harness, people, startHarness } from '../../support/rapport-harness.js';
import { type StoreKind, storeKinds } from '../../support/stores.js';
import { TestClock } from '../../support/test-clock.js';
import { changeSecondAsk, expectShownOnce, isShown, raiseSecondAsk } from './ask-change.js';
import {
  acme,
  DIGEST_SLOT,
  delivered,
  globex,
  NAG_AT,
  onceEach,
  setUpTwoPartnerships,
} from './two-partnerships.js';

const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

/**
 * Slack answers chat.postMessage with 429 (Retry-After) and then 5xx for ten minutes of the test clock,
 * and recovers. Work is delayed, not lost, and not done twice. The app runs as in the other end-to-end
 * tests (its Web API clients do not retry: a failure reaches Rapport's own retries at once), except
 * where a test says it runs the clients' production retry policy.
 */
describe.each(storeKinds())('Slack failing for a while ($name store)', (kind: StoreKind) => {
  let h: Harness | null = null;
  afterEach(async () => {
    if (h) expect(h.fake.violations).toEqual([]);
    await h?.stop();
    h = null;
  });
  const start = async (context: { skip: () => void }, options: { productionRetries?: boolean } = {}) => {
    if (!kind.available) context.skip();
    const clock = new TestClock(DIGEST_SLOT);
    h = await startHarness(kind.freshLocation(), { clock, ...options });
    return { h, clock };
  };
  /** Every chat.postMessage fails until `until` on the clock: first a 429, then HTTP 503s. */
  const postingFailsUntil = (h: Harness, clock: TestClock, until: Date) => {
    h.fake.rateLimitNext('chat.postMessage', 30);
    h.fake.failWhile('chat.postMessage', { kind: 'http', status: 503 }, () => clock.now() < until);
  };

  it('sends each reminder once, when Slack is back, however many sweeps ran meanwhile', async (context) => {
    const { h, clock } = await start(context);
    await setUpTwoPartnerships(h, clock);
    const recovery = at(NAG_AT, 10);
    clock.set(NAG_AT);
    postingFailsUntil(h, clock, recovery);
    for (let minute = 0; minute <= 16; minute++) {
      clock.set(at(NAG_AT, minute));
      await h.rapport.runJob('reminders');
      await h.rapport.settled();
      if (at(NAG_AT, minute) < recovery) expect(delivered(h).reminders).toEqual({ alice: [], bob: [] });
    }
    expect(h.fake.failuresServedCount('chat.postMessage')).toBeGreaterThanOrEqual(4);
    expect(delivered(h).reminders).toEqual(onceEach.reminders);
    for (const p of [acme, globex]) {
      const [ask] = await h.rapport.store.asks.findByRef(p.ref);
      const trail = (await h.rapport.store.followUps.findById(`ask:${ask?.id}`))?.trail ?? [];
      expect(trail.filter((t) => t.action === 'reminded')).toHaveLength(1);
    }
  });

  it('posts each digest once, when Slack is back, without recording any as failed', async (context) => {
    const { h, clock } = await start(context);
    await setUpTwoPartnerships(h, clock);
    clock.set(at(DIGEST_SLOT, 0.5));
    postingFailsUntil(h, clock, at(DIGEST_SLOT, 10));
    await h.rapport.runJob('digests'); // waits out the 429 and the 503s on the test clock
    await h.rapport.settled();
    expect(clock.now() >= at(DIGEST_SLOT, 10)).toBe(true);
    expect(delivered(h)).toMatchObject({
      customerDigests: onceEach.customerDigests,
      internalDigests: onceEach.internalDigests,
    });
    // A 503 may come after Slack stored the post: the customer digests' retries looked for it first;
    // the internal ones, first posted after the outage, did not look.
    const lookedIn = new Set(h.fake.callsTo('conversations.history').map((c) => c.args.channel));
    expect(lookedIn).toEqual(new Set([acme.channel, globex.channel]));
    for (const p of [acme, globex]) {
      const id = (await h.rapport.store.partnerships.findByChannel(p.channel))?.id as string;
      expect(await h.rapport.store.digests.listRecent(id, 5)).toMatchObject([
        { state: 'posted', error: null },
      ]);
    }
  });

  it('carries out every consequence of an ask’s change, once, when Slack is back from ten minutes of 503s', async (context) => {
    const { h, clock } = await start(context);
    await setUpTwoPartnerships(h, clock);
    await raiseSecondAsk(h);
    const changedAt = clock.now().toISOString();
    const recovery = at(changedAt, 10);
    for (const method of ['chat.update', 'chat.postMessage', 'views.publish']) {
      h.fake.failWhile(method, { kind: 'http', status: 503 }, () => clock.now() < recovery);
    }
    await changeSecondAsk(h.fake, h.driver);
    await h.rapport.settled();
    for (let minute = 1; minute <= 16; minute++) {
      clock.set(at(changedAt, minute));
      await h.rapport.runJob('effects');
      if (clock.now() < recovery) expect(isShown(h.fake)).toBe(false);
    }
    // Retried after 1, 2, 4 and 8 minutes: the fourth retry, past the recovery, carries everything out.
    expect(h.fake.failuresServedCount('chat.update')).toBe(4);
    expectShownOnce(h.fake);
    expect(await h.rapport.store.askEffects.listOwed(clock.now(), clock.now(), 10)).toEqual([]);
  });

  // A sweep that waits on Slack past its reminders' 5-minute lease would race the replica that takes
  // them over. The first call of `method` for alice fails once; any retry of it is held, so the other
  // replica's sweep runs while the first one is still retrying, if it retries at all.
  // Replicas share a database only on MongoDB: the embedded store is single-process by design.
  it.runIf(kind.name === 'mongo').for([
    ['the reminder', 'chat.postMessage', 'channel'],
    ['the Home tab refresh after it', 'views.publish', 'user_id'],
  ] as const)(
    'never reminds twice when another replica takes over while %s is retried (production retries)',
    async ([, method, field], context) => {
      const { h, clock } = await start(context, { productionRetries: true });
      await setUpTwoPartnerships(h, clock);
      const other = await h.startReplica();
      const forAlice = (args: Record<string, unknown>) => args[field] === people.alice.id;
      h.fake.failWhile(
        method,
        { kind: 'http', status: 503 },
        (args) => forAlice(args) && h.fake.failuresServedCount(method) === 0,
      );
      h.fake.holdCalls(method, { when: forAlice });
      clock.set(NAG_AT);
      const first = h.rapport.runJob('reminders');
      await Promise.race([first, h.fake.waitForHeld(1)]);
      clock.set(at(NAG_AT, 6)); // past the lease
      const held = h.fake.heldCalls.length;
      const second = other.runJob('reminders');
      await Promise.race([second, h.fake.waitForHeld(held + 1)]);
      h.fake.releaseHeld();
      await Promise.all([first, second]);
      clock.set(at(NAG_AT, 12));
      await h.rapport.runJob('reminders');
      await other.runJob('reminders');
      await h.rapport.settled();
      expect(h.fake.failuresServedCount(method)).toBe(1);
      expect(delivered(h).reminders).toEqual(onceEach.reminders);
    },
  );

  it.runIf(kind.name === 'embedded')(
    'posts an ask’s card once after a 429 and a 503 (production retries)',
    async (context) => {
      const { h } = await start(context, { productionRetries: true });
      await setUpAcme(h);
      const view = await openModalByCommand(h, people.alice, 'ask Checkout is down');
      h.fake.rateLimitNext('chat.postMessage', 1);
      h.fake.failHttpNext('chat.postMessage', 503);
      await h.driver.viewSubmission({
        user: people.alice,
        view,
        values: { [ASK_BLOCKS.urgency]: { [INPUT]: 'high' } },
      });
      await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('*ACME-1*'), 15_000);
      await h.rapport.settled();
      expect(h.fake.failuresServedCount('chat.postMessage')).toBe(2);
      const cards = h.fake.messagesIn(channels.shared).filter((m) => m.text.startsWith('ACME-1'));
      expect(cards).toHaveLength(1);
      const [ask] = await h.rapport.store.asks.findByRef('ACME-1');
      expect(ask?.card?.ts).toBe(cards[0]?.ts);
    },
  );
});
