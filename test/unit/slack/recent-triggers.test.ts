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
    clock.advance(0.2); // T1 and T2 are 5.1 minutes old: no signature of theirs is accepted any more
    expect(triggers.claim('T1')).toBe(true);
    expect(triggers.claim('T3')).toBe(false);
  });
});
