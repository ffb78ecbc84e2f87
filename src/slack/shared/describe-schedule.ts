import cronstrue from 'cronstrue';
import { DateTime } from 'luxon';
import { checkSchedule, type DigestSchedule, slotsAfter } from '../../domain/digests/digest-schedule.js';

/** 'Mon 23 Nov 2026, 09:00': in the schedule's own zone, which is what its author chose. */
const inZone = (at: Date, timeZone: string) =>
  DateTime.fromJSDate(at, { zone: timeZone }).toFormat('ccc d LLL yyyy, HH:mm');

/**
 * 'At 09:00, only on Monday (Europe/Berlin). Next: Mon 23 Nov 2026, 09:00, then Mon 30 Nov 2026, 09:00.'
 * or, for a schedule that can't be used, what is wrong with it.
 */
export function describeSchedule(schedule: DigestSchedule | null, now: Date): string {
  if (schedule === null) return 'No scheduled digest: post one with `/rapport digest` when you want.';
  const problem = checkSchedule(schedule, now);
  if (problem) return problem.message;
  const words = cronstrue.toString(schedule.cron, { use24HourTimeFormat: true, verbose: false });
  const [next, after] = slotsAfter(schedule, now, 2).map((slot) => inZone(slot, schedule.timeZone));
  return `${words} (${schedule.timeZone}). Next: ${next}, then ${after}.`;
}
