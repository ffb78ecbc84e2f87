/** The world of a tracker's end-to-end tests: the real app on a fresh store, a fake tracker, two customers. */
import { afterEach, beforeEach, expect } from 'vitest';
import type { TrackerConfig } from '../../src/config.js';
import { setUpPartnership } from './flows.js';
import { channels, type Harness, startHarness } from './rapport-harness.js';
import type { StoreKind } from './stores.js';
import { TestClock } from './test-clock.js';

/**
 * For each test of `kind`: the test clock, the fake tracker `start` makes (returning the settings that
 * point the app at it), the app, and Acme and Globex set up with the triage channel; after it, no Block
 * Kit violation, and everything stopped.
 */
export function trackerForEachTest<W extends { h: Harness; clock: TestClock }>(
  kind: StoreKind,
  tracker: { start(world: W): Promise<TrackerConfig>; stop(world: W): Promise<void> },
): W {
  const world = {} as W;
  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    world.clock = new TestClock('2026-12-01T10:00:00Z');
    const trackers = await tracker.start(world);
    world.h = await startHarness(kind.freshLocation(), { clock: world.clock, trackers });
    await setUpPartnership(world.h, channels.shared, 'Acme Corp');
    await setUpPartnership(world.h, channels.otherShared, 'Globex');
  });
  afterEach(async () => {
    if (!kind.available) return;
    expect(world.h.fake.violations).toEqual([]);
    await world.h.stop();
    await tracker.stop(world);
  });
  return world;
}
