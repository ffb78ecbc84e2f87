/**
 * A year of a vendor's partnerships, written through the repositories and the domain code the app
 * uses, so that every document has the shape and the indexes the app gives it: partnerships with plans,
 * asks with their histories, watched customer messages, follow-ups (with the reminders a last sweep
 * sent), weekly digests, approvals, stakeholders, feedback and once-only markers. Deterministic: the same
 * options give the same year.
 */

import { sweep } from '../../../src/domain/follow-ups/sweep.js';
import type { Repositories } from '../../../src/domain/ports.js';
import { seededRandom } from '../load.js';
import { type Activity, emptyActivity, replayPartnership } from './partnership-year.js';
import { yearPartnership } from './people.js';

const DAY = 86_400_000;

export interface YearOptions {
  partnerships: number;
  days: number;
  /** The end of the year: the moment the app will be started at. */
  end: Date;
  /** Top-level customer messages per partnership and working day, on average. */
  messagesPerDay: number;
  asksPerWeek: number;
  approvalsPerMonth: number;
  seed: number;
}

export const YEAR_DEFAULTS: Omit<YearOptions, 'end'> = {
  partnerships: 200,
  days: 365,
  messagesPerDay: 2,
  asksPerWeek: 1.2,
  approvalsPerMonth: 1,
  seed: 2026,
};

export interface YearCounts extends Activity {
  partnerships: number;
  /** Reminders the catch-up sweep sent (what the minute sweeps would have sent by the end). */
  reminders: number;
}

/** How many partnerships are generated at once (their store calls interleave). */
const CONCURRENCY = 4;
/** The catch-up sweep runs this long before the end, so that the app's first sweep has a little to do. */
const CATCH_UP_BEFORE_END = 2 * 3_600_000;

export async function generateYear(repos: Repositories, options: YearOptions): Promise<YearCounts> {
  const start = options.end.getTime() - options.days * DAY;
  const totals: YearCounts = { partnerships: options.partnerships, reminders: 0, ...emptyActivity() };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < options.partnerships; i = next++) {
      const random = seededRandom(options.seed * 100_003 + i);
      // Most were set up in the first month, the rest over the first half of the year.
      const spread = i % 4 === 3 ? options.days / 2 : Math.min(30, options.days / 4);
      const createdAt = new Date(start + Math.floor(random() * spread) * DAY + 9 * 3_600_000);
      const partnership = yearPartnership(i, options.partnerships, createdAt, options.end);
      if ((await repos.partnerships.insert(partnership)) !== 'inserted')
        throw new Error(`${partnership.id} twice`);
      const activity = await replayPartnership(repos, partnership, i, { ...options, random });
      for (const key of Object.keys(activity) as (keyof Activity)[]) totals[key] += activity[key];
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  totals.reminders = await catchUpSweep(repos, new Date(options.end.getTime() - CATCH_UP_BEFORE_END));
  totals.markers += await sweepMarkers(repos, options.end);
  return totals;
}

/** The reminders sent until `at`, recorded on the follow-ups as the minute sweeps record them. */
async function catchUpSweep(repos: Repositories, at: Date): Promise<number> {
  let reminders = 0;
  const deps = {
    ...repos,
    timeZoneOf: async () => 'Europe/Berlin',
    sender: {
      async send(_to: unknown, items: unknown[]) {
        reminders += items.length;
      },
    },
  };
  // Each sweep takes at most MAX_CLAIMS; what it reminds about is not due again before `at`.
  for (let round = 0; round < 100 && (await sweep(deps, at)).claimed > 0; round++);
  return reminders;
}

/** The last day's minute markers of the reminder sweep (older ones have expired and been purged). */
async function sweepMarkers(repos: Repositories, end: Date): Promise<number> {
  let claimed = 0;
  for (let m = 1; m <= 24 * 60; m++) {
    const at = new Date(end.getTime() - m * 60_000);
    const minute = at.toISOString().slice(0, 16);
    if (await repos.markers.claim(`nag-sweep:${minute}`, at, new Date(at.getTime() + DAY))) claimed += 1;
  }
  return claimed;
}
