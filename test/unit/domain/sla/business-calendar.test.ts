import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessHours, Weekday } from '../../../../src/domain/partnerships/partnership.js';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  isWorkingTime,
  nextWorkingDayStart,
  nextWorkingTime,
} from '../../../../src/domain/sla/business-calendar.js';

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

function calendar(timeZone: string, hours: Partial<BusinessHours> = {}): BusinessCalendar {
  return {
    timeZone,
    hours: { days: WEEKDAYS, start: '09:00', end: '17:00', dailyBreak: null, holidays: [], ...hours },
  };
}

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

// Berlin in January is UTC+1: 09:00 local = 08:00Z. 2026-01-05 is a Monday; Tuesday the 6th is a holiday.
const berlin = calendar('Europe/Berlin', {
  dailyBreak: { start: '12:00', end: '13:00' },
  holidays: ['2026-01-06'],
});
const newYork = calendar('America/New_York');
const kolkata = calendar('Asia/Kolkata');
const closed = calendar('Europe/Berlin', { days: [] });

describe('isWorkingTime', () => {
  it.each([
    ['inside the morning window', '2026-01-05T09:00:00.000Z', true],
    ['at opening (inclusive)', '2026-01-05T08:00:00.000Z', true],
    ['just before opening', '2026-01-05T07:59:59.999Z', false],
    ['at closing (exclusive)', '2026-01-05T16:00:00.000Z', false],
    ['just before closing', '2026-01-05T15:59:59.999Z', true],
    ['at the start of the break', '2026-01-05T11:00:00.000Z', false],
    ['during the break', '2026-01-05T11:30:00.000Z', false],
    ['when the break ends', '2026-01-05T12:00:00.000Z', true],
    ['on a Saturday', '2026-01-10T09:00:00.000Z', false],
    ['on a holiday', '2026-01-06T09:00:00.000Z', false],
  ])('Berlin %s', (_, instant, expected) => {
    expect(isWorkingTime(berlin, at(instant))).toBe(expected);
  });

  it('reads the hours in the calendar zone (New York UTC-5, Kolkata UTC+5:30)', () => {
    expect(isWorkingTime(newYork, at('2026-01-05T13:59:00.000Z'))).toBe(false);
    expect(isWorkingTime(newYork, at('2026-01-05T14:00:00.000Z'))).toBe(true);
    expect(isWorkingTime(kolkata, at('2026-01-05T03:29:00.000Z'))).toBe(false);
    expect(isWorkingTime(kolkata, at('2026-01-05T03:30:00.000Z'))).toBe(true);
    expect(isWorkingTime(kolkata, at('2026-01-05T11:30:00.000Z'))).toBe(false);
  });

  it('is never working time without working days', () => {
    expect(isWorkingTime(closed, at('2026-01-05T09:00:00.000Z'))).toBe(false);
  });
});

describe('nextWorkingTime', () => {
  it.each([
    ['returns the instant itself inside a window', '2026-01-05T09:17:00.000Z', '2026-01-05T09:17:00.000Z'],
    ['moves to opening before hours', '2026-01-05T06:00:00.000Z', '2026-01-05T08:00:00.000Z'],
    ['moves to the end of the break', '2026-01-05T11:15:00.000Z', '2026-01-05T12:00:00.000Z'],
    ['skips a holiday after hours', '2026-01-05T17:00:00.000Z', '2026-01-07T08:00:00.000Z'],
    ['skips the weekend', '2026-01-09T18:00:00.000Z', '2026-01-12T08:00:00.000Z'],
    ['treats closing time as after hours', '2026-01-09T16:00:00.000Z', '2026-01-12T08:00:00.000Z'],
  ])('%s', (_, from, expected) => {
    expect(iso(nextWorkingTime(berlin, at(from)))).toBe(expected);
  });

  it('throws when the calendar has no working window', () => {
    expect(() => nextWorkingTime(closed, at('2026-01-05T09:00:00.000Z'))).toThrow(
      /No working time within 400 days/,
    );
  });
});

describe('nextWorkingDayStart', () => {
  it.each([
    ['skips the holiday after a working moment', '2026-01-05T09:00:00.000Z', '2026-01-07T08:00:00.000Z'],
    ['is a later date even before opening', '2026-01-07T06:00:00.000Z', '2026-01-08T08:00:00.000Z'],
    ['skips the weekend', '2026-01-09T10:00:00.000Z', '2026-01-12T08:00:00.000Z'],
  ])('%s', (_, from, expected) => {
    expect(iso(nextWorkingDayStart(berlin, at(from)))).toBe(expected);
  });

  it('uses the local date: 20:00Z Monday is already Tuesday in Kolkata', () => {
    expect(iso(nextWorkingDayStart(kolkata, at('2026-01-05T20:00:00.000Z')))).toBe(
      '2026-01-07T03:30:00.000Z',
    );
  });

  it('throws when the calendar has no working window', () => {
    expect(() => nextWorkingDayStart(closed, at('2026-01-05T09:00:00.000Z'))).toThrow(/400 days/);
  });
});

describe('addBusinessMinutes', () => {
  it.each([
    ['inside a window', '2026-01-05T08:00:00.000Z', 60, '2026-01-05T09:00:00.000Z'],
    ['over the daily break', '2026-01-05T10:30:00.000Z', 60, '2026-01-05T12:30:00.000Z'],
    ['up to closing exactly', '2026-01-09T15:00:00.000Z', 60, '2026-01-09T16:00:00.000Z'],
    ['overnight across the weekend', '2026-01-09T15:00:00.000Z', 120, '2026-01-12T09:00:00.000Z'],
    [
      'from a Saturday, counting from Monday opening',
      '2026-01-10T10:00:00.000Z',
      30,
      '2026-01-12T08:30:00.000Z',
    ],
    ['over a holiday', '2026-01-05T15:00:00.000Z', 90, '2026-01-07T08:30:00.000Z'],
    ['zero minutes returns from, even off hours', '2026-01-10T10:00:00.000Z', 0, '2026-01-10T10:00:00.000Z'],
    ['fractional minutes', '2026-01-05T08:00:00.000Z', 0.5, '2026-01-05T08:00:30.000Z'],
  ])('Berlin %s', (_, from, minutes, expected) => {
    expect(iso(addBusinessMinutes(berlin, at(from), minutes))).toBe(expected);
  });

  it('counts in New York hours (Friday 16:30 EST + 60 -> Monday 09:30 EST)', () => {
    expect(iso(addBusinessMinutes(newYork, at('2026-01-09T21:30:00.000Z'), 60))).toBe(
      '2026-01-12T14:30:00.000Z',
    );
  });

  it('rejects negative minutes and an empty calendar', () => {
    expect(() => addBusinessMinutes(berlin, at('2026-01-05T08:00:00.000Z'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(closed, at('2026-01-05T08:00:00.000Z'), 10)).toThrow(/400 days/);
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['inside one window', '2026-01-05T08:00:00.000Z', '2026-01-05T10:00:00.000Z', 120],
    ['a whole day less the break', '2026-01-05T00:00:00.000Z', '2026-01-05T23:00:00.000Z', 420],
    ['Friday afternoon to Monday morning', '2026-01-09T15:00:00.000Z', '2026-01-12T09:00:00.000Z', 120],
    ['a week with a holiday', '2026-01-05T00:00:00.000Z', '2026-01-12T00:00:00.000Z', 4 * 420],
    ['half a minute', '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:30.000Z', 0.5],
    ['a weekend', '2026-01-10T00:00:00.000Z', '2026-01-12T00:00:00.000Z', 0],
    ['to before from', '2026-01-05T10:00:00.000Z', '2026-01-05T09:00:00.000Z', 0],
  ])('Berlin %s', (_, from, to, expected) => {
    expect(businessMinutesBetween(berlin, at(from), at(to))).toBe(expected);
  });

  it('counts a Kolkata day (UTC+5:30) in full', () => {
    expect(
      businessMinutesBetween(kolkata, at('2026-01-05T00:00:00.000Z'), at('2026-01-06T00:00:00.000Z')),
    ).toBe(480);
  });
});

describe('daylight-saving change days', () => {
  const nySunday = calendar('America/New_York', { days: [7], start: '01:00', end: '04:00' });
  const berlinSunday = calendar('Europe/Berlin', { days: [7], start: '01:00', end: '04:00' });
  const berlinAlways = calendar('Europe/Berlin', { days: EVERY_DAY, start: '00:00', end: '24:00' });

  it('New York spring forward (2026-03-08): 01:00-04:00 lasts two real hours', () => {
    expect(
      businessMinutesBetween(nySunday, at('2026-03-01T00:00:00.000Z'), at('2026-03-02T00:00:00.000Z')),
    ).toBe(180);
    expect(
      businessMinutesBetween(nySunday, at('2026-03-08T00:00:00.000Z'), at('2026-03-09T00:00:00.000Z')),
    ).toBe(120);
    expect(iso(addBusinessMinutes(nySunday, at('2026-03-08T06:00:00.000Z'), 120))).toBe(
      '2026-03-08T08:00:00.000Z',
    );
    expect(isWorkingTime(nySunday, at('2026-03-08T08:00:00.000Z'))).toBe(false);
  });

  it('Berlin fall back (2026-10-25): 01:00-04:00 lasts four real hours, opening on the previous UTC date', () => {
    expect(isWorkingTime(berlinSunday, at('2026-10-24T22:59:00.000Z'))).toBe(false);
    expect(isWorkingTime(berlinSunday, at('2026-10-24T23:00:00.000Z'))).toBe(true);
    expect(iso(nextWorkingTime(berlinSunday, at('2026-10-24T12:00:00.000Z')))).toBe(
      '2026-10-24T23:00:00.000Z',
    );
    expect(iso(addBusinessMinutes(berlinSunday, at('2026-10-24T23:00:00.000Z'), 240))).toBe(
      '2026-10-25T03:00:00.000Z',
    );
  });

  it('an all-day calendar (00:00-24:00) has 25 hours on the fall-back day and 23 on the spring-forward day', () => {
    const day = (from: string, to: string) => businessMinutesBetween(berlinAlways, at(from), at(to));
    expect(day('2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z')).toBe(25 * 60);
    expect(day('2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z')).toBe(23 * 60);
    expect(isWorkingTime(berlinAlways, at('2026-10-25T00:30:00.000Z'))).toBe(true);
  });

  it('weekday hours follow the new offset after the weekend change (Berlin, March 2026)', () => {
    const plain = calendar('Europe/Berlin');
    expect(iso(nextWorkingDayStart(plain, at('2026-03-27T10:00:00.000Z')))).toBe('2026-03-30T07:00:00.000Z');
    expect(
      businessMinutesBetween(plain, at('2026-03-27T15:00:00.000Z'), at('2026-03-30T08:00:00.000Z')),
    ).toBe(120);
  });
});

describe('properties', () => {
  const calendars = fc.constantFrom(
    berlin,
    calendar('America/New_York', { start: '08:30', end: '18:00', holidays: ['2026-11-26', '2026-12-25'] }),
    calendar('Asia/Kolkata', {
      days: [1, 2, 3, 4, 5, 6],
      start: '10:00',
      end: '19:00',
      dailyBreak: { start: '13:30', end: '14:00' },
    }),
    calendar('America/New_York', { days: [7], start: '01:00', end: '04:00' }),
    calendar('Europe/Berlin', { days: EVERY_DAY, start: '00:00', end: '24:00' }),
  );
  const instants = fc.date({
    min: at('2025-01-01T00:00:00.000Z'),
    max: at('2028-01-01T00:00:00.000Z'),
    noInvalidDate: true,
  });

  it('businessMinutesBetween undoes addBusinessMinutes from working time', () => {
    fc.assert(
      fc.property(calendars, instants, fc.integer({ min: 0, max: 20_000 }), (cal, x, minutes) => {
        const from = nextWorkingTime(cal, x);
        const until = addBusinessMinutes(cal, from, minutes);
        expect(Math.abs(businessMinutesBetween(cal, from, until) - minutes)).toBeLessThan(1e-6);
      }),
    );
  });

  it('businessMinutesBetween is additive over a <= b <= c', () => {
    fc.assert(
      fc.property(calendars, fc.array(instants, { minLength: 3, maxLength: 3 }), (cal, dates) => {
        const [a, b, c] = dates.sort((x, y) => x.getTime() - y.getTime()) as [Date, Date, Date];
        const split = businessMinutesBetween(cal, a, b) + businessMinutesBetween(cal, b, c);
        expect(Math.abs(split - businessMinutesBetween(cal, a, c))).toBeLessThan(1e-6);
      }),
    );
  });

  it('nextWorkingTime is working time and never earlier', () => {
    fc.assert(
      fc.property(calendars, instants, (cal, x) => {
        const next = nextWorkingTime(cal, x);
        expect(isWorkingTime(cal, next)).toBe(true);
        expect(next.getTime()).toBeGreaterThanOrEqual(x.getTime());
      }),
    );
  });
});
