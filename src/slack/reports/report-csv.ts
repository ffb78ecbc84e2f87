import { DateTime } from 'luxon';
import { KIND_LABELS } from '../../domain/asks/ask.js';
import { STATUS_LABELS } from '../../domain/asks/lifecycle.js';
import type { MissedTarget, ReportRow, ValueReport } from '../../domain/reports/value-report.js';
import { toCsv } from './csv.js';

const MISSED_LABELS: Record<MissedTarget, string> = {
  first_response: 'first response',
  resolution: 'resolution',
};

/** The column headings; times are local to the partnership's zone, named in the heading. */
export function reportCsvHeader(timeZone: string): string[] {
  return [
    'ref',
    'kind',
    'title',
    'status at period end',
    'urgency',
    'requester',
    'requester side',
    'owner',
    `raised at (${timeZone})`,
    `first response at (${timeZone})`,
    `resolved at (${timeZone})`,
    'first response (business minutes)',
    'resolution (business minutes)',
    'promised date',
    'target missed in period',
  ];
}

/**
 * The period's asks as CSV, one row each, for sharing with the customer's management. People appear by
 * the names in `names` (user id -> name; the id when missing). Times are 'YYYY-MM-DD HH:mm' local time,
 * which spreadsheets read as dates.
 */
export function buildReportCsv(report: ValueReport, names: ReadonlyMap<string, string>): string {
  const when = (at: Date | null) =>
    at ? DateTime.fromJSDate(at, { zone: report.timeZone }).toFormat('yyyy-MM-dd HH:mm') : '';
  const name = (userId: string) => names.get(userId) ?? userId;
  const number = (n: number | null) => (n === null ? '' : String(n));
  const row = (r: ReportRow) => [
    r.ref,
    KIND_LABELS[r.kind],
    r.title,
    STATUS_LABELS[r.status],
    r.urgency ?? '',
    name(r.requesterId),
    r.requesterSide,
    name(r.ownerId),
    when(r.raisedAt),
    when(r.firstResponseAt),
    when(r.resolvedAt),
    number(r.firstResponseMinutes),
    number(r.resolutionMinutes),
    r.promisedDate ?? '',
    r.missed === null ? '' : r.missed.length === 0 ? 'no' : r.missed.map((m) => MISSED_LABELS[m]).join('; '),
  ];
  return toCsv(reportCsvHeader(report.timeZone), report.rows.map(row));
}

/** The people a CSV names, to look up once each. */
export const peopleInRows = (rows: readonly ReportRow[]) => [
  ...new Set(rows.flatMap((r) => [r.requesterId, r.ownerId])),
];

/** 'rapport-acme-2026-11-01-to-2026-11-30.csv': the local dates the period covers, both included. */
export function reportFileName(report: ValueReport): string {
  const date = (at: Date) => DateTime.fromJSDate(at, { zone: report.timeZone }).toISODate() as string;
  const last = new Date(report.period.end.getTime() - 1);
  const prefix = report.refPrefix.toLowerCase().replace(/[^a-z0-9]+/g, '') || 'partnership';
  return `rapport-${prefix}-${date(report.period.start)}-to-${date(last)}.csv`;
}
