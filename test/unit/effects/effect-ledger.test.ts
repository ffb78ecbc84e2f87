import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEffectLedger } from '../../../src/effects/effect-ledger.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { anAsk } from '../../support/ask-fixture.js';
import { tempDataDir } from '../../support/stores.js';
import { TestClock } from '../../support/test-clock.js';

let store: Store;
const clock = new TestClock('2026-03-02T10:00:00Z');
beforeEach(async () => {
  store = await openStore({ dataDir: tempDataDir() });
});
afterEach(async () => {
  await store.close();
});

/** What a later pass sees of this one: the progress its claim reads back from the store. */
async function nextPass(id: string) {
  await store.askEffects.postpone(id, clock.now(), 1);
  const claimed = await store.askEffects.claim(id, clock.now(), clock.now());
  return createEffectLedger(store.askEffects, id, claimed?.progress as never, clock);
}

it('keeps every post sent without a recorded outcome until it is confirmed, across passes', async () => {
  const ask = anAsk({ createdAt: clock.now(), updatedAt: clock.now() });
  await store.asks.insert(ask);
  const claimed = await store.askEffects.claim(ask.id, clock.now(), clock.now());
  const first = createEffectLedger(store.askEffects, ask.id, claimed?.progress as never, clock);
  // A pass dies after sending the twin, before recording it.
  await first.beginPosting('ask:1:twin');

  // The next pass shows a newer change first: its notice is sent and confirmed.
  const second = await nextPass(ask.id);
  expect(second.unconfirmed('ask:1:twin')?.at).toEqual(clock.now());
  await second.beginPosting('ask:1:notice:3');
  await second.record({ announced: 3 }, 'ask:1:notice:3');
  expect(second.unconfirmed('ask:1:notice:3')).toBeUndefined();

  // The twin is still known as possibly sent, so it is looked for rather than posted again.
  const third = await nextPass(ask.id);
  expect(third.announced).toBe(3);
  expect(third.unconfirmed('ask:1:twin')).toBeDefined();
  await third.record({}, 'ask:1:twin');
  expect((await nextPass(ask.id)).unconfirmed('ask:1:twin')).toBeUndefined();
});
