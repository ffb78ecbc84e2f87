import { type Announcement, type DeliveryCounts, deliveryId } from '../announcements/announcement.js';
import type { Approval } from '../approvals/approval.js';
import type { Ask, AskStatus } from '../asks/ask.js';
import { LIFECYCLES } from '../asks/lifecycle.js';
import type { TrackedMessage } from '../conversations/tracked-message.js';
import { daysBefore } from '../days.js';
import type { Feedback } from '../feedback/feedback.js';
import { type FollowUp, followUpId } from '../follow-ups/follow-up.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { Repositories } from '../ports.js';
import { ACTIVITY_WINDOW_DAYS } from '../stakeholders/relationship-risks.js';
import type { Stakeholder } from '../stakeholders/stakeholder.js';
import type { DigestPeriod } from './digest-content.js';
import type { DigestRecord } from './digest-record.js';

/** Enough earlier digests to find the last posted one behind a run of failed or skipped ones. */
const RECENT_DIGESTS = 20;
/**
 * Pending approvals a digest reads from its channel: far more than it lists, so the count of those
 * left out is exact; one more is read to tell when there are more than that.
 */
export const SIGN_OFFS_READ = 50;
/** Incidents and announcements a digest reads: far more than a period has. */
const INCIDENTS_READ = 20;
const ANNOUNCEMENTS_READ = 20;

/** Every status in which some kind of ask is still open, in the order a digest lists them. */
export const OPEN_STATUSES: AskStatus[] = [
  ...new Set(Object.values(LIFECYCLES).flatMap((l) => [l.initial, ...Object.keys(l.next)] as AskStatus[])),
].filter((s) => !Object.values(LIFECYCLES).some((l) => l.closed.includes(s)));

/**
 * An announcement whose message reached the partnership's channel in the period, with the counts of its
 * whole audience.
 */
export interface SentAnnouncement {
  announcement: Announcement;
  at: Date;
  counts: DeliveryCounts;
}

/**
 * Everything both digests of a partnership are made from, read with a fixed number of queries (ten)
 * however many asks, messages, reminders and approvals the partnership has, plus one count per
 * announcement of the period.
 */
export interface DigestSources {
  partnership: Partnership;
  now: Date;
  period: DigestPeriod;
  /** Open asks and those changed since the earliest window start. */
  asks: Ask[];
  followUps: FollowUp[];
  /** Open customer messages and those posted in the activity window. */
  messages: TrackedMessage[];
  /** Ratings given since the start of the period before this one (periodBefore). */
  ratings: Feedback[];
  /** Earlier digests, newest first. */
  digests: DigestRecord[];
  /** The channel's pending approvals, newest first: at most SIGN_OFFS_READ + 1. */
  approvals: Approval[];
  /** The stakeholder map: who is active on each side, and who left. */
  stakeholders: Stakeholder[];
  /** The latest incidents sent to the partnership: at most INCIDENTS_READ, newest first. */
  incidents: Announcement[];
  /** The announcements of the period whose message is in the channel, oldest first. */
  announcements: SentAnnouncement[];
}

export async function gatherDigestSources(
  repos: Pick<
    Repositories,
    | 'asks'
    | 'followUps'
    | 'trackedMessages'
    | 'feedback'
    | 'digests'
    | 'approvals'
    | 'stakeholders'
    | 'incidents'
    | 'announcements'
    | 'announcementDeliveries'
  >,
  partnership: Partnership,
  now: Date,
): Promise<DigestSources> {
  const digests = await repos.digests.listRecent(partnership.id, RECENT_DIGESTS);
  const lastPosted = digests.find((d) => d.state === 'posted' && d.period !== null);
  const start = lastPosted?.period?.end ?? partnership.createdAt;
  const activitySince = daysBefore(now, ACTIVITY_WINDOW_DAYS);
  const since = new Date(Math.min(start.getTime(), activitySince.getTime()));
  const period = { start, end: now, first: lastPosted === undefined };
  const [asks, messages, ratings, approvals, stakeholders, incidents, announcements] = await Promise.all([
    repos.asks.listActive(partnership.id, OPEN_STATUSES, since),
    repos.trackedMessages.listActive(partnership.channelId, activitySince),
    repos.feedback.listRatedSince(partnership.id, periodBefore({ start, end: now }).start),
    // Pending ones come first, so settled ones read past them are only the remainder of the limit.
    repos.approvals.listByChannel(partnership.channelId, SIGN_OFFS_READ + 1),
    repos.stakeholders.listByPartnership(partnership.id),
    repos.incidents.listSentTo(partnership.id, INCIDENTS_READ),
    readSentAnnouncements(repos, partnership.id, period),
  ]);
  // Only the subjects read above can be owed or reminded about in the period, so their follow-ups are
  // fetched by id: one lookup on the primary key, however many follow-ups the partnership has.
  const followUps = await repos.followUps.findByIds([
    ...asks.map((a) => followUpId('ask', a.id)),
    ...messages.map((m) => followUpId('message', m.id)),
  ]);
  const pending = approvals.filter((a) => a.state === 'pending');
  return {
    partnership,
    now,
    period,
    asks,
    followUps,
    messages,
    ratings,
    digests,
    approvals: pending,
    stakeholders,
    incidents,
    announcements,
  };
}

/**
 * The period's announcements posted in the partnership's channel (and not deleted since), oldest first:
 * the latest ANNOUNCEMENTS_READ sent to it, their deliveries here by id, and the counts of those left.
 */
async function readSentAnnouncements(
  repos: Pick<Repositories, 'announcements' | 'announcementDeliveries'>,
  partnershipId: string,
  period: DigestPeriod,
): Promise<SentAnnouncement[]> {
  const latest = await repos.announcements.listSentTo(partnershipId, ANNOUNCEMENTS_READ);
  const ids = latest.map((a) => deliveryId(a.id, partnershipId));
  const here = new Map((await repos.announcementDeliveries.findByIds(ids)).map((d) => [d.announcementId, d]));
  const posted = latest.flatMap((announcement) => {
    const delivery = here.get(announcement.id);
    if (delivery?.state !== 'posted' || delivery.removed) return [];
    // Posted once due: when sending started, or later at the start of the partnership's working hours.
    const started = announcement.startedAt ?? announcement.createdAt;
    const at = delivery.dueAt > started ? delivery.dueAt : started;
    return inPeriod(at, period) ? [{ announcement, at }] : [];
  });
  const counted = await Promise.all(
    posted.map(async (p) => ({ ...p, counts: await repos.announcementDeliveries.count(p.announcement.id) })),
  );
  return counted.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The period of the same length just before `period`: what a trend (ratings) is compared with. */
export const periodBefore = (period: { start: Date; end: Date }) => ({
  start: new Date(2 * period.start.getTime() - period.end.getTime()),
  end: period.start,
});

export const inPeriod = (at: Date, period: { start: Date; end: Date }) =>
  at >= period.start && at < period.end;
