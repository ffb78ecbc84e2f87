import { describe, expect, it } from 'vitest';
import { createWorkspacePace } from '../../../src/slack/digests/workspace-pace.js';
import { TestClock } from '../../support/test-clock.js';

const START = new Date('2026-11-23T09:00:00Z').getTime();

function setup() {
  const clock = new TestClock(new Date(START));
  const pace = createWorkspacePace(clock);
  const at = () => clock.now().getTime();
  const moveTo = (ms: number) => clock.set(new Date(START + ms));
  /** Slack takes `count` calls, evenly over the next `overMs`. */
  const take = (count: number, overMs: number) => {
    const from = at() - START;
    for (let i = 1; i <= count; i++) {
      moveTo(from + (overMs * i) / count);
      pace.taken();
    }
  };
  return { pace, at, moveTo, take };
}

describe('createWorkspacePace', () => {
  it('is unpaced until the cap is found, and a lone 429 (or one channel’s) does not find it', () => {
    const { pace, at, take } = setup();
    take(40, 1000);
    expect(pace.spacingMs()).toBe(0);
    expect(pace.refused('C1', at(), at() + 1000)).toBe(false);
    take(3, 30);
    expect(pace.refused('C1', at(), at() + 1000)).toBe(false);
    expect(pace.refused('C2', at(), at() + 1000)).toBe(false);
    expect(pace.spacingMs()).toBe(0);
  });

  it('finds the cap in 429s from three channels, paces at 90% of the last second’s rate, and grows back', () => {
    const { pace, at, moveTo, take } = setup();
    take(60, 1000);
    expect(pace.refused('C1', at(), at() + 1000)).toBe(false);
    expect(pace.refused('C2', at(), at() + 1000)).toBe(false);
    expect(pace.refused('C3', at(), at() + 1000)).toBe(true);
    // 60 taken in the second before: 54 a second.
    expect(pace.spacingMs()).toBe(Math.ceil(1000 / 54));
    // A refusal of a call started before the finding belongs to it: everyone waits, the pace stays.
    expect(pace.refused('C4', at() - 10, at() + 1000)).toBe(true);
    expect(pace.spacingMs()).toBe(Math.ceil(1000 / 54));
    // 2% a second, compounding: back to 60 a second after about 5.3 s.
    moveTo(1000 + 5400);
    expect(pace.spacingMs()).toBe(Math.ceil(1000 / 60));
  });

  it('lowers the pace by 10% of itself when the cap is found again just after a pause, not to the few calls since', () => {
    const { pace, at, moveTo, take } = setup();
    take(50, 1000);
    for (const c of ['C1', 'C2', 'C3']) pace.refused(c, at(), START + 2000);
    expect(pace.spacingMs()).toBe(Math.ceil(1000 / 45));
    // The pause ends at 2 s; two calls are taken and three refused within 100 ms.
    moveTo(2000);
    take(2, 100);
    for (const c of ['C4', 'C5', 'C6']) pace.refused(c, at(), at() + 1000);
    const rate = 45 * 1.02 ** 1.1 * 0.9;
    expect(pace.spacingMs()).toBe(Math.ceil(1000 / rate));
  });

  it('at most halves the pace when the sender itself was slow in the second before the cap', () => {
    const { pace, at, take } = setup();
    take(100, 1000);
    for (const c of ['C1', 'C2', 'C3']) pace.refused(c, at(), at() + 1000);
    expect(pace.spacingMs()).toBe(Math.ceil(1000 / 90));
    take(5, 5000);
    for (const c of ['C4', 'C5', 'C6']) pace.refused(c, at(), at() + 1000);
    // 5 taken in the last second would mean 4.5 a second; the pace halves instead, then loses 10%.
    expect(pace.spacingMs()).toBe(Math.ceil(1000 / ((90 * 1.02 ** 5 * 0.9) / 2)));
  });
});
