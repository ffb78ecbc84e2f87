import { DateTime } from 'luxon';
import { fail, ok, type Result } from '../result.js';

/** A report covers [start, end): whole local days, months or quarters in the partnership's time zone. */
export interface ReportPeriod {
  start: Date;
  end: Date;
  /** 'the last 30 days', 'November 2026', 'Q4 2026', '2 Nov 2026 – 6 Nov 2026'. */
  label: string;
  /** The period was still running: it was cut at the moment the report was made. */
  toDate: boolean;
}

export type PeriodError =
  /** Not a period this command understands. */
  | { code: 'unknown'; input: string }
  /** Looks like a date but is none: 2026-13, 2026-02-30, 2026-Q5. */
  | { code: 'no_such_date'; input: string }
  /** A range whose end comes before its start. */
  | { code: 'reversed'; input: string }
  | { code: 'too_long'; days: number }
  /** The whole period lies ahead. */
  | { code: 'future'; start: Date; label: string };

export const DEFAULT_PERIOD_DAYS = 30;
/** A report reads every ask changed since its start; a year is as far back as one goes. */
export const MAX_PERIOD_DAYS = 366;

type Span = { start: DateTime; end: DateTime; label: string };

/** Labels read the same whatever the server's locale. */
const LABEL_LOCALE = 'en-US';
const dateLabel = (d: DateTime) => d.toFormat('d LLL yyyy');

/**
 * Reads the period argument of `/rapport report`, in `timeZone`: empty (the last 30 days), `7d`,
 * `last 90 days`, `this|last week|month|quarter`, `YYYY`, `YYYY-MM`, `YYYY-Qn`, or
 * `YYYY-MM-DD..YYYY-MM-DD` (both days included). Weeks start on Monday. A period that is still running
 * ends now; one that has not started is refused.
 */
export function parseReportPeriod(
  text: string,
  now: Date,
  timeZone: string,
): Result<ReportPeriod, PeriodError> {
  const input = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const here = DateTime.fromJSDate(now, { zone: timeZone }).setLocale(LABEL_LOCALE);
  const span = readSpan(input, here);
  if (!span.ok) return fail('input' in span.error ? { ...span.error, input: text.trim() } : span.error);
  const { start, end, label } = span.value;
  if (!start.isValid || !end.isValid) return fail({ code: 'no_such_date', input: text.trim() });
  if (end <= start) return fail({ code: 'reversed', input: text.trim() });
  const days = Math.round(end.diff(start, 'days').days);
  if (days > MAX_PERIOD_DAYS) return fail({ code: 'too_long', days });
  if (start >= here) return fail({ code: 'future', start: start.toJSDate(), label });
  const toDate = end > here;
  return ok({ start: start.toJSDate(), end: (toDate ? here : end).toJSDate(), label, toDate });
}

function readSpan(input: string, here: DateTime): Result<Span, PeriodError> {
  const rolling = /^(?:(\d{1,4}) ?d|last (\d{1,4}) days?)$/.exec(input);
  if (input === '' || rolling) {
    const days = input === '' ? DEFAULT_PERIOD_DAYS : Number(rolling?.[1] ?? rolling?.[2]);
    if (days > MAX_PERIOD_DAYS) return fail({ code: 'too_long', days });
    if (days < 1) return fail({ code: 'unknown', input });
    // Calendar days in the zone: across a daylight-saving change a day is 23 or 25 hours.
    return ok({ start: here.minus({ days }), end: here, label: `the last ${days} days` });
  }
  const relative = /^(this|last) (week|month|quarter)$/.exec(input);
  if (relative) {
    const unit = relative[2] as 'week' | 'month' | 'quarter';
    const start = here.startOf(unit).minus(relative[1] === 'last' ? { [`${unit}s`]: 1 } : {});
    return ok(unitSpan(start, unit));
  }
  const year = /^(\d{4})$/.exec(input);
  if (year) return ok(unitSpan(local(here, Number(year[1]), 1, 1), 'year'));
  const month = /^(\d{4})-(\d{2})$/.exec(input);
  if (month) return ok(unitSpan(local(here, Number(month[1]), Number(month[2]), 1), 'month'));
  const quarter = /^(\d{4})-q(\d)$/.exec(input);
  if (quarter) {
    const q = Number(quarter[2]);
    if (q < 1 || q > 4) return fail({ code: 'no_such_date', input });
    return ok(unitSpan(local(here, Number(quarter[1]), 3 * q - 2, 1), 'quarter'));
  }
  const range = /^(\d{4})-(\d{2})-(\d{2}) ?\.\. ?(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (range) {
    const [from, to] = [1, 4].map((i) =>
      local(here, Number(range[i]), Number(range[i + 1]), Number(range[i + 2])),
    ) as [DateTime, DateTime];
    if (from.isValid && to.isValid && to < from) return fail({ code: 'reversed', input });
    const label = `${dateLabel(from)} – ${dateLabel(to)}`;
    return ok({ start: from, end: to.plus({ days: 1 }), label });
  }
  return fail({ code: 'unknown', input });
}

/** Midnight of a local date; invalid (not thrown) when there is no such date. */
const local = (here: DateTime, year: number, month: number, day: number) =>
  DateTime.fromObject({ year, month, day }, { zone: here.zone, locale: LABEL_LOCALE });

function unitSpan(start: DateTime, unit: 'week' | 'month' | 'quarter' | 'year'): Span {
  const end = start.plus({ [`${unit}s`]: 1 });
  const label = {
    week: () => `the week of ${dateLabel(start)}`,
    month: () => start.toFormat('LLLL yyyy'),
    quarter: () => `Q${start.quarter} ${start.year}`,
    year: () => String(start.year),
  }[unit]();
  return { start, end, label };
}
