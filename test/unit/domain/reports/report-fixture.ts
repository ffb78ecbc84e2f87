import { DEFAULT_BUSINESS_HOURS, DEFAULT_SLA } from '../../../../src/domain/partnerships/partnership.js';
import type { ReportRow, ValueReport } from '../../../../src/domain/reports/value-report.js';

let n = 0;

/** A value report row: a resolved help request, with overridable fields. */
export function aRow(overrides: Partial<ReportRow> = {}): ReportRow {
  n += 1;
  return {
    ref: `ACME-${n}`,
    title: 'Export fails',
    kind: 'help',
    status: 'resolved',
    urgency: 'high',
    requesterId: 'UCUST1',
    requesterSide: 'customer',
    ownerId: 'UVENDOR1',
    raisedAt: new Date('2026-11-02T08:00:00Z'),
    firstResponseAt: new Date('2026-11-02T08:30:00Z'),
    resolvedAt: new Date('2026-11-03T09:00:00Z'),
    firstResponseMinutes: 30,
    resolutionMinutes: 540,
    promisedDate: null,
    missed: [],
    ...overrides,
  };
}

/** November 2026 for Acme in Berlin, with one row and nothing else; override what a test is about. */
export function aValueReport(overrides: Partial<ValueReport> = {}): ValueReport {
  return {
    accountName: 'Acme Corp',
    refPrefix: 'ACME',
    timeZone: 'Europe/Berlin',
    hours: DEFAULT_BUSINESS_HOURS,
    sla: DEFAULT_SLA,
    period: {
      start: new Date('2026-10-31T23:00:00Z'),
      end: new Date('2026-11-30T23:00:00Z'),
      label: 'November 2026',
      toDate: false,
    },
    since: new Date('2026-10-01T08:00:00Z'),
    kinds: [
      { kind: 'help', raised: 1, resolved: 1, closedOtherwise: 0, openAtEnd: 0 },
      { kind: 'enhancement', raised: 0, resolved: 0, closedOtherwise: 0, openAtEnd: 0 },
      { kind: 'vendor', raised: 0, resolved: 0, closedOtherwise: 0, openAtEnd: 0 },
    ],
    firstResponse: { count: 1, medianMinutes: 30, p90Minutes: 30 },
    resolution: { count: 1, medianMinutes: 540, p90Minutes: 540 },
    breaches: [],
    shipped: [],
    promises: { kept: [], missed: [] },
    ratings: { good: 0, bad: 0 },
    approvals: { approved: [], rejected: [], expired: 0 },
    activePeople: { vendor: 0, customer: 0 },
    rows: [aRow()],
    ...overrides,
  };
}
