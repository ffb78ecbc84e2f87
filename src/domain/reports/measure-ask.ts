import type { Ask } from '../asks/ask.js';
import { isClosed } from '../asks/lifecycle.js';
import { lastStatusChange } from '../asks/promises.js';
import type { Partnership } from '../partnerships/partnership.js';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
} from '../sla/business-calendar.js';
import type { Interval } from '../sla/obligation.js';
import { firstResponseAt } from '../sla/obligation.js';
import { askAsOf } from './ask-as-of.js';
import { runningIntervals, runningMinutes, targetPassedAt } from './ask-clock.js';
import type { ReportPeriod } from './report-period.js';
import type { Breach, ReportAsk } from './value-report.js';

/** What a report needs to know about one ask, as it stood at the period's end. */
export interface MeasuredAsk {
  ask: Ask;
  line: ReportAsk;
  firstResponseAt: Date | null;
  firstResponseMinutes: number | null;
  /** Resolved (shipped, for enhancements) and still so at the period's end: when. */
  resolvedAt: Date | null;
  resolutionMinutes: number | null;
  /** Withdrawn or declined, and still so at the period's end: when. */
  closedOtherwiseAt: Date | null;
  /** Targets that passed unmet inside the period. */
  breaches: Breach[];
}

export const inReportPeriod = (at: Date | null, period: Pick<ReportPeriod, 'start' | 'end'>) =>
  at !== null && at >= period.start && at < period.end;

/**
 * Measures `ask` (already rebuilt as of the period's end) on the partnership's business calendar.
 * Durations are rounded to whole minutes; breach moments are exact.
 */
export function measureAsk(
  ask: Ask,
  p: Partnership,
  cal: BusinessCalendar,
  period: Pick<ReportPeriod, 'start' | 'end'>,
): MeasuredAsk {
  const line: ReportAsk = { ref: ask.ref, title: ask.content.title, kind: ask.kind };
  const answeredAt = firstResponseAt(ask);
  const closedAt = isClosed(ask.kind, ask.status) ? lastStatusChange(ask, ask.status) : null;
  const done = ask.status === (ask.kind === 'enhancement' ? 'shipped' : 'resolved');
  const intervals = runningIntervals(ask);
  const resolvedAt = done ? closedAt : null;
  return {
    ask,
    line,
    firstResponseAt: answeredAt,
    firstResponseMinutes:
      answeredAt === null ? null : Math.round(businessMinutesBetween(cal, ask.createdAt, answeredAt)),
    resolvedAt,
    resolutionMinutes: resolvedAt === null ? null : Math.round(runningMinutes(cal, intervals, resolvedAt)),
    closedOtherwiseAt: done ? null : closedAt,
    breaches: breaches(ask, p, cal, { answeredAt, intervals }, period).map(({ target, at }) => ({
      ask: line,
      target,
      at,
    })),
  };
}

/**
 * The vendor's targets that passed unmet in the period. First response: none by the target (business
 * minutes for the urgency; enhancements as normal) while the ask was open. Resolution (help requests):
 * not resolved within the resolution target of running clock.
 */
function breaches(
  ask: Ask,
  p: Partnership,
  cal: BusinessCalendar,
  { answeredAt, intervals }: { answeredAt: Date | null; intervals: Interval[] },
  period: Pick<ReportPeriod, 'start' | 'end'>,
): Omit<Breach, 'ask'>[] {
  if (ask.kind === 'vendor') return [];
  const found: Omit<Breach, 'ask'>[] = [];
  const urgency = ask.kind === 'help' ? (ask.content.urgency ?? 'normal') : 'normal';
  const due = addBusinessMinutes(cal, ask.createdAt, p.sla.firstResponse[urgency]);
  const answeredInTime = answeredAt !== null && answeredAt <= due;
  const statusAtDue = askAsOf(ask, due)?.status ?? ask.status;
  if (inReportPeriod(due, period) && !answeredInTime && !isClosed(ask.kind, statusAtDue)) {
    found.push({ target: 'first_response', at: due });
  }
  if (ask.kind === 'help') {
    const passed = targetPassedAt(cal, intervals, p.sla.resolution);
    if (inReportPeriod(passed, period)) found.push({ target: 'resolution', at: passed as Date });
  }
  return found;
}
