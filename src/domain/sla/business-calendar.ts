import { DateTime } from 'luxon';
import type { BusinessHours } from '../partnerships/partnership.js';

/** A partnership's (or a person's) working time: zone + hours (days, start/end, optional dailyBreak, holidays 'YYYY-MM-DD' local dates). */
export interface BusinessCalendar {
  timeZone: string;
  hours: BusinessHours;
}

/** Half-open [start, end) in epoch milliseconds. */
type Span = readonly [start: number, end: number];

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Longer than any real run of non-working days; beyond it the calendar has no working time at all. */
const SEARCH_DAYS = 400;
const NO_SPANS: readonly Span[] = [];

/**
 * Local dates are handled as day numbers (days since 1970-01-01 on the calendar, not instants), so
 * stepping a day and finding its weekday is plain integer arithmetic; only wall-clock -> instant
 * conversions go through luxon.
 */
interface Compiled {
  zone: string;
  days: ReadonlySet<number>;
  holidays: ReadonlySet<string>;
  /** Windows as minutes after local midnight (1440 = the next midnight), break already cut out. */
  parts: readonly (readonly [number, number])[];
  /** Memo of each date's windows as instants: luxon conversions dominate the cost of a long sweep. */
  spans: Map<number, readonly Span[]>;
}

/**
 * Per zone + hours shape, each date's windows as instants. A cache of a pure function (same inputs,
 * same spans), bounded so a long-running process cannot grow it without limit.
 */
const spanMemo = new Map<string, Map<number, readonly Span[]>>();
const MEMO_LIMIT = 20_000;

function parseClock(value: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || !(minutes <= 1440)) {
    throw new Error(`Invalid business-hours time "${value}": expected HH:mm between 00:00 and 24:00.`);
  }
  return minutes;
}

function compile(cal: BusinessCalendar): Compiled {
  const { hours, timeZone } = cal;
  const start = parseClock(hours.start);
  const end = parseClock(hours.end);
  let parts: (readonly [number, number])[] = [[start, end]];
  if (hours.dailyBreak) {
    const pauseStart = parseClock(hours.dailyBreak.start);
    const pauseEnd = parseClock(hours.dailyBreak.end);
    if (pauseStart < pauseEnd) {
      parts = [
        [start, Math.min(pauseStart, end)],
        [Math.max(pauseEnd, start), end],
      ];
    }
  }
  parts = parts.filter(([from, to]) => from < to);
  const key = `${timeZone}|${parts.join(';')}`;
  let spans = spanMemo.get(key);
  if (!spans) {
    if (spanMemo.size >= 1000) spanMemo.clear();
    spans = new Map();
    spanMemo.set(key, spans);
  }
  return { zone: timeZone, days: new Set(hours.days), holidays: new Set(hours.holidays), parts, spans };
}

/**
 * Zone offsets change only on quarter hours (every zone's offset is a multiple of 15 minutes), so the
 * offset found for a quarter hour holds for all of it: one luxon lookup serves many instants.
 */
const QUARTER_MS = 15 * MINUTE_MS;
const offsetMemo = new Map<string, number>();

function localDay(c: Compiled, ms: number): number {
  const quarter = Math.floor(ms / QUARTER_MS);
  const key = `${c.zone}|${quarter}`;
  let offset = offsetMemo.get(key);
  if (offset === undefined) {
    const local = DateTime.fromMillis(quarter * QUARTER_MS, { zone: c.zone });
    if (!local.isValid) throw new Error(`Invalid time zone "${c.zone}" or instant ${ms}.`);
    if (offsetMemo.size >= MEMO_LIMIT) offsetMemo.clear();
    offset = local.offset;
    offsetMemo.set(key, offset);
  }
  return Math.floor((ms + offset * MINUTE_MS) / DAY_MS);
}

function instant(c: Compiled, day: number, minuteOfDay: number): number {
  // 24:00 becomes the next date's 00:00; luxon resolves DST gaps and overlaps.
  const date = new Date((day + Math.floor(minuteOfDay / 1440)) * DAY_MS);
  const minute = minuteOfDay % 1440;
  return DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minute / 60),
      minute: minute % 60,
    },
    { zone: c.zone },
  ).toMillis();
}

function spansOn(c: Compiled, day: number): readonly Span[] {
  const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
  if (!c.days.has(isoWeekday)) return NO_SPANS;
  if (c.holidays.size > 0 && c.holidays.has(new Date(day * DAY_MS).toISOString().slice(0, 10)))
    return NO_SPANS;
  let spans = c.spans.get(day);
  if (!spans) {
    const built: Span[] = [];
    for (const [from, to] of c.parts) {
      // A window starting inside a DST gap can land after the previous one ends; keep them ordered.
      const start = Math.max(instant(c, day, from), built.at(-1)?.[1] ?? Number.NEGATIVE_INFINITY);
      const end = instant(c, day, to);
      if (start < end) built.push([start, end]);
    }
    if (c.spans.size >= MEMO_LIMIT) c.spans.clear();
    c.spans.set(day, built);
    spans = built;
  }
  return spans;
}

function noWorkingTime(cal: BusinessCalendar, at: number): Error {
  return new Error(
    `No working time within ${SEARCH_DAYS} days of ${new Date(at).toISOString()} in ${cal.timeZone}: ` +
      'check the working days, hours and holidays.',
  );
}

export function isWorkingTime(cal: BusinessCalendar, at: Date): boolean {
  const c = compile(cal);
  const t = at.getTime();
  return spansOn(c, localDay(c, t)).some(([start, end]) => start <= t && t < end);
}

/** `at` itself when it is working time, else the start of the next working window. */
export function nextWorkingTime(cal: BusinessCalendar, at: Date): Date {
  const c = compile(cal);
  const t = at.getTime();
  const first = localDay(c, t);
  for (let day = first; day <= first + SEARCH_DAYS; day++) {
    for (const [start, end] of spansOn(c, day)) {
      if (end > t) return new Date(Math.max(start, t));
    }
  }
  throw noWorkingTime(cal, t);
}

/** The start of the first working window on a later local date than `at` ("tomorrow morning"). */
export function nextWorkingDayStart(cal: BusinessCalendar, at: Date): Date {
  const c = compile(cal);
  const first = localDay(c, at.getTime());
  for (let day = first + 1; day <= first + SEARCH_DAYS; day++) {
    const opening = spansOn(c, day)[0];
    if (opening) return new Date(opening[0]);
  }
  throw noWorkingTime(cal, at.getTime());
}

/** The moment at which `minutes` business minutes have elapsed since `from` (counting starts at the next working time; 0 minutes returns `from`). */
export function addBusinessMinutes(cal: BusinessCalendar, from: Date, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Business minutes must be a finite number >= 0, got ${minutes}.`);
  }
  const t = from.getTime();
  if (minutes === 0) return new Date(t);
  const c = compile(cal);
  let remaining = minutes * MINUTE_MS;
  let idleDays = 0;
  for (let day = localDay(c, t); ; day++) {
    const spans = spansOn(c, day);
    if (spans.length === 0 && ++idleDays > SEARCH_DAYS) throw noWorkingTime(cal, t);
    if (spans.length > 0) idleDays = 0;
    for (const [start, end] of spans) {
      if (end <= t) continue;
      const begin = Math.max(start, t);
      if (remaining <= end - begin) return new Date(Math.round(begin + remaining));
      remaining -= end - begin;
    }
  }
}

/** Business minutes between two moments (0 when to <= from); may be fractional. */
export function businessMinutesBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  const c = compile(cal);
  const last = localDay(c, b);
  let total = 0;
  for (let day = localDay(c, a); day <= last; day++) {
    for (const [start, end] of spansOn(c, day)) {
      const overlap = Math.min(end, b) - Math.max(start, a);
      if (overlap > 0) total += overlap;
    }
  }
  return total / MINUTE_MS;
}
