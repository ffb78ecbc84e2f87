/** The world of a tracker's end-to-end tests: the real app on a fresh store, Acme and Globex set up, a fake tracker. */
import { afterEach, beforeEach, expect } from 'vitest';
import type { TrackerConfig } from '../../src/config.js';
import { setUpPartnership } from './flows.js';
import { channels, type Harness, startHarness } from './rapport-harness.js';
import type { StoreKind } from './stores.js';
import { TestClock } from './test-clock.js';

export interface TrackerWorld {
  h: Harness;
  clock: TestClock;
}

/**
 * For each test of `kind`: `start` brings up the fake tracker (on the test's clock) and says how Rapport
 * reaches it; both are stopped after, with no Block Kit violation.
 */
export function trackerForEachTest<W extends TrackerWorld>(
  kind: StoreKind,
  start: (world: W) => Promise<TrackerConfig>,
  stop: (world: W) => Promise<void>,
): W {
  const world = {} as W;
  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    world.clock = new TestClock('2026-12-01T10:00:00Z');
    const trackers = await start(world);
    world.h = await startHarness(kind.freshLocation(), { clock: world.clock, trackers });
    await setUpPartnership(world.h, channels.shared, 'Acme Corp');
    await setUpPartnership(world.h, channels.otherShared, 'Globex');
  });
  afterEach(async () => {
    if (!kind.available) return;
    expect(world.h.fake.violations).toEqual([]);
    await world.h.stop();
    await stop(world);
  });
  return world;
}
