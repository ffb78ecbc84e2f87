import type { Ask } from '../asks/ask.js';
import type { TrackedMessage } from '../conversations/tracked-message.js';
import { DAY_MS, daysBefore } from '../days.js';
import type { FollowUp } from '../follow-ups/follow-up.js';
import {
  ACTIVITY_WINDOW_DAYS,
  activeCustomerIds,
  QUIET_AFTER_DAYS,
  recentDepartures,
} from '../stakeholders/relationship-risks.js';
import { announcementsOfPeriod } from './digest-announcements.js';
import type { InternalDigest, OverdueItem, RatingTally, RiskFlag, SnoozeLine } from './digest-content.js';
import { incidentsOfPeriod } from './digest-incidents.js';
import { type DigestSources, inPeriod, periodBefore } from './digest-sources.js';

/** A fall in the share of good ratings smaller than this is noise, not a trend. */
const RATING_DROP = 0.15;
const MIN_RATINGS = 2;

/** What only the vendor reads: what is late, who is waiting, and which signs say the account is at risk. */
export function compileInternalDigest(s: DigestSources): InternalDigest {
  const { partnership: p, period, now } = s;
  const asks = new Map(s.asks.map((a) => [a.id, a]));
  const messages = new Map(s.messages.map((m) => [m.id, m]));
  const label = (f: FollowUp) => describeSubject(f, asks, messages);
  const trail = s.followUps.flatMap((f) =>
    f.trail.filter((t) => inPeriod(t.at, period)).map((t) => ({ f, t })),
  );
  return {
    accountName: p.accountName,
    channelId: p.channelId,
    ownerId: p.ownerId,
    period,
    overdue: s.followUps
      .filter((f) => !f.closed && f.dueAt !== null && f.dueAt <= now)
      .sort((a, b) => (a.dueAt as Date).getTime() - (b.dueAt as Date).getTime())
      .map((f): OverdueItem => ({ ...label(f), ownerId: f.ownerId, dueAt: f.dueAt as Date })),
    unanswered: s.messages
      .filter((m) => m.closed === null)
      .sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime())
      .map((m) => ({
        authorId: m.author.userId,
        preview: m.preview,
        postedAt: m.postedAt,
        ownerId: m.ownerId,
        link: { channelId: m.channelId, ts: m.ts },
      })),
    risks: risks(s),
    nags: {
      reminded: trail.filter(({ t }) => t.action === 'reminded').length,
      escalated: trail.filter(({ t }) => t.action === 'escalated').length,
      snoozes: trail
        .filter(({ t }) => t.action === 'snoozed')
        .map(
          ({ f, t }): SnoozeLine => ({ label: label(f).label, by: t.by ?? '', ...snoozeNote(t.note, t.at) }),
        ),
    },
    incidents: incidentsOfPeriod(s),
    announcements: announcementsOfPeriod(s),
    failedDigests: sinceLastPosted(s)
      .filter((d) => d.state === 'failed')
      .map((d) => ({ slot: d.slot, error: d.error ?? 'unknown_error' })),
    skippedSlots: sinceLastPosted(s)
      .filter((d) => d.state === 'skipped')
      .map((d) => d.slot),
  };
}

function risks(s: DigestSources): RiskFlag[] {
  const { partnership: p, period, now } = s;
  const flags: RiskFlag[] = [];
  // A target missed in the period: still overdue past a due time inside it, or reminded about as overdue in it.
  const breached = s.followUps.filter(
    (f) =>
      (!f.closed && f.dueAt !== null && f.dueAt <= now && inPeriod(f.dueAt, period)) ||
      f.trail.some((t) => t.note === 'overdue' && inPeriod(t.at, period)),
  );
  if (breached.length > 0) flags.push({ kind: 'sla_breaches', count: breached.length });

  const current = tally(s, period);
  const before = tally(s, periodBefore(period));
  if (
    current.total >= MIN_RATINGS &&
    before.total >= MIN_RATINGS &&
    current.good / current.total < before.good / before.total - RATING_DROP
  ) {
    flags.push({ kind: 'ratings_dropping', previous: before, current });
  }

  const active = activeCustomers(s);
  if (active.size === 1) flags.push({ kind: 'single_threaded', userId: [...active][0] as string });
  for (const departure of recentDepartures(s.stakeholders, p, now))
    flags.push({ kind: 'contact_left', departure });

  const last = p.lastCustomerMessageAt;
  const quietSince = last ?? p.createdAt;
  if (quietSince < daysBefore(now, QUIET_AFTER_DAYS)) {
    flags.push({
      kind: 'quiet_customer',
      lastMessageAt: last,
      days: Math.floor((now.getTime() - quietSince.getTime()) / DAY_MS),
    });
  }
  return flags;
}

function tally(s: DigestSources, period: { start: Date; end: Date }): RatingTally {
  const rated = s.ratings.filter(
    (r) => r.ratedAt !== null && r.rating !== null && inPeriod(r.ratedAt, period),
  );
  return { good: rated.filter((r) => r.rating === 'good').length, total: rated.length };
}

/**
 * People at the customer who wrote, asked, changed an ask or rated over the activity window, or whom
 * the stakeholder map saw act (a click, a reaction).
 */
function activeCustomers(s: DigestSources): Set<string> {
  const since = daysBefore(s.now, ACTIVITY_WINDOW_DAYS);
  const recent = (at: Date) => at >= since;
  return new Set([
    ...s.messages
      .filter((m) => m.author.side === 'customer' && recent(m.postedAt))
      .map((m) => m.author.userId),
    ...s.asks.flatMap((a) =>
      a.history.filter((h) => h.by.side === 'customer' && recent(h.at)).map((h) => h.by.userId),
    ),
    ...s.ratings.filter((r) => r.ratedAt !== null && recent(r.ratedAt)).map((r) => r.userId),
    ...activeCustomerIds(s.stakeholders, s.now),
  ]);
}

/** Earlier digests back to the last one that was posted: what went wrong since. */
function sinceLastPosted(s: DigestSources) {
  const last = s.digests.findIndex((d) => d.state === 'posted');
  return last === -1 ? s.digests : s.digests.slice(0, last);
}

function describeSubject(
  f: FollowUp,
  asks: Map<string, Ask>,
  messages: Map<string, TrackedMessage>,
): Pick<OverdueItem, 'subject' | 'ref' | 'label' | 'link'> {
  if (f.subject.type === 'ask') {
    const ask = asks.get(f.subject.id);
    return {
      subject: 'ask',
      ref: ask?.ref ?? null,
      label: ask?.content.title ?? 'an ask',
      link: ask?.card ?? null,
    };
  }
  const message = messages.get(f.subject.id);
  return {
    subject: 'message',
    ref: null,
    label: message?.preview ?? 'a customer message',
    link: message ? { channelId: message.channelId, ts: message.ts } : null,
  };
}

/** Snoozes are recorded as 'until <ISO time>: <reason>'. */
function snoozeNote(note: string | null, at: Date): { until: Date; reason: string } {
  const match = /^until (\S+): ([\s\S]*)$/.exec(note ?? '');
  const until = match ? new Date(match[1] as string) : at;
  return { until: Number.isNaN(until.getTime()) ? at : until, reason: match?.[2] ?? note ?? '' };
}
