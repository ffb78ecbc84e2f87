import type { Side } from '../actors.js';
import type { Approval } from '../approvals/approval.js';
import type { Ask, AskKind, AskStatus, Urgency } from '../asks/ask.js';
import type { Feedback } from '../feedback/feedback.js';
import type { BusinessHours, Partnership, SlaPolicy } from '../partnerships/partnership.js';
import type { Stakeholder } from '../stakeholders/stakeholder.js';
import type { ReportPeriod } from './report-period.js';

/** Everything a value report is computed from; read with a fixed number of queries (gatherReportSources). */
export interface ReportSources {
  partnership: Partnership;
  period: ReportPeriod;
  /** Open asks and every ask changed since the period started (a superset of what the period needs). */
  asks: Ask[];
  /** Feedback rated since the period started. */
  ratings: Feedback[];
  /** The channel's approvals settled in the period, any outcome. */
  approvals: Approval[];
  /** The partnership's stakeholder map, both sides. */
  stakeholders: Stakeholder[];
}

/** Which response target an ask missed. */
export type MissedTarget = 'first_response' | 'resolution';

export interface ReportAsk {
  ref: string;
  title: string;
  kind: AskKind;
}

/** One ask the report counts, as it stood at the period's end: one CSV row. */
export interface ReportRow extends ReportAsk {
  status: AskStatus;
  urgency: Urgency | null;
  requesterId: string;
  requesterSide: Side;
  ownerId: string;
  raisedAt: Date;
  /** The owing side's first visible response, if it came before the period's end. */
  firstResponseAt: Date | null;
  /** When it was resolved (shipped, for enhancements), if it was at the period's end. */
  resolvedAt: Date | null;
  /** Business minutes, rounded to the minute. */
  firstResponseMinutes: number | null;
  /** Business minutes the owing side's clock ran from raising to resolution (paused while waiting on the other side). */
  resolutionMinutes: number | null;
  promisedDate: string | null;
  /** Targets missed in the period; null for requests to the customer, which owe the vendor no target. */
  missed: MissedTarget[] | null;
}

/** Nearest-rank percentiles over whole business minutes; null when there is nothing to measure. */
export interface DurationFigures {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface KindFigures {
  kind: AskKind;
  raised: number;
  /** Resolved (help, requests to the customer) or shipped (enhancements) in the period, and still so at its end. */
  resolved: number;
  /** Withdrawn or declined in the period. */
  closedOtherwise: number;
  /** Raised before the period's end and not closed at it. */
  openAtEnd: number;
}

export interface Breach {
  ask: ReportAsk;
  target: MissedTarget;
  /** When the target passed: inside the period. */
  at: Date;
}

export interface ReportApproval {
  title: string;
  state: Approval['state'];
  settledAt: Date;
}

export interface ValueReport {
  accountName: string;
  refPrefix: string;
  timeZone: string;
  hours: BusinessHours;
  sla: SlaPolicy;
  period: ReportPeriod;
  /** When Rapport started recording for this partnership: nothing before it is known. */
  since: Date;
  /** Help requests, enhancements, requests to the customer: always all three, in that order. */
  kinds: KindFigures[];
  /** Help requests and enhancements first answered by the vendor in the period. */
  firstResponse: DurationFigures;
  /** Help requests resolved in the period. */
  resolution: DurationFigures;
  /** Response targets that passed unmet in the period, in the order they passed. */
  breaches: Breach[];
  /** Enhancements shipped in the period. */
  shipped: ReportAsk[];
  promises: {
    kept: (ReportAsk & { promisedDate: string })[];
    missed: (ReportAsk & { promisedDate: string })[];
  };
  ratings: { good: number; bad: number };
  approvals: { approved: ReportApproval[]; rejected: ReportApproval[]; expired: number };
  /** People on the stakeholder map whose last activity falls in the period. */
  activePeople: Record<Side, number>;
  /**
   * Every ask raised, first answered, resolved or closed, or missing a target in the period, by
   * reference number: what the figures above are computed from (open-at-end counts aside).
   */
  rows: ReportRow[];
}

/** Nothing at all happened in the period: no asks, ratings, sign-offs or active people. */
export const isEmptyReport = (r: ValueReport) =>
  r.rows.length === 0 &&
  r.ratings.good + r.ratings.bad === 0 &&
  r.approvals.approved.length + r.approvals.rejected.length + r.approvals.expired === 0 &&
  r.activePeople.vendor + r.activePeople.customer === 0;
