import { CronExpressionParser } from 'cron-parser';
import { IANAZone } from 'luxon';

/** When a partnership's digest is posted: a five-field cron expression read in a time zone. */
export interface DigestSchedule {
  cron: string;
  timeZone: string;
}

/** Weekly, Monday 09:00 in the partnership's zone. */
export const DEFAULT_DIGEST_CRON = '0 9 * * 1';

export type ScheduleProblem = { field: 'cron' | 'timeZone'; message: string };

/**
 * Each step of cron-parser in a zone costs about a millisecond (luxon), and at a busy slot many
 * partnerships share one schedule, so results are cached per schedule and instant (pure, bounded).
 */
const slotMemo = new Map<string, Date>();
const MEMO_LIMIT = 10_000;

function memoised(kind: 'before' | 'after', schedule: DigestSchedule, at: Date, compute: () => Date): Date {
  const key = `${kind}|${schedule.cron}|${schedule.timeZone}|${at.getTime()}`;
  let slot = slotMemo.get(key);
  if (!slot) {
    if (slotMemo.size >= MEMO_LIMIT) slotMemo.clear();
    slot = compute();
    slotMemo.set(key, slot);
  }
  return new Date(slot);
}

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
  let minutes: readonly unknown[];
  try {
    const expression = parse(schedule, now);
    // Parsing alone accepts dates that never come (30 February): there must be a next slot.
    expression.next();
    minutes = expression.fields.minute.values;
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Constraint error, /, '') : '';
    return { field: 'cron', message: `Not a schedule Rapport can read (${detail}). Example: “0 9 * * 1”.` };
  }
  // Two minutes in the hour fire twice in any hour that matches; one minute is at most hourly.
  if (minutes.length > 1) {
    return { field: 'cron', message: 'Post a digest at most once an hour, such as “0 9 * * 1-5”.' };
  }
  return null;
}

/** The latest slot at or before `at`. */
export function slotAtOrBefore(schedule: DigestSchedule, at: Date): Date {
  return memoised('before', schedule, at, () => {
    // cron-parser's prev() is strictly before its start, so start one millisecond after `at`. Looking
    // back across a spring-forward gap it can land a day early (cron-parser #378), so walk forward
    // from there while the next slot is still at or before `at`.
    let slot = parse(schedule, new Date(at.getTime() + 1))
      .prev()
      .toDate();
    for (let next = slotAfter(schedule, slot); next <= at; next = slotAfter(schedule, slot)) slot = next;
    return slot;
  });
}

/** The first slot strictly after `at`. */
export function slotAfter(schedule: DigestSchedule, at: Date): Date {
  return memoised('after', schedule, at, () => parse(schedule, at).next().toDate());
}

/** The next `count` slots after `at`, for previews. */
export function slotsAfter(schedule: DigestSchedule, at: Date, count: number): Date[] {
  const expression = parse(schedule, at);
  return Array.from({ length: count }, () => expression.next().toDate());
}
