import { describe, expect, it } from 'vitest';
import { createRecentTriggers } from '../../../src/slack/bolt/recent-triggers.js';
import { TestClock } from '../../support/test-clock.js';

describe('recent trigger ids (one process)', () => {
  it('lets each trigger id through once while its signature could be replayed, and forgets it after', () => {
    const clock = new TestClock('2026-11-22T10:00:00Z');
    const triggers = createRecentTriggers(clock);
    expect(triggers.claim('T1')).toBe(true);
    expect(triggers.claim('T2')).toBe(true);
    clock.advance(4.9);
    expect(triggers.claim('T1')).toBe(false);
    expect(triggers.claim('T3')).toBe(true);
    clock.advance(0.2); // 5.1 minutes: still kept, claims are forgotten within 10 s after the window
    expect(triggers.claim('T1')).toBe(false);
    clock.advance(0.1); // T1 and T2 are 5.2 minutes old: no signature of theirs is accepted any more
    expect(triggers.claim('T1')).toBe(true);
    expect(triggers.claim('T3')).toBe(false);
  });

  it('tells apart every one of a window full of ids, and knows each again', () => {
    const clock = new TestClock('2026-11-22T10:00:00Z');
    const triggers = createRecentTriggers(clock);
    const ids = Array.from(
      { length: 300_000 },
      (_, n) => `${1_700_000_000 + n}.${(n * 7919) % 100_003}.a1b2c3`,
    );
    const firsts = ids.filter((id, n) => {
      if (n % 1000 === 0) clock.advance(1 / 60);
      return triggers.claim(id);
    });
    expect(firsts).toHaveLength(ids.length);
    expect(ids.filter((id) => triggers.claim(id))).toEqual([]);
  });
});
