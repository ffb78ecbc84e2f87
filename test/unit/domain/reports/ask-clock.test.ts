import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/actors.js';
import type { HistoryEntry } from '../../../../src/domain/asks/ask.js';
import {
  runningIntervals,
  runningMinutes,
  targetPassedAt,
} from '../../../../src/domain/reports/ask-clock.js';
import { nearestRank } from '../../../../src/domain/reports/percentile.js';
import type { BusinessCalendar } from '../../../../src/domain/sla/business-calendar.js';
import { anAsk } from '../../../support/ask-fixture.js';

// Mon–Fri 09:00–17:00 in Berlin: 08:00–16:00 UTC in March 2026.
const cal: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  hours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', dailyBreak: null, holidays: [] },
};
const V: Actor = { userId: 'UV', teamId: 'TV', side: 'vendor' };
const t = (iso: string) => new Date(`2026-03-${iso}:00Z`);
const status = (at: string, from: string, to: string): HistoryEntry => ({
  at: t(at),
  by: V,
  action: 'status',
  from,
  to,
  note: null,
});
const helpWith = (...changes: HistoryEntry[]) => {
  const base = anAsk({ createdAt: t('09T08:00') });
  return { ...base, history: [{ ...(base.history[0] as HistoryEntry), at: t('09T08:00') }, ...changes] };
};

describe('nearestRank', () => {
  it('picks the smallest value that the given share of values does not exceed', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([7], 90)).toBe(7);
    const tens = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(nearestRank(tens, 50)).toBe(5); // rank ceil(10 * 0.5) = 5
    expect(nearestRank(tens, 90)).toBe(9); // rank ceil(10 * 0.9) = 9
    expect(nearestRank([1, 2], 50)).toBe(1); // the lower middle, never an average
    // 90% of 70 is exactly 63: floating point (63.00000000000001) would pick the 64th.
    expect(
      nearestRank(
        Array.from({ length: 70 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(63);
  });

  it('always returns one of the values, with at least p% at or below it and fewer below it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const r = nearestRank(values, p) as number;
          expect(values).toContain(r);
          expect(values.filter((v) => v <= r).length * 100).toBeGreaterThanOrEqual(p * values.length);
          expect(values.filter((v) => v < r).length * 100).toBeLessThan(p * values.length);
        },
      ),
    );
  });
});

describe('the owing side’s running clock', () => {
  it('stops while waiting on the customer and while resolved, and runs again when reopened', () => {
    const ask = helpWith(
      status('09T10:00', 'open', 'waiting_on_customer'),
      status('10T08:00', 'waiting_on_customer', 'in_progress'),
      status('10T09:00', 'in_progress', 'resolved'),
      status('11T08:00', 'resolved', 'open'),
      status('11T08:30', 'open', 'resolved'),
    );
    expect(runningIntervals(ask)).toEqual([
      { from: t('09T08:00'), to: t('09T10:00') },
      { from: t('10T08:00'), to: t('10T09:00') },
      { from: t('11T08:00'), to: t('11T08:30') },
    ]);
    // 120 + 60 + 30
    expect(runningMinutes(cal, runningIntervals(ask), t('11T08:30'))).toBe(210);
    expect(runningMinutes(cal, runningIntervals(ask), t('10T08:30'))).toBe(150);
  });

  it('meets a target reached exactly as the clock stops, and misses it on the next working minute', () => {
    const onTheMinute = helpWith(status('09T10:00', 'open', 'resolved'));
    expect(targetPassedAt(cal, runningIntervals(onTheMinute), 120)).toBeNull();
    expect(targetPassedAt(cal, runningIntervals(onTheMinute), 119)).toEqual(t('09T09:59'));

    // Paused with exactly the target used, resumed on Saturday: it passes on Monday morning.
    const resumedAtWeekend = helpWith(
      status('09T10:00', 'open', 'waiting_on_customer'),
      status('14T10:00', 'waiting_on_customer', 'in_progress'),
    );
    expect(targetPassedAt(cal, runningIntervals(resumedAtWeekend), 120)).toEqual(t('16T08:00'));
    expect(targetPassedAt(cal, runningIntervals(resumedAtWeekend), 180)).toEqual(t('16T09:00'));
  });
});
