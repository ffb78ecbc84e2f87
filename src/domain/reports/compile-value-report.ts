import { ASK_KINDS, type Ask } from '../asks/ask.js';
import { isClosed } from '../asks/lifecycle.js';
import { endOfDayIn, promisesDueIn } from '../asks/promises.js';
import { calendarOf } from '../sla/obligation.js';
import { askAsOf } from './ask-as-of.js';
import { inReportPeriod, type MeasuredAsk, measureAsk } from './measure-ask.js';
import { durationFigures } from './percentile.js';
import type { ReportApproval, ReportRow, ReportSources, ValueReport } from './value-report.js';

/**
 * The value a partnership got in a period, computed from its records alone (pure). Every ask is taken
 * as it stood at the period's end, so a past period's report reads the same whenever it is made.
 */
export function compileValueReport(s: ReportSources): ValueReport {
  const { partnership: p, period } = s;
  const cal = calendarOf(p);
  const within = (at: Date | null) => inReportPeriod(at, period);
  const asOfEnd = s.asks
    .map((a) => askAsOf(a, period.end))
    .filter((a): a is Ask => a !== null)
    .sort((a, b) => a.number - b.number);
  const measured = asOfEnd.map((a) => measureAsk(a, p, cal, period));
  const promises = promisesDueIn(asOfEnd, period, endOfDayIn(p.timeZone));
  const promised = new Set([...promises.kept, ...promises.missed].map((a) => a.id));
  const counted = measured.filter(
    (m) =>
      within(m.ask.createdAt) ||
      within(m.firstResponseAt) ||
      within(m.resolvedAt) ||
      within(m.closedOtherwiseAt) ||
      m.breaches.length > 0 ||
      promised.has(m.ask.id),
  );
  const promiseLine = (a: Ask) => ({
    ref: a.ref,
    title: a.content.title,
    kind: a.kind,
    promisedDate: a.promisedDate as string,
  });
  const rated = s.ratings.filter((r) => r.rating !== null && within(r.ratedAt));
  const settled = s.approvals.filter((a) => within(a.settledAt));
  const decided = (state: 'approved' | 'rejected'): ReportApproval[] =>
    settled
      .filter((a) => a.state === state)
      .map((a) => ({ title: a.title, state: a.state, settledAt: a.settledAt as Date }));
  // Only a person's last activity is kept: someone active in the period and again after it is not
  // counted for it (an undercount for past periods, never an overcount).
  const active = s.stakeholders.filter((h) => within(h.lastActiveAt));

  return {
    accountName: p.accountName,
    refPrefix: p.refPrefix,
    timeZone: p.timeZone,
    hours: p.businessHours,
    sla: p.sla,
    period,
    since: p.createdAt,
    kinds: ASK_KINDS.map((kind) => {
      const ofKind = measured.filter((m) => m.ask.kind === kind);
      return {
        kind,
        raised: ofKind.filter((m) => within(m.ask.createdAt)).length,
        resolved: ofKind.filter((m) => within(m.resolvedAt)).length,
        closedOtherwise: ofKind.filter((m) => within(m.closedOtherwiseAt)).length,
        openAtEnd: ofKind.filter((m) => !isClosed(kind, m.ask.status)).length,
      };
    }),
    firstResponse: durationFigures(
      measured
        .filter((m) => m.ask.kind !== 'vendor' && within(m.firstResponseAt))
        .map((m) => m.firstResponseMinutes as number),
    ),
    resolution: durationFigures(
      measured
        .filter((m) => m.ask.kind === 'help' && within(m.resolvedAt))
        .map((m) => m.resolutionMinutes as number),
    ),
    breaches: measured.flatMap((m) => m.breaches).sort((a, b) => a.at.getTime() - b.at.getTime()),
    shipped: measured.filter((m) => m.ask.kind === 'enhancement' && within(m.resolvedAt)).map((m) => m.line),
    promises: { kept: promises.kept.map(promiseLine), missed: promises.missed.map(promiseLine) },
    ratings: {
      good: rated.filter((r) => r.rating === 'good').length,
      bad: rated.filter((r) => r.rating === 'bad').length,
    },
    approvals: {
      approved: decided('approved'),
      rejected: decided('rejected'),
      expired: settled.filter((a) => a.state === 'expired').length,
    },
    activePeople: {
      vendor: active.filter((h) => h.side === 'vendor').length,
      customer: active.filter((h) => h.side === 'customer').length,
    },
    rows: counted.map(toRow),
  };
}

function toRow(m: MeasuredAsk): ReportRow {
  const { ask } = m;
  return {
    ...m.line,
    status: ask.status,
    urgency: ask.kind === 'help' ? (ask.content.urgency ?? 'normal') : null,
    requesterId: ask.requester.userId,
    requesterSide: ask.requester.side,
    ownerId: ask.ownerId,
    raisedAt: ask.createdAt,
    firstResponseAt: m.firstResponseAt,
    resolvedAt: m.resolvedAt,
    firstResponseMinutes: m.firstResponseMinutes,
    resolutionMinutes: m.resolutionMinutes,
    promisedDate: ask.promisedDate,
    missed: ask.kind === 'vendor' ? null : m.breaches.map((b) => b.target),
  };
}
