import { DateTime } from 'luxon';
import type { Side } from '../actors.js';
import { type Ask, type AskStatus, owingSide } from '../asks/ask.js';
import { isClosed } from '../asks/lifecycle.js';
import type { TrackedMessage } from '../conversations/tracked-message.js';
import type { Target } from '../follow-ups/follow-up.js';
import type { Partnership } from '../partnerships/partnership.js';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  nextWorkingTime,
} from './business-calendar.js';

/** What someone owes on a subject right now, on the partnership's business clock. */
export interface Obligation {
  ownerId: string;
  side: Side;
  target: Target;
  /** null while the clock is paused (the ask waits on the other side). */
  dueAt: Date | null;
  /** When the owner gets a heads-up that the target is near; equal to dueAt when there is none. */
  warnAt: Date | null;
  /** The subject settles itself at the due time (an approval expires): the heads-up is the only reminder. */
  endsAtDue?: true;
}

/** Part of the target that has run when the heads-up goes out. */
const WARN_FRACTION = 0.8;

/** The status in which an ask waits on the side that is owed, so the owing side's clock stops. */
export const PAUSED_IN: Record<Ask['kind'], AskStatus | null> = {
  help: 'waiting_on_customer',
  enhancement: null,
  vendor: 'waiting_on_vendor',
};

/** History actions of the owing side that count as a response the other side can see. */
const RESPONSES = new Set(['status', 'note', 'details', 'promised_date']);

/** The partnership's business hours, in its own zone or in a person's (their working time). */
export const calendarOf = (p: Partnership, timeZone: string | null = null): BusinessCalendar => ({
  timeZone: timeZone ?? p.timeZone,
  hours: p.businessHours,
});

/** null when nothing is owed: the ask is closed, or it owes nothing more (an acknowledged enhancement). */
export function askObligation(ask: Ask, p: Partnership): Obligation | null {
  if (isClosed(ask.kind, ask.status)) return null;
  const cal = calendarOf(p);
  const side = owingSide(ask.kind);
  const responses = responsesTo(ask);
  const firstResponse = responses.length > 0 ? min(responses) : null;
  const running = runningIntervals(ask);
  const owe = (target: Target, since: Date, minutes: number) => ({
    target,
    dueAt: deadline(cal, clip(running, since), minutes),
    warnAt: deadline(cal, clip(running, since), minutes * WARN_FRACTION),
  });
  const paused = running.at(-1)?.to !== null;
  const base = { ownerId: ask.ownerId, side };

  if (ask.kind === 'vendor' && ask.content.dueDate) {
    const due = endOfWorkingDay(cal, ask.content.dueDate);
    return { ...base, target: 'due_date', dueAt: paused ? null : due.end, warnAt: paused ? null : due.start };
  }
  const urgency = ask.kind === 'help' ? (ask.content.urgency ?? 'normal') : 'normal';
  if (firstResponse === null)
    return { ...base, ...owe('first_response', ask.createdAt, p.sla.firstResponse[urgency]) };
  if (ask.kind !== 'help') return null;
  const update = owe('update', max(responses), p.sla.updateEvery);
  const resolution = owe('resolution', ask.createdAt, p.sla.resolution);
  const sooner = (update.dueAt?.getTime() ?? 0) <= (resolution.dueAt?.getTime() ?? 0) ? update : resolution;
  return { ...base, ...sooner };
}

/** When the owing side answered the ask in a way the other side can see: changes, notes, thread replies. */
function responsesTo(ask: Ask): Date[] {
  const side = owingSide(ask.kind);
  const responses = ask.history
    .slice(1)
    .filter((h) => h.by.side === side && RESPONSES.has(h.action))
    .map((h) => h.at);
  if (ask.threadReplies) responses.push(ask.threadReplies.firstAt, ask.threadReplies.lastAt);
  return responses;
}

/** The owing side's first visible response to the ask, if any yet. */
export function firstResponseAt(ask: Ask): Date | null {
  const responses = responsesTo(ask);
  return responses.length > 0 ? min(responses) : null;
}

/** A customer message is owed a vendor reply within the normal first-response target; no heads-up. */
export function messageObligation(message: TrackedMessage, p: Partnership): Obligation | null {
  if (message.closed) return null;
  const dueAt = addBusinessMinutes(calendarOf(p), message.postedAt, p.sla.firstResponse.normal);
  return { ownerId: message.ownerId, side: 'vendor', target: 'reply', dueAt, warnAt: dueAt };
}

/** A stretch of time the owing side's clock ran; `to` is null while it still runs. */
export interface Interval {
  from: Date;
  to: Date | null;
}

/** Where the owing side's clock ran: from creation, minus the stretches spent waiting on the other side. */
function runningIntervals(ask: Ask): Interval[] {
  const pausedIn = PAUSED_IN[ask.kind];
  const intervals: Interval[] = [];
  let runningSince: Date | null = ask.createdAt;
  for (const h of ask.history) {
    if (h.action !== 'status') continue;
    const pausedNow = h.to === pausedIn;
    if (pausedNow && runningSince) {
      intervals.push({ from: runningSince, to: h.at });
      runningSince = null;
    } else if (!pausedNow && !runningSince) runningSince = h.at;
  }
  if (runningSince) intervals.push({ from: runningSince, to: null });
  return intervals;
}

function clip(intervals: Interval[], since: Date): Interval[] {
  return intervals
    .filter((i) => i.to === null || i.to > since)
    .map((i) => (i.from < since ? { ...i, from: since } : i));
}

/** When `minutes` of business time have run over the intervals; null when the clock stops before that. */
function deadline(cal: BusinessCalendar, intervals: Interval[], minutes: number): Date | null {
  let remaining = minutes;
  for (const { from, to } of intervals) {
    if (to === null) return addBusinessMinutes(cal, from, remaining);
    const ran = businessMinutesBetween(cal, from, to);
    if (ran >= remaining) return addBusinessMinutes(cal, from, remaining);
    remaining -= ran;
  }
  return null;
}

/** A due date means by the end of that working day, in the partnership's zone; the heads-up is its morning. */
function endOfWorkingDay(cal: BusinessCalendar, date: string): { start: Date; end: Date } {
  const day = DateTime.fromISO(date, { zone: cal.timeZone });
  const [hour, minute] = cal.hours.end.split(':').map(Number);
  const end = day.set({ hour, minute }).toJSDate();
  return { start: nextWorkingTime(cal, day.toJSDate()), end };
}

const min = (dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));
const max = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));
