import { afterEach, describe, expect, it } from 'vitest';
import { SlackDriver } from '../../../src/playground/slack-simulator/index.js';
import type { StoreLocation } from '../../../src/store/open-store.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../../support/rapport-harness.js';
import {
  killAllRapportProcesses,
  killWhileHeld,
  type RapportProcess,
  startRapportProcess,
} from '../../support/rapport-process.js';
import { storeKinds } from '../../support/stores.js';
import { TestClock } from '../../support/test-clock.js';
import {
  changeSecondAsk,
  expectShownOnce,
  isShown,
  NOTICE,
  noticesIn,
  raiseSecondAsk,
} from './ask-change.js';
import { RAISED_AT, setUpTwoPartnerships } from './two-partnerships.js';

const minutesAfter = (minutes: number) => new Date(Date.parse(RAISED_AT) + minutes * 60_000);

/**
 * SIGKILL while the consequences of an ask's change are being carried out. The change and what it owes
 * are stored in one write before any Slack call, so after a restart the reconciler carries them out; a
 * post Slack accepted but whose answer the crash cut off is found by its metadata and not posted again.
 */
describe.each(storeKinds())('killed while a change reaches Slack ($name store)', (kind) => {
  let h: Harness | null = null;
  let store: StoreLocation;

  afterEach(async () => {
    killAllRapportProcesses();
    await h?.fake.stop();
    h = null;
  });

  async function setUp(context: { skip: () => void }) {
    if (!kind.available) context.skip();
    store = kind.freshLocation();
    const clock = new TestClock(RAISED_AT);
    h = await startHarness(store, { clock });
    await setUpTwoPartnerships(h, clock);
    await raiseSecondAsk(h);
    await h.rapport.stop();
    return h;
  }
  const start = (at: Date) => {
    (h as Harness).fake.releaseHeld();
    return startRapportProcess({ fake: (h as Harness).fake, store, clock: at });
  };
  const driverOf = (p: RapportProcess) =>
    new SlackDriver({
      appUrl: `http://127.0.0.1:${p.port}`,
      signingSecret: SIGNING_SECRET,
      fake: (h as Harness).fake,
    });

  it('carries out a change stored just before the crash, once, after a restart', async (context) => {
    const { fake } = await setUp(context);
    const first = await start(minutesAfter(5));
    // The first Slack call of the change's effects is the card's edit: it never reaches Slack.
    fake.holdCalls('chat.update');
    await changeSecondAsk(fake, driverOf(first));
    await killWhileHeld(fake, first);
    expect(isShown(fake)).toBe(false);

    // Within the lease a restarted replica leaves it alone; past it, the reconciler takes it over.
    const second = await start(minutesAfter(7));
    await second.runJob('effects');
    await second.settled();
    expect(isShown(fake)).toBe(false);
    await second.setClock(minutesAfter(16));
    await second.runJob('effects');
    await second.settled();
    expectShownOnce(fake);
    await second.runJob('effects');
    await second.settled();
    expectShownOnce(fake);
    expect(await second.stop()).toBe(0);
  }, 60_000); // processes started one after another: a few seconds alone, more on a loaded machine

  it('adopts a thread notice and an internal note Slack accepted whose answers the crash cut off', async (context) => {
    const { fake } = await setUp(context);
    const first = await start(minutesAfter(5));
    // Slack stores the notice in the card's thread; its answer never reaches Rapport.
    fake.holdCalls('chat.postMessage', {
      stage: 'after',
      when: (args) => String(args.text).includes(NOTICE),
    });
    await changeSecondAsk(fake, driverOf(first));
    await killWhileHeld(fake, first);
    expect(noticesIn(fake)).toHaveLength(1);

    // The same for the internal note in the twin's thread, in the replica that took the effects over.
    const second = await start(minutesAfter(16));
    fake.holdCalls('chat.postMessage', {
      stage: 'after',
      when: (args) => String(args.text).includes('INTERNAL'),
    });
    await killWhileHeld(fake, second, 'effects');

    const third = await start(minutesAfter(27));
    await third.runJob('effects');
    await third.settled();
    expectShownOnce(fake);
    expect(await third.stop()).toBe(0);
  }, 60_000); // processes started one after another: a few seconds alone, more on a loaded machine
});
