/** A day in milliseconds: windows counted in whole days (activity, departures, quiet customers). */
export const DAY_MS = 86_400_000;

/** The instant `days` whole days before `now`. */
export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
