import { describe, expect, it } from 'vitest';
import { PlaygroundClock, travelTarget } from '../../../src/playground/playground-clock.js';

const BERLIN = 'Europe/Berlin';

describe('travelTarget', () => {
  it('moves one hour on', () => {
    expect(travelTarget('+1 hour', new Date('2026-12-04T16:30:00Z'), BERLIN)).toEqual(
      new Date('2026-12-04T17:30:00Z'),
    );
  });

  it('lands on the next working morning at 09:00 in the zone, skipping the weekend', () => {
    // Thursday evening -> Friday; Friday evening -> Monday (09:00 Berlin is 08:00Z in winter).
    expect(travelTarget('next working morning', new Date('2026-12-03T18:00:00Z'), BERLIN)).toEqual(
      new Date('2026-12-04T08:00:00Z'),
    );
    expect(travelTarget('next working morning', new Date('2026-12-04T18:00:00Z'), BERLIN)).toEqual(
      new Date('2026-12-07T08:00:00Z'),
    );
  });

  it('lands on the next Monday at 09:00, a week on when it is Monday already', () => {
    expect(travelTarget('next Monday 09:00', new Date('2026-12-02T10:00:00Z'), BERLIN)).toEqual(
      new Date('2026-12-07T08:00:00Z'),
    );
    expect(travelTarget('next Monday 09:00', new Date('2026-12-07T07:00:00Z'), BERLIN)).toEqual(
      new Date('2026-12-14T08:00:00Z'),
    );
  });
});

describe('PlaygroundClock', () => {
  it('runs with real time until a travel moves it, and never moves back', () => {
    const clock = new PlaygroundClock();
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
    const later = new Date(Date.now() + 26 * 3_600_000);
    clock.travelTo(later);
    expect(Math.abs(clock.now().getTime() - later.getTime())).toBeLessThan(1000);
    clock.travelTo(new Date());
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(later.getTime());
  });
});
