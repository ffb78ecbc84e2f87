/** '2 h 5 min', '3 d 4 h', '45 min': wall-clock time between two moments, at most two units. */
export function describeSpan(ms: number): string {
  const minutes = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts =
    days > 0
      ? [`${days} d`, hours > 0 ? `${hours} h` : '']
      : [hours > 0 ? `${hours} h` : '', mins > 0 ? `${mins} min` : ''];
  return parts.filter(Boolean).join(' ');
}

/** Slack renders this in each reader's own time zone and language; the fallback is for old clients. */
export const slackDate = (at: Date) =>
  `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} at {time}|${at.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;

/** 'overdue by 2 h (was due …)', 'due in 45 min (…)', or 'paused: waiting on the other side'. */
export function describeDue(dueAt: Date | null, now: Date): string {
  if (dueAt === null) return 'paused while it waits on the other side';
  const left = dueAt.getTime() - now.getTime();
  return left <= 0
    ? `*overdue by ${describeSpan(left)}* (was due ${slackDate(dueAt)})`
    : `due in ${describeSpan(left)} (${slackDate(dueAt)})`;
}
