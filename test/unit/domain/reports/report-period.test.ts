import { describe, expect, it } from 'vitest';
import { parseReportPeriod } from '../../../../src/domain/reports/report-period.js';

const BERLIN = 'Europe/Berlin';
// Wednesday 18 November 2026, 10:00 UTC = 11:00 in Berlin (winter time, UTC+1).
const NOW = new Date('2026-11-18T10:00:00Z');

const parse = (text: string, now = NOW, zone = BERLIN) => {
  const result = parseReportPeriod(text, now, zone);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  const { start, end, label, toDate } = result.value;
  return { start: start.toISOString(), end: end.toISOString(), label, toDate };
};
const refusal = (text: string, now = NOW) => {
  const result = parseReportPeriod(text, now, BERLIN);
  if (result.ok) throw new Error(`accepted ${text}`);
  return result.error;
};

describe('parseReportPeriod', () => {
  it('defaults to the last 30 days ending now', () => {
    // 11:00 Berlin on 19 October, still summer time (UTC+2).
    expect(parse('')).toEqual({
      start: '2026-10-19T09:00:00.000Z',
      end: '2026-11-18T10:00:00.000Z',
      label: 'the last 30 days',
      toDate: false,
    });
    expect(parse('   ')).toEqual(parse(''));
  });

  it('counts rolling days as calendar days in the zone, across a daylight-saving change', () => {
    // 90 days back from 11:00 Berlin on 18 Nov is 11:00 Berlin on 20 Aug, in summer time (UTC+2).
    expect(parse('90d')).toMatchObject({ start: '2026-08-20T09:00:00.000Z', label: 'the last 90 days' });
    expect(parse('7d').start).toBe('2026-11-11T10:00:00.000Z');
    expect(parse('Last 7 days')).toEqual(parse('7d'));
    expect(parse('30 D')).toEqual(parse(''));
  });

  it('reads calendar months and quarters in the partnership’s zone, cutting the running one at now', () => {
    expect(parse('this month')).toEqual({
      start: '2026-10-31T23:00:00.000Z',
      end: '2026-11-18T10:00:00.000Z',
      label: 'November 2026',
      toDate: true,
    });
    // October 2026 in Berlin: summer time until the 25th, so it starts at 22:00 UTC and ends at 23:00 UTC.
    expect(parse('last month')).toEqual({
      start: '2026-09-30T22:00:00.000Z',
      end: '2026-10-31T23:00:00.000Z',
      label: 'October 2026',
      toDate: false,
    });
    expect(parse('2026-10')).toEqual(parse('last month'));
    expect(parse('this quarter')).toMatchObject({
      start: '2026-09-30T22:00:00.000Z',
      label: 'Q4 2026',
      toDate: true,
    });
    expect(parse('last quarter')).toEqual({
      start: '2026-06-30T22:00:00.000Z',
      end: '2026-09-30T22:00:00.000Z',
      label: 'Q3 2026',
      toDate: false,
    });
    expect(parse('2026-q3')).toEqual(parse('last quarter'));
    expect(parse('2026-Q1')).toMatchObject({
      start: '2025-12-31T23:00:00.000Z',
      end: '2026-03-31T22:00:00.000Z',
    });
    expect(parse('2025')).toMatchObject({
      start: '2024-12-31T23:00:00.000Z',
      end: '2025-12-31T23:00:00.000Z',
    });
  });

  it('takes weeks from Monday', () => {
    expect(parse('this week')).toMatchObject({
      start: '2026-11-15T23:00:00.000Z',
      label: 'the week of 16 Nov 2026',
    });
    expect(parse('last week')).toMatchObject({
      start: '2026-11-08T23:00:00.000Z',
      end: '2026-11-15T23:00:00.000Z',
      toDate: false,
    });
  });

  it('reads a range of local dates with both days included', () => {
    expect(parse('2026-11-02..2026-11-06')).toEqual({
      start: '2026-11-01T23:00:00.000Z',
      end: '2026-11-06T23:00:00.000Z',
      label: '2 Nov 2026 – 6 Nov 2026',
      toDate: false,
    });
    expect(parse('2026-11-02 .. 2026-11-02').end).toBe('2026-11-02T23:00:00.000Z');
    // A range running past now ends now.
    expect(parse('2026-11-16..2026-11-30')).toMatchObject({ end: NOW.toISOString(), toDate: true });
  });

  it('decides “last month” by the calendar in the zone, not in UTC', () => {
    // 00:30 on 1 December in Berlin is still 30 November in UTC.
    const justAfterMidnight = new Date('2026-11-30T23:30:00Z');
    expect(parse('last month', justAfterMidnight).label).toBe('November 2026');
    expect(parse('this month', justAfterMidnight)).toEqual({
      start: '2026-11-30T23:00:00.000Z',
      end: '2026-11-30T23:30:00.000Z',
      label: 'December 2026',
      toDate: true,
    });
    // The same instant in New York (UTC-5) is 18:30 on 30 November.
    expect(parse('last month', justAfterMidnight, 'America/New_York')).toMatchObject({
      start: '2026-10-01T04:00:00.000Z',
      end: '2026-11-01T04:00:00.000Z',
      label: 'October 2026',
    });
  });

  it('refuses what is not a period, dates that do not exist, reversed and overlong ranges', () => {
    expect(refusal('yesterday')).toEqual({ code: 'unknown', input: 'yesterday' });
    expect(refusal('0d')).toEqual({ code: 'unknown', input: '0d' });
    expect(refusal('2026-11-02 to 2026-11-06')).toMatchObject({ code: 'unknown' });
    expect(refusal('2026-13')).toEqual({ code: 'no_such_date', input: '2026-13' });
    expect(refusal('2026-Q5')).toEqual({ code: 'no_such_date', input: '2026-Q5' });
    expect(refusal('2026-02-29..2026-03-01')).toEqual({
      code: 'no_such_date',
      input: '2026-02-29..2026-03-01',
    });
    expect(refusal('2026-11-06..2026-11-02')).toEqual({ code: 'reversed', input: '2026-11-06..2026-11-02' });
    expect(refusal('367d')).toEqual({ code: 'too_long', days: 367 });
    expect(refusal('2025-01-01..2026-06-30')).toEqual({ code: 'too_long', days: 546 });
  });

  it('refuses a period that has not started, and says when it starts', () => {
    expect(refusal('2026-12')).toEqual({
      code: 'future',
      start: new Date('2026-11-30T23:00:00Z'),
      label: 'December 2026',
    });
    expect(refusal('2026-11-19..2026-11-20')).toMatchObject({ code: 'future' });
    // A period starting this very moment has nothing in it yet.
    expect(refusal('this month', new Date('2026-11-30T23:00:00Z'))).toMatchObject({ code: 'future' });
  });
});
