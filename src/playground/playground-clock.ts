import { DateTime } from 'luxon';
import type { Clock } from '../domain/ports.js';

/** Real time moved forward by the visitor's time travel: jobs and rules see the moved time. */
export class PlaygroundClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves to `at` (never backwards: stored records would then lie in the future). */
  travelTo(at: Date): void {
    this.offsetMs = Math.max(this.offsetMs, at.getTime() - Date.now());
  }
}

export const TRAVELS = ['+1 hour', 'next working morning', 'next Monday 09:00'] as const;
export type Travel = (typeof TRAVELS)[number];

/** Where a travel lands from `now`, working days and mornings read in `zone` (the vendor owner's). */
export function travelTarget(travel: Travel, now: Date, zone: string): Date {
  const local = DateTime.fromJSDate(now, { zone });
  if (travel === '+1 hour') return local.plus({ hours: 1 }).toJSDate();
  if (travel === 'next Monday 09:00') {
    const days = (8 - local.weekday) % 7 || 7;
    return local.plus({ days }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  }
  let morning = local.plus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 });
  while (morning.weekday > 5) morning = morning.plus({ days: 1 });
  return morning.toJSDate();
}
