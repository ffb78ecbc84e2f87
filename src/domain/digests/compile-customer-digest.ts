import { DateTime } from 'luxon';
import type { Approval } from '../approvals/approval.js';
import { pendingApprovers } from '../approvals/rules.js';
import type { Ask, AskStatus, HistoryEntry } from '../asks/ask.js';
import { isClosed } from '../asks/lifecycle.js';
import { endOfDayIn, lastStatusChange, promisesDueIn } from '../asks/promises.js';
import { followUpId } from '../follow-ups/follow-up.js';
import { businessMinutesBetween } from '../sla/business-calendar.js';
import { calendarOf, firstResponseAt } from '../sla/obligation.js';
import { customerAnnouncementsOfPeriod } from './digest-announcements.js';
import type { AwaitedSeat, CustomerDigest, DigestAsk, StatusChange } from './digest-content.js';
import { customerIncidentsOfPeriod } from './digest-incidents.js';
import { type DigestSources, inPeriod, OPEN_STATUSES, SIGN_OFFS_READ } from './digest-sources.js';

/** Promised dates this close are listed as coming up. */
const UPCOMING_DAYS = 14;

/**
 * What the customer reads: the period's changes, what is open now, promises, response times, and the
 * sign-offs still waiting.
 */
export function compileCustomerDigest(s: DigestSources): CustomerDigest {
  const { partnership: p, period, now } = s;
  const overdue = new Map(
    s.followUps
      .filter((f) => f.subject.type === 'ask' && !f.closed && f.dueAt !== null && f.dueAt <= now)
      .map((f) => [f.id, f.dueAt as Date]),
  );
  const line = (a: Ask): DigestAsk => ({
    id: a.id,
    ref: a.ref,
    title: a.content.title,
    kind: a.kind,
    status: a.status,
    ownerId: a.ownerId,
    requesterId: a.requester.userId,
    createdAt: a.createdAt,
    card: a.card,
    promisedDate: a.promisedDate,
    overdueSince: overdue.get(followUpId('ask', a.id)) ?? null,
  });
  const open = s.asks.filter((a) => !isClosed(a.kind, a.status));
  const closedInPeriod = (a: Ask, status: AskStatus) => {
    const at = a.status === status ? lastStatusChange(a, status) : null;
    return at !== null && inPeriod(at, period);
  };
  const today = DateTime.fromJSDate(now, { zone: p.timeZone }).toISODate() as string;
  const horizon = DateTime.fromJSDate(now, { zone: p.timeZone })
    .plus({ days: UPCOMING_DAYS })
    .toISODate() as string;
  const promised = promisesDueIn(s.asks, period, endOfDayIn(p.timeZone));
  const calendar = calendarOf(p);
  const firstResponses = s.asks
    .map((a) => ({ a, at: firstResponseAt(a) }))
    .filter((r): r is { a: Ask; at: Date } => r.at !== null && inPeriod(r.at, period))
    .map(({ a, at }) => businessMinutesBetween(calendar, a.createdAt, at));

  return {
    accountName: p.accountName,
    channelId: p.channelId,
    timeZone: p.timeZone,
    period,
    newAsks: s.asks
      .filter((a) => inPeriod(a.createdAt, period))
      .sort(newestFirst)
      .map(line),
    resolved: s.asks.filter((a) => a.kind !== 'enhancement' && closedInPeriod(a, 'resolved')).map(line),
    shipped: s.asks.filter((a) => a.kind === 'enhancement' && closedInPeriod(a, 'shipped')).map(line),
    statusChanges: statusChanges(s, line),
    open: OPEN_STATUSES.map((status) => ({
      status,
      asks: open
        .filter((a) => a.status === status)
        .sort(oldestFirst)
        .map(line),
    })).filter((group) => group.asks.length > 0),
    promises: {
      upcoming: open
        .filter((a) => a.promisedDate !== null && a.promisedDate >= today && a.promisedDate <= horizon)
        .sort((a, b) => (a.promisedDate as string).localeCompare(b.promisedDate as string))
        .map(line),
      kept: promised.kept.map(line),
      missed: promised.missed.map(line),
    },
    firstResponse: { medianMinutes: median(firstResponses), count: firstResponses.length },
    incidents: customerIncidentsOfPeriod(s),
    announcements: customerAnnouncementsOfPeriod(s),
    signOffs: signOffs(s.approvals),
  };
}

/** Pending approvals, soonest due first, each with the seats it waits on. */
function signOffs(approvals: Approval[]): CustomerDigest['signOffs'] {
  const waiting = approvals
    .filter((a) => a.state === 'pending')
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    .map((approval) => ({ approval, waitingOn: waitingOn(approval) }));
  return { waiting: waiting.slice(0, SIGN_OFFS_READ), atLeast: waiting.length > SIGN_OFFS_READ };
}

/** The undecided seats; one passed on to a backup is now theirs to decide. */
const waitingOn = (approval: Approval): AwaitedSeat[] =>
  pendingApprovers(approval).map((a) => ({
    approverId: a.userId,
    backupId: a.backupId !== null && approval.escalated.includes(a.userId) ? a.backupId : null,
  }));

/** Status moves in the period, except those the digest already lists as resolved or shipped. */
function statusChanges(s: DigestSources, line: (a: Ask) => DigestAsk): StatusChange[] {
  const listedElsewhere = (a: Ask, h: HistoryEntry) =>
    h.to === a.status && (a.status === 'resolved' || a.status === 'shipped');
  return s.asks
    .flatMap((a) =>
      a.history
        .filter((h) => h.action === 'status' && inPeriod(h.at, s.period) && !listedElsewhere(a, h))
        .map((h) => ({ ask: line(a), from: h.from as AskStatus, to: h.to as AskStatus, at: h.at })),
    )
    .sort((x, y) => x.at.getTime() - y.at.getTime());
}

const newestFirst = (a: Ask, b: Ask) => b.createdAt.getTime() - a.createdAt.getTime();
const oldestFirst = (a: Ask, b: Ask) => a.createdAt.getTime() - b.createdAt.getTime();

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}
