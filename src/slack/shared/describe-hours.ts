import type { BusinessHours, Weekday } from '../../domain/partnerships/partnership.js';

const DAY_NAMES: Record<Weekday, string> = {
  1: 'Mon',
  2: 'Tue',
  3: 'Wed',
  4: 'Thu',
  5: 'Fri',
  6: 'Sat',
  7: 'Sun',
};

/**
 * 'Mon–Fri 09:00–17:00 Europe/Berlin', or with a daily break 'Mon–Fri 09:00–12:00, 13:00–17:00 Europe/Berlin';
 * runs of consecutive days are collapsed.
 */
export function describeHours(hours: BusinessHours, timeZone: string): string {
  const days = [...hours.days].sort((a, b) => a - b);
  const runs: Weekday[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const dayText = runs
    .map((run) => {
      const first = DAY_NAMES[run[0] as Weekday];
      const last = DAY_NAMES[run.at(-1) as Weekday];
      if (run.length === 1) return first;
      return run.length === 2 ? `${first}, ${last}` : `${first}–${last}`;
    })
    .join(', ');
  const pause = hours.dailyBreak;
  const times = pause
    ? `${hours.start}–${pause.start}, ${pause.end}–${hours.end}`
    : `${hours.start}–${hours.end}`;
  return `${dayText} ${times} ${timeZone}`;
}
