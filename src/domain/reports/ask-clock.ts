import type { Ask, AskStatus } from '../asks/ask.js';
import { isClosed } from '../asks/lifecycle.js';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  nextWorkingTime,
} from '../sla/business-calendar.js';
import { type Interval, PAUSED_IN } from '../sla/obligation.js';

/**
 * Where the owing side's clock ran: from creation, except while the ask waited on the other side or
 * was closed (a reopened ask's clock runs again from the reopening).
 */
export function runningIntervals(ask: Ask): Interval[] {
  const stopped = (status: AskStatus) => status === PAUSED_IN[ask.kind] || isClosed(ask.kind, status);
  const intervals: Interval[] = [];
  let since: Date | null = null;
  for (const h of ask.history) {
    if (h.action !== 'created' && h.action !== 'status') continue;
    const stopsNow = stopped(h.to as AskStatus);
    if (stopsNow && since) {
      intervals.push({ from: since, to: h.at });
      since = null;
    } else if (!stopsNow && !since) since = h.at;
  }
  if (since) intervals.push({ from: since, to: null });
  return intervals;
}

/** Business minutes the clock ran over the intervals up to `until`. */
export function runningMinutes(cal: BusinessCalendar, intervals: Interval[], until: Date): number {
  return intervals.reduce((total, { from, to }) => {
    const end = to === null || to > until ? until : to;
    return total + businessMinutesBetween(cal, from, end);
  }, 0);
}

/**
 * The moment the running clock went past `minutes` of business time, or null when it has not (yet):
 * reaching the target exactly as the clock stops (resolved on the minute) meets it.
 */
export function targetPassedAt(cal: BusinessCalendar, intervals: Interval[], minutes: number): Date | null {
  let remaining = minutes;
  for (const { from, to } of intervals) {
    const ran = to === null ? Number.POSITIVE_INFINITY : businessMinutesBetween(cal, from, to);
    if (ran > remaining) {
      return remaining === 0 ? nextWorkingTime(cal, from) : addBusinessMinutes(cal, from, remaining);
    }
    remaining -= ran;
  }
  return null;
}
