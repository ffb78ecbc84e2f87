import { describe, expect, it } from 'vitest';
import { describeHours } from '../../../src/slack/shared/describe-hours.js';

describe('describeHours', () => {
  it('collapses runs of days', () => {
    expect(
      describeHours(
        { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30', dailyBreak: null, holidays: [] },
        'Europe/Berlin',
      ),
    ).toBe('Mon–Fri 09:00–17:30 Europe/Berlin');
    expect(
      describeHours(
        { days: [7, 1, 3, 4, 5], start: '08:00', end: '16:00', dailyBreak: null, holidays: [] },
        'UTC',
      ),
    ).toBe('Mon, Wed–Fri, Sun 08:00–16:00 UTC');
    expect(
      describeHours(
        { days: [6, 7], start: '10:00', end: '14:00', dailyBreak: null, holidays: [] },
        'Asia/Tokyo',
      ),
    ).toBe('Sat, Sun 10:00–14:00 Asia/Tokyo');
  });

  it('splits the day around the daily break', () => {
    expect(
      describeHours(
        {
          days: [1, 2, 3, 4, 5],
          start: '09:00',
          end: '17:00',
          dailyBreak: { start: '12:00', end: '13:00' },
          holidays: ['2026-12-24'],
        },
        'Europe/Berlin',
      ),
    ).toBe('Mon–Fri 09:00–12:00, 13:00–17:00 Europe/Berlin');
  });
});
