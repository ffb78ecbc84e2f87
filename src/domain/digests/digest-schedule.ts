import { CronExpressionParser } from 'cron-parser';
import { IANAZone } from 'luxon';

/** When a partnership's digest is posted: a five-field cron expression read in a time zone. */
export interface DigestSchedule {
  cron: string;
  timeZone: string;
}

/** Weekly, Monday 09:00 in the partnership's zone. */
export const DEFAULT_DIGEST_CRON = '0 9 * * 1';

/** A digest more often than this would bury the channel it is meant to summarise. */
export const MIN_DIGEST_INTERVAL_MINUTES = 60;

export type ScheduleProblem = { field: 'cron' | 'timeZone'; message: string };

const MINUTE_MS = 60_000;
/** Enough consecutive slots to see the shortest gap of any five-field expression (it repeats hourly at most). */
const GAP_SAMPLE = 48;

const parse = (schedule: DigestSchedule, currentDate: Date) =>
  CronExpressionParser.parse(schedule.cron, { currentDate, tz: schedule.timeZone });

/** Null when the schedule can be used; otherwise what is wrong, in words a user can act on. */
export function checkSchedule(schedule: DigestSchedule, now: Date): ScheduleProblem | null {
  if (!IANAZone.isValidZone(schedule.timeZone)) {
    return { field: 'timeZone', message: 'Use a time zone name such as Europe/Berlin or America/New_York.' };
  }
  const fields = schedule.cron.trim().split(/\s+/);
  if (fields.length !== 5) {
    return {
      field: 'cron',
      message: `Write five fields, minute hour day-of-month month weekday, such as “${DEFAULT_DIGEST_CRON}” (Mondays at 09:00).`,
    };
  }
  let slots: Date[];
  try {
    const expression = parse(schedule, now);
    slots = Array.from({ length: GAP_SAMPLE }, () => expression.next().toDate());
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Constraint error, /, '') : '';
    return { field: 'cron', message: `Not a schedule Rapport can read (${detail}). Example: “0 9 * * 1”.` };
  }
  const gaps = slots.slice(1).map((slot, i) => slot.getTime() - (slots[i] as Date).getTime());
  if (Math.min(...gaps) < MIN_DIGEST_INTERVAL_MINUTES * MINUTE_MS) {
    return { field: 'cron', message: 'Post a digest at most once an hour, such as “0 9 * * 1-5”.' };
  }
  return null;
}

/** The latest slot at or before `at`. */
export function slotAtOrBefore(schedule: DigestSchedule, at: Date): Date {
  // cron-parser's prev() is strictly before its start, so start one millisecond after `at`.
  return parse(schedule, new Date(at.getTime() + 1))
    .prev()
    .toDate();
}

/** The first slot strictly after `at`. */
export function slotAfter(schedule: DigestSchedule, at: Date): Date {
  return parse(schedule, at).next().toDate();
}

/** The next `count` slots after `at`, for previews. */
export function slotsAfter(schedule: DigestSchedule, at: Date, count: number): Date[] {
  const expression = parse(schedule, at);
  return Array.from({ length: count }, () => expression.next().toDate());
}
