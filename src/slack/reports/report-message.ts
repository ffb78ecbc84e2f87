import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Breach, DurationFigures, KindFigures, ValueReport } from '../../domain/reports/value-report.js';
import { isEmptyReport } from '../../domain/reports/value-report.js';
import { count, lineText, listSection, optionalList, refTitle } from '../digests/digest-lines.js';
import { context, type MessageContent, section } from '../shared/blocks.js';
import { describeDuration, describeResponseTargets } from '../shared/describe-duration.js';
import { describeHours } from '../shared/describe-hours.js';
import { safeText } from '../shared/escape.js';

/** What happens to the CSV of the period's asks, told at the foot of the report. */
export type CsvNote = { kind: 'sending'; rows: number } | { kind: 'none' };

/** Dates and times in the partnership's zone, with English month names whatever the server's locale. */
const localTime = (zone: string) => (at: Date) => DateTime.fromJSDate(at, { zone }).setLocale('en-US');

const MISSED = { first_response: 'first response', resolution: 'resolution' } as const;

/**
 * The value report, for the eyes of one vendor-side user (sent ephemeral). At most 14 blocks; every list
 * is one section of at most ten lines, so it stays within Block Kit's limits whatever the amount of data.
 */
export function buildReportMessage(r: ValueReport, csv: CsvNote): MessageContent {
  const local = localTime(r.timeZone);
  const started = r.period.start < r.since ? [context(startedNote(r, local(r.since)))] : [];
  const top = [section(`*Value report · ${safeText(r.accountName, 120)}*\n${periodLine(r)}`), ...started];
  const text = `Value report for ${safeText(r.accountName, 120)}, ${r.period.label}`;
  if (isEmptyReport(r)) {
    const nothing =
      'Nothing to report for this period: no asks were raised, answered, resolved or overdue, ' +
      'and there were no ratings, approvals or active people.';
    return { text: `${text}: nothing to report.`, blocks: [...top, section(nothing)] };
  }
  const raised = r.kinds.reduce((n, k) => n + k.raised, 0);
  const resolved = r.kinds.reduce((n, k) => n + k.resolved, 0);
  const blocks: KnownBlock[] = [
    ...top,
    section(`*Asks*\n${r.kinds.map(kindLine).join('\n')}`),
    section(
      '*Response times* (business time)\n' +
        `• First response: ${durationLine(r.firstResponse, 'answered')}\n` +
        `• Resolution of help requests: ${durationLine(r.resolution, 'resolved')}`,
    ),
    breachBlock(r, local),
    ...optionalList('Enhancements shipped', r.shipped, (a) => `• ${refTitle(a.ref, a.title)}`),
    promiseBlock(r),
    section(`*Feedback*\n${ratingLine(r.ratings)}`),
    approvalBlock(r, local),
    section(
      `*Active people*\n${count(r.activePeople.vendor, 'person', 'people')} at the vendor · ` +
        `${count(r.activePeople.customer, 'person', 'people')} at the customer`,
    ),
    ...definitions(r),
    context(
      csv.kind === 'sending'
        ? `The CSV of the period’s asks (${count(csv.rows, 'row')}) is on its way to you by direct message.`
        : 'No CSV: there are no asks to list for this period.',
    ),
  ];
  const summary = `${raised} raised, ${resolved} resolved or shipped, ${count(r.breaches.length, 'target')} missed`;
  return { text: `${text}: ${summary}.`, blocks };
}

/** 'November 2026: 1 Nov 2026 – 30 Nov 2026 (Europe/Berlin)'; whole days are shown as dates. */
function periodLine(r: ValueReport): string {
  const local = localTime(r.timeZone);
  const [start, end] = [local(r.period.start), local(r.period.end)];
  const midnight = (d: DateTime) => d.equals(d.startOf('day'));
  const span =
    midnight(start) && midnight(end)
      ? `${start.toFormat('d LLL yyyy')} – ${end.minus({ days: 1 }).toFormat('d LLL yyyy')}`
      : `${start.toFormat('d LLL yyyy HH:mm')} – ${end.toFormat('d LLL yyyy HH:mm')}`;
  const soFar = r.period.toDate ? ' (so far)' : '';
  return `${r.period.label}${soFar}: ${span} (${r.timeZone})`;
}

const startedNote = (r: ValueReport, since: DateTime) =>
  `Rapport started recording for ${safeText(r.accountName, 120)} on ${since.toFormat('d LLL yyyy')}: ` +
  'nothing before that is counted.';

const KIND_PLURALS = {
  help: 'Help requests',
  enhancement: 'Enhancements',
  vendor: 'Requests to the customer',
} as const;
const DONE_WORD = { help: 'resolved', enhancement: 'shipped', vendor: 'resolved' } as const;
const OTHERWISE_WORD = {
  help: 'withdrawn',
  enhancement: 'declined or withdrawn',
  vendor: 'withdrawn',
} as const;

function kindLine(k: KindFigures): string {
  const otherwise = k.closedOtherwise > 0 ? ` · ${k.closedOtherwise} ${OTHERWISE_WORD[k.kind]}` : '';
  return (
    `• ${KIND_PLURALS[k.kind]}: ${k.raised} raised · ${k.resolved} ${DONE_WORD[k.kind]}${otherwise} · ` +
    `${k.openAtEnd} open at the end`
  );
}

function durationLine(d: DurationFigures, what: string): string {
  if (d.medianMinutes === null || d.p90Minutes === null) return `none ${what} in the period`;
  return (
    `median ${describeDuration(d.medianMinutes)} · 90th percentile ${describeDuration(d.p90Minutes)} ` +
    `(${count(d.count, 'ask')} ${what})`
  );
}

function breachBlock(r: ValueReport, local: (at: Date) => DateTime): KnownBlock {
  const of = (target: Breach['target']) => r.breaches.filter((b) => b.target === target).length;
  const heading =
    r.breaches.length === 0
      ? '*Response targets missed: none*'
      : `*Response targets missed: ${r.breaches.length}* (${of('first_response')} first response, ` +
        `${of('resolution')} resolution)`;
  return listSection(
    heading,
    r.breaches,
    (b) =>
      `• ${refTitle(b.ask.ref, b.ask.title)}: ${MISSED[b.target]}, due ` +
      local(b.at).toFormat('d LLL HH:mm'),
    (shown) => `…and ${r.breaches.length - shown} more (all in the CSV)`,
  );
}

function promiseBlock(r: ValueReport): KnownBlock {
  const { kept, missed } = r.promises;
  const lines = [
    ...missed.map(
      (a) => `• Missed: ${refTitle(a.ref, a.title)} (promised for ${lineText(a.promisedDate, 10)})`,
    ),
    ...kept.map((a) => `• Kept: ${refTitle(a.ref, a.title)} (promised for ${lineText(a.promisedDate, 10)})`),
  ];
  const heading =
    lines.length === 0
      ? '*Promises*: none fell due in the period'
      : `*Promises*: ${kept.length} kept, ${missed.length} missed`;
  return listSection(
    heading,
    lines,
    (l) => l,
    (shown) => `…and ${lines.length - shown} more`,
  );
}

function ratingLine({ good, bad }: ValueReport['ratings']): string {
  const total = good + bad;
  if (total === 0) return 'No ratings in the period.';
  return `${good} :+1: · ${bad} :-1: (${Math.round((100 * good) / total)}% good, ${count(total, 'rating')})`;
}

function approvalBlock(r: ValueReport, local: (at: Date) => DateTime): KnownBlock {
  const { approved, rejected, expired } = r.approvals;
  const decided = [...approved, ...rejected].sort((a, b) => a.settledAt.getTime() - b.settledAt.getTime());
  const lapsed = expired > 0 ? ` · ${expired} expired without a decision` : '';
  const heading = `*Approvals decided*: ${approved.length} approved · ${rejected.length} rejected${lapsed}`;
  return listSection(
    heading,
    decided,
    (a) =>
      `• ${a.state === 'approved' ? 'Approved' : 'Rejected'}: ${lineText(a.title)} ` +
      `(${local(a.settledAt).toFormat('d LLL')})`,
    (shown) => `…and ${decided.length - shown} more`,
  );
}

/** How each figure is counted: the report is shared with people who did not set Rapport up. */
function definitions(r: ValueReport): KnownBlock[] {
  return [
    context(
      `*How these are counted.* Business time: ${describeHours(r.hours, r.timeZone)}, holidays excluded. ` +
        'A first response is the vendor’s first status change, note, details or thread reply the customer can see. ' +
        'Resolution time runs from raising to resolving and stops while a help request waits on the customer. ' +
        'Median and 90th percentile are nearest-rank: the smallest time that half (or 90%) of the asks did not exceed. ' +
        'Everything is as it stood at the end of the period.',
    ),
    context(
      `*Target missed*: a help request or enhancement without a first response by its target ` +
        `(${describeResponseTargets(r.sla.firstResponse)}; enhancements as normal), or a help request not ` +
        `resolved within ${describeDuration(r.sla.resolution)} of running time; counted in the period in which ` +
        'the target passed. *Promises* are kept when the ask was done by the end of its promised day; ' +
        'withdrawn or declined asks release them. *Active people*: last seen in the period (only the latest ' +
        'activity is kept, so someone also active later counts in the later period).',
    ),
  ];
}
