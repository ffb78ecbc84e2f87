import { DateTime } from 'luxon';
import { type BusinessCalendar, nextWorkingDayStart, nextWorkingTime } from '../sla/business-calendar.js';

export const SNOOZE_CHOICES = ['hour', 'tomorrow', 'date'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/**
 * When a snooze ends, in the snoozer's own working time: an hour from now, the start of their next
 * working day, or the start of work on a chosen date ('YYYY-MM-DD').
 */
export function snoozeUntil(
  choice: SnoozeChoice,
  date: string | null,
  cal: BusinessCalendar,
  now: Date,
): Date {
  if (choice === 'hour') return new Date(now.getTime() + 60 * 60_000);
  if (choice === 'tomorrow' || date === null) return nextWorkingDayStart(cal, now);
  return nextWorkingTime(cal, DateTime.fromISO(date, { zone: cal.timeZone }).startOf('day').toJSDate());
}
