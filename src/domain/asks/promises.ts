import { DateTime } from 'luxon';
import type { Ask, AskStatus } from './ask.js';
import { isClosed } from './lifecycle.js';

/** A promise on an ask that was withdrawn or declined was released: neither kept nor missed. */
const RELEASED: AskStatus[] = ['withdrawn', 'declined'];

/** When the ask last moved into `status`, if it ever did. */
export function lastStatusChange(a: Ask, status: AskStatus): Date | null {
  return a.history.findLast((h) => h.action === 'status' && h.to === status)?.at ?? null;
}

/**
 * The end of a promised day ('YYYY-MM-DD') in `timeZone`. Zone conversions are the costly part of a
 * digest, so each date is converted once per returned function.
 */
export function endOfDayIn(timeZone: string): (date: string) => Date {
  const ends = new Map<string, Date>();
  return (date) => {
    let end = ends.get(date);
    if (!end) {
      end = DateTime.fromISO(date, { zone: timeZone }).endOf('day').toJSDate();
      ends.set(date, end);
    }
    return end;
  };
}

/**
 * The promises whose day ended in the period (start inclusive, end exclusive). Kept when the ask was
 * delivered (closed, and not released) by the end of its promised day; missed when it was still open
 * then, or closed late.
 */
export function promisesDueIn(
  asks: readonly Ask[],
  period: { start: Date; end: Date },
  endOfDay: (date: string) => Date,
): { kept: Ask[]; missed: Ask[] } {
  const due = asks.filter((a) => {
    if (a.promisedDate === null || RELEASED.includes(a.status)) return false;
    const end = endOfDay(a.promisedDate);
    return end >= period.start && end < period.end;
  });
  const kept = (a: Ask) => {
    const done = isClosed(a.kind, a.status) ? lastStatusChange(a, a.status) : null;
    return done !== null && done <= endOfDay(a.promisedDate as string);
  };
  return { kept: due.filter(kept), missed: due.filter((a) => !kept(a)) };
}
