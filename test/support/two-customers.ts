import { afterEach, beforeEach, expect } from 'vitest';
import type { StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { setUpPartnership } from './flows.js';
import { channels, type Harness, startHarness } from './rapport-harness.js';
import type { StoreKind } from './stores.js';

/**
 * For the tests of one vendor's asks across customers: a harness per test with two partnerships set up,
 * Acme Corp in #shared and Globex in #otherShared; each test ends with no Block Kit violation. Call it
 * inside the `describe` of a store kind.
 */
export function twoCustomersForEachTest(kind: StoreKind) {
  let h: Harness;
  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    h = await startHarness(kind.freshLocation());
    await setUpPartnership(h, channels.shared, 'Acme Corp');
    await setUpPartnership(h, channels.otherShared, 'Globex');
  });
  afterEach(async () => {
    if (!kind.available) return;
    expect(h.fake.violations).toEqual([]);
    await h.stop();
  });
  return {
    harness: () => h,
    /** The status card of the ask `ref` in a channel. */
    card: (channel: string, ref: string) =>
      h.fake.messagesIn(channel).find((m) => String(m.text).startsWith(`${ref} `)) as StoredMessage,
  };
}
