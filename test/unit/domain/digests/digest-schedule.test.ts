import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  checkSchedule,
  type DigestSchedule,
  slotAfter,
  slotAtOrBefore,
  slotsAfter,
} from '../../../../src/domain/digests/digest-schedule.js';

const MINUTE_MS = 60_000;
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();
const schedule = (cron: string, timeZone: string): DigestSchedule => ({ cron, timeZone });
const wallClock = (date: Date, timeZone: string) =>
  DateTime.fromJSDate(date, { zone: timeZone }).toFormat('yyyy-MM-dd HH:mm');

/** 'MM-DDTHH:mm' in 2026, UTC, as an ISO string. */
const utc = (short: string) => `2026-${short}:00.000Z`;

/**
 * What a scheduler ticking every minute posts, the way takeDueDigests does: once the next slot is due,
 * it takes the slot at or before the tick and moves on to the slot after the tick. A slot is posted at
 * most once (its record id is unique), so a slot taken twice collapses into one post.
 */
function postedSlots(s: DigestSchedule, from: Date, to: Date): string[] {
  const posted = new Set<string>();
  let nextAt = slotAfter(s, from);
  for (let t = from.getTime(); t <= to.getTime(); t += MINUTE_MS) {
    if (t < nextAt.getTime()) continue;
    posted.add(iso(slotAtOrBefore(s, new Date(t))));
    nextAt = slotAfter(s, new Date(t));
  }
  return [...posted];
}

/** Ticks from midnight UTC of `fromDay` to an hour past the last expected slot. */
function expectPosted(s: DigestSchedule, fromDay: string, expected: string[]) {
  const until = new Date(at(utc(expected.at(-1) as string)).getTime() + 60 * MINUTE_MS);
  expect(postedSlots(s, at(`${fromDay}T00:00:00.000Z`), until)).toEqual(expected.map(utc));
}

describe('digest slots', () => {
  it.each([
    // Berlin: UTC+1 in winter, UTC+2 in summer.
    ['Europe/Berlin', '2026-01-01', ['01-05T08:00', '01-12T08:00']],
    ['Europe/Berlin', '2026-07-01', ['07-06T07:00', '07-13T07:00']],
    // New York: UTC-5 in winter, UTC-4 in summer.
    ['America/New_York', '2026-01-01', ['01-05T14:00', '01-12T14:00']],
    ['America/New_York', '2026-07-01', ['07-06T13:00', '07-13T13:00']],
    // Kolkata: UTC+5:30 all year.
    ['Asia/Kolkata', '2026-01-01', ['01-05T03:30', '01-12T03:30']],
    ['Asia/Kolkata', '2026-07-01', ['07-06T03:30', '07-13T03:30']],
    // Sydney: summer time (UTC+11) in January, UTC+10 in July; Monday 09:00 there is still Sunday in UTC.
    ['Australia/Sydney', '2026-01-01', ['01-04T22:00', '01-11T22:00']],
    ['Australia/Sydney', '2026-07-01', ['07-05T23:00', '07-12T23:00']],
  ])('reads Monday 09:00 in %s (from %s)', (timeZone, from, expected) => {
    const slots = slotsAfter(schedule('0 9 * * 1', timeZone), at(`${from}T00:00:00.000Z`), 2);
    expect(slots.map(iso)).toEqual(expected.map(utc));
    expect(slots.map((slot) => wallClock(slot, timeZone).slice(11))).toEqual(['09:00', '09:00']);
  });

  it('returns the slot itself at exactly a slot, and the one before a millisecond earlier', () => {
    const weekly = schedule('0 9 * * 1', 'Europe/Berlin');
    expect(iso(slotAtOrBefore(weekly, at('2026-11-23T08:00:00.000Z')))).toBe('2026-11-23T08:00:00.000Z');
    expect(iso(slotAtOrBefore(weekly, at('2026-11-23T07:59:59.999Z')))).toBe('2026-11-16T08:00:00.000Z');
  });

  it('gives the next slot after a slot, and that slot itself a millisecond before it', () => {
    const weekly = schedule('0 9 * * 1', 'Europe/Berlin');
    expect(iso(slotAfter(weekly, at('2026-11-23T08:00:00.000Z')))).toBe('2026-11-30T08:00:00.000Z');
    expect(iso(slotAfter(weekly, at('2026-11-23T07:59:59.999Z')))).toBe('2026-11-23T08:00:00.000Z');
  });
});

describe('digest slots across daylight-saving changes', () => {
  it.each([
    // Berlin goes back on Sunday 2026-10-25: 09:00 is 07:00Z before, 08:00Z from that day on.
    [
      '0 9 * * *',
      'Europe/Berlin',
      '2026-10-23',
      ['10-23T07:00', '10-24T07:00', '10-25T08:00', '10-26T08:00'],
    ],
    // Berlin goes forward on Sunday 2026-03-29 (weekdays: the Sunday itself is covered below).
    [
      '0 9 * * 1-5',
      'Europe/Berlin',
      '2026-03-26',
      ['03-26T08:00', '03-27T08:00', '03-30T07:00', '03-31T07:00'],
    ],
    // New York: forward on Sunday 2026-03-08, back on Sunday 2026-11-01.
    [
      '0 9 * * 1-5',
      'America/New_York',
      '2026-03-05',
      ['03-05T14:00', '03-06T14:00', '03-09T13:00', '03-10T13:00'],
    ],
    [
      '0 9 * * *',
      'America/New_York',
      '2026-10-31',
      ['10-31T13:00', '11-01T14:00', '11-02T14:00', '11-03T14:00'],
    ],
    // Sydney, southern hemisphere: back on Sunday 2026-04-05 (UTC+11 -> +10), forward on 2026-10-04.
    [
      '0 9 * * *',
      'Australia/Sydney',
      '2026-04-02',
      ['04-02T22:00', '04-03T22:00', '04-04T23:00', '04-05T23:00'],
    ],
    [
      '0 9 * * 1-5',
      'Australia/Sydney',
      '2026-10-01',
      ['10-01T23:00', '10-04T22:00', '10-05T22:00', '10-06T22:00'],
    ],
  ])(
    'keeps "%s" at 09:00 local in %s from %s while the UTC instant moves',
    (cron, timeZone, from, expected) => {
      const slots = slotsAfter(schedule(cron, timeZone), at(`${from}T00:00:00.000Z`), 4);
      expect(slots.map(iso)).toEqual(expected.map(utc));
      expect(new Set(slots.map((slot) => wallClock(slot, timeZone).slice(11)))).toEqual(new Set(['09:00']));
    },
  );

  it('moves a 02:30 slot to 03:30 local on the spring-forward day, where 02:30 does not exist', () => {
    const berlin = slotsAfter(schedule('30 2 * * *', 'Europe/Berlin'), at('2026-03-28T00:00:00.000Z'), 3);
    expect(berlin.map(iso)).toEqual(['03-28T01:30', '03-29T01:30', '03-30T00:30'].map(utc));
    expect(berlin.map((slot) => wallClock(slot, 'Europe/Berlin'))).toEqual([
      '2026-03-28 02:30',
      '2026-03-29 03:30',
      '2026-03-30 02:30',
    ]);
    const newYork = slotsAfter(schedule('30 2 * * *', 'America/New_York'), at('2026-03-07T00:00:00.000Z'), 3);
    expect(newYork.map((slot) => wallClock(slot, 'America/New_York'))).toEqual([
      '2026-03-07 02:30',
      '2026-03-08 03:30',
      '2026-03-09 02:30',
    ]);
  });

  it.each([
    // Berlin 02:30 happens at 00:30Z (summer time) and again at 01:30Z: the first one is posted.
    ['30 2 * * *', 'Europe/Berlin', '2026-10-24', ['10-24T00:30', '10-25T00:30', '10-26T01:30']],
    // New York 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    ['30 1 * * *', 'America/New_York', '2026-10-31', ['10-31T05:30', '11-01T05:30', '11-02T06:30']],
  ])(
    'posts "%s" in %s exactly once on the fall-back day, when that time happens twice',
    (cron, timeZone, from, expected) => {
      expectPosted(schedule(cron, timeZone), from, expected);
    },
  );

  // prev() steps back over a slot of the spring-forward day (cron-parser #378, open in 5.10.5), which
  // would resolve the tick to the previous day's slot, already posted; slotAtOrBefore corrects for it.
  it.each([
    ['Europe/Berlin', '2026-03-28', ['03-28T01:30', '03-29T01:30', '03-30T00:30']],
    ['America/New_York', '2026-03-07', ['03-07T07:30', '03-08T07:30', '03-09T06:30']],
  ])(
    'posts a 02:30 digest once on the spring-forward day in %s, at 03:30 local',
    (timeZone, from, expected) => {
      expectPosted(schedule('30 2 * * *', timeZone), from, expected);
    },
  );

  it('finds the moved 02:30 slot (03:30 local) of the spring-forward day later that day', () => {
    const berlin = schedule('30 2 * * *', 'Europe/Berlin');
    expect(iso(slotAtOrBefore(berlin, at('2026-03-29T12:00:00.000Z')))).toBe(utc('03-29T01:30'));
  });

  it('finds a Sunday 00:00 slot, before the gap, after New York has sprung forward', () => {
    const newYork = schedule('0 0 * * 0', 'America/New_York');
    expect(iso(slotAtOrBefore(newYork, at('2026-03-08T12:00:00.000Z')))).toBe(utc('03-08T05:00'));
  });

  // next() from the day before jumped over the spring-forward Sunday before cron-parser 5.6.0 (#400).
  it.each([
    ['Europe/Berlin', '2026-03-28', ['03-28T08:00', '03-29T07:00', '03-30T07:00']],
    ['America/New_York', '2026-03-07', ['03-07T14:00', '03-08T13:00', '03-09T13:00']],
    ['Australia/Sydney', '2026-10-02', ['10-02T23:00', '10-03T22:00', '10-04T22:00']],
  ])('posts a daily 09:00 digest on the spring-forward Sunday in %s', (timeZone, from, expected) => {
    expectPosted(schedule('0 9 * * *', timeZone), from, expected);
  });
});

describe('checkSchedule', () => {
  const now = at('2026-01-15T12:00:00.000Z');
  const problem = (cron: string, timeZone = 'Europe/Berlin') => checkSchedule(schedule(cron, timeZone), now);

  it.each([
    ['0 9 * * 1', 'Europe/Berlin'],
    ['0 9 * * 1-5', 'America/New_York'],
    ['30 17 * * 5', 'Asia/Kolkata'],
    ['0 * * * *', 'Australia/Sydney'],
    ['15 */2 * * *', 'Europe/Berlin'],
    ['0 9 1 * *', 'Europe/Berlin'],
  ])('accepts "%s" in %s', (cron, timeZone) => {
    expect(problem(cron, timeZone)).toBeNull();
  });

  it.each(['0 9 * *', '0 0 9 * * 1', ''])('asks for five fields, with an example, for "%s"', (cron) => {
    expect(problem(cron)).toEqual({
      field: 'cron',
      message:
        'Write five fields, minute hour day-of-month month weekday, such as “0 9 * * 1” (Mondays at 09:00).',
    });
  });

  it.each([
    ['60 9 * * *', '0-59'],
    ['0 24 * * *', '0-23'],
    ['0 9 32 * *', '1-31'],
    ['0 9 * 13 *', '1-12'],
    ['0 9 * * 8', '0-7'],
  ])('refuses the out-of-range "%s", naming the range %s and giving an example', (cron, range) => {
    const result = problem(cron);
    expect(result?.field).toBe('cron');
    expect(result?.message).toMatch(/^Not a schedule Rapport can read \(/);
    expect(result?.message).toContain(`expected range ${range}`);
    expect(result?.message).toContain('Example: “0 9 * * 1”.');
    expect(result?.message).not.toContain('Constraint error');
  });

  it('refuses words that are not cron fields', () => {
    expect(problem('every day at 9 am')?.message).toMatch(
      /^Not a schedule Rapport can read .*Example: “0 9 \* \* 1”\.$/,
    );
  });

  it.each(['*/30 * * * *', '0,30 9 * * *', '* 9 * * *', '0,59 * * * 1'])(
    'refuses "%s", which posts more often than hourly',
    (cron) => {
      expect(problem(cron)).toEqual({
        field: 'cron',
        message: 'Post a digest at most once an hour, such as “0 9 * * 1-5”.',
      });
    },
  );

  it.each(['Mars/Olympus', 'Europe/Atlantis', ''])(
    'refuses the unknown zone "%s" on the timeZone field',
    (zone) => {
      expect(problem('0 9 * * 1', zone)).toEqual({
        field: 'timeZone',
        message: 'Use a time zone name such as Europe/Berlin or America/New_York.',
      });
    },
  );
});

/** Local dates on which the zone springs forward in 2026 (none in Kolkata). */
const SPRING_FORWARD: Record<string, string | null> = {
  'Europe/Berlin': '2026-03-29',
  'America/New_York': '2026-03-08',
  'Asia/Kolkata': null,
  'Australia/Sydney': '2026-10-04',
};

describe('slot properties', () => {
  const hourlyOrSlower = fc
    .record({
      minute: fc.integer({ min: 0, max: 59 }),
      hour: fc.oneof(fc.constant('*'), fc.integer({ min: 0, max: 23 }).map(String)),
      weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
      timeZone: fc.constantFrom(...Object.keys(SPRING_FORWARD)),
    })
    .map(({ minute, hour, weekdays, timeZone }) =>
      schedule(`${minute} ${hour} * * ${[...weekdays].sort((a, b) => a - b).join(',')}`, timeZone),
    );
  const in2026 = fc.date({
    min: at('2026-01-01T00:00:00.000Z'),
    max: at('2026-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  });

  it('places every instant between the slot at or before it and the slot after it', () => {
    fc.assert(
      fc.property(hourlyOrSlower, in2026, (s, t) => {
        expect(checkSchedule(s, t)).toBeNull();
        const before = slotAtOrBefore(s, t);
        const after = slotAfter(s, t);
        expect(before.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(slotAfter(s, before).getTime()).toBeGreaterThan(t.getTime());
        expect(after.getTime()).toBeGreaterThan(t.getTime());
        expect(iso(slotAtOrBefore(s, after))).toBe(iso(after));
      }),
      { numRuns: 100 },
    );
  });
});
