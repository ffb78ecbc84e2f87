import type { HomeView, KnownBlock } from '@slack/types';
import type { Announcement, DeliveryCounts } from '../../domain/announcements/announcement.js';
import type { Approval } from '../../domain/approvals/approval.js';
import type { Ask } from '../../domain/asks/ask.js';
import { STATUS_LABELS } from '../../domain/asks/lifecycle.js';
import type { DigestRecord } from '../../domain/digests/digest-record.js';
import type { FollowUp } from '../../domain/follow-ups/follow-up.js';
import type { Subject } from '../../domain/follow-ups/subject.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { Departure } from '../../domain/stakeholders/relationship-risks.js';
import { describeAnnouncement } from '../announcements/describe-announcement.js';
import { postUpdateButton } from '../incidents/post-update-button.js';
import { describeDeparture } from '../people/departure-alert.js';
import { context, divider, header, mrkdwn, section } from '../shared/blocks.js';
import { describeDue, slackDate } from '../shared/describe-due.js';
import { safeText } from '../shared/escape.js';
import { mentions } from '../shared/mention.js';

/**
 * One section per item keeps every text far under 3000 characters. With these caps the whole tab is
 * at most 66 blocks, inside the Home tab's 100, however much there is: what I owe 1 + 15 + 1 (header,
 * items, '…and N more'), approvals 1 + 1 + 10 + 1 (divider, header, items, more), asks raised
 * 1 + 1 + 10, partnerships 1 + 1 + 20 + 1, announcements sent 1 + 1 + 5, and the 'Updated' line.
 */
export const HOME_LIMITS = {
  owed: 15,
  approvals: 10,
  raised: 10,
  partnerships: 20,
  announcements: 5,
} as const;

/** Pending approvals read for the Home tab beyond those shown, to say exactly how many more there are. */
export const APPROVALS_COUNTED = 100;

/** Approvals have a section of their own, so their follow-ups are never listed as owed. */
export type OwedSubject = Exclude<Subject, { type: 'approval' }>;

export interface OwedItem {
  followUp: FollowUp;
  subject: OwedSubject;
}

export interface WaitingApproval {
  approval: Approval;
  /** The approvers whose seats were passed on to the reader as their backup; empty for their own seat. */
  standingInFor: string[];
}

export interface PartnershipHealth {
  partnership: Partnership;
  openAsks: number;
  overdue: number;
  /** The latest digest of any state: a refused or skipped one is news to its owner too. */
  lastDigest: DigestRecord | null;
  /** The one customer person active over the last 30 days, when there is only one. */
  singleThreadedOn: string | null;
  /** Listed customer contacts who left recently, most recent first. */
  departures: Departure[];
}

export interface HomeData {
  /** Soonest due first; only the first HOME_LIMITS.owed are shown. */
  owed: OwedItem[];
  /** Everything owed, shown or not. */
  owedTotal: number;
  /**
   * Pending approvals waiting on the reader, soonest due first: only the first HOME_LIMITS.approvals
   * are shown. At most APPROVALS_COUNTED + 1: one past the count means there are more than that.
   */
  approvals: WaitingApproval[];
  /** Newest first. */
  raised: Ask[];
  partnerships: PartnershipHealth[];
  partnershipsTotal: number;
  /** The reader's latest announcements, newest first, with what they reached; none for most people. */
  announcements: { announcement: Announcement; counts: DeliveryCounts }[];
  /** Account names of the partnerships the items belong to, by partnership id. */
  accountNames: ReadonlyMap<string, string>;
}

/**
 * The reader's own Home tab: what they owe, the approvals waiting on them, what they asked for, and
 * how their accounts are doing.
 */
export function buildHomeView(data: HomeData, now: Date): HomeView {
  const account = (partnershipId: string) =>
    safeText(data.accountNames.get(partnershipId) ?? 'an unknown account', 80);
  const owed = data.owed.slice(0, HOME_LIMITS.owed);
  const partnerships = data.partnerships.slice(0, HOME_LIMITS.partnerships);
  const blocks: KnownBlock[] = [
    header('What I owe'),
    ...listOrEmpty(
      owed.map((item) => section(owedLine(item, account(item.followUp.partnershipId), now))),
      'Nothing is waiting on you. :tada:',
    ),
    ...more(data.owedTotal - owed.length),
    divider(),
    ...approvalBlocks(data.approvals, account, now),
    divider(),
    header('Asks I raised'),
    ...listOrEmpty(
      data.raised.slice(0, HOME_LIMITS.raised).map((a) => section(raisedLine(a, account(a.partnershipId)))),
      'You have not raised any asks yet.',
    ),
    divider(),
    header('Partnerships I own'),
    ...listOrEmpty(
      partnerships.map((h) => section(healthLine(h))),
      'You do not own any partnerships.',
    ),
    ...more(data.partnershipsTotal - partnerships.length),
    ...announcementBlocks(data.announcements),
    context(`Updated ${slackDate(now)}`),
  ];
  return { type: 'home', blocks };
}

/** Only for people who have sent some: a section of their latest. */
function announcementBlocks(announcements: HomeData['announcements']): KnownBlock[] {
  if (announcements.length === 0) return [];
  const shown = announcements.slice(0, HOME_LIMITS.announcements);
  return [divider(), header('My announcements'), ...shown.map(announcementBlock)];
}

/** An open incident, once its first message reached every channel, takes its next update from here. */
function announcementBlock({ announcement: a, counts }: HomeData['announcements'][number]): KnownBlock {
  const text = mrkdwn(describeAnnouncement(a, counts));
  return a.incident && a.incident.status !== 'resolved' && a.state === 'sent'
    ? { type: 'section', text, accessory: postUpdateButton(a, a.incident) }
    : { type: 'section', text };
}

const listOrEmpty = (blocks: KnownBlock[], empty: string) => (blocks.length > 0 ? blocks : [context(empty)]);

const more = (hidden: number, atLeast = false) =>
  hidden > 0 ? [context(`…and ${hidden}${atLeast ? '+' : ''} more`)] : [];

function approvalBlocks(
  approvals: WaitingApproval[],
  account: (partnershipId: string) => string,
  now: Date,
): KnownBlock[] {
  const counted = approvals.slice(0, APPROVALS_COUNTED);
  const shown = counted.slice(0, HOME_LIMITS.approvals);
  return [
    header('Approvals waiting for me'),
    ...listOrEmpty(
      shown.map((w) => section(approvalLine(w, account(w.approval.partnershipId), now))),
      'No approval is waiting on you.',
    ),
    ...more(counted.length - shown.length, approvals.length > APPROVALS_COUNTED),
  ];
}

function approvalLine({ approval: a, standingInFor }: WaitingApproval, account: string, now: Date): string {
  const title = safeText((a.title.trim() || 'Approval').replace(/\s+/g, ' '), 150);
  const backup = standingInFor.length > 0 ? ` · as backup for ${mentions(standingInFor)}` : '';
  const card = a.card ? ` · card in <#${a.card.channelId}>` : '';
  return `*Approval* ${title}${backup}\n${account} · ${describeDue(a.dueAt, now)}${card}`;
}

function owedLine({ followUp: f, subject }: OwedItem, account: string, now: Date): string {
  const what =
    subject.type === 'ask'
      ? `*${subject.ask.ref}* ${safeText(subject.ask.content.title, 150)}`
      : `Unanswered message from <@${subject.message.author.userId}>: “${safeText(subject.message.preview, 150)}”`;
  // A snooze only silences reminders: the target keeps running, so the due time stays visible.
  const snoozed =
    f.snooze && f.snooze.until > now
      ? ` · snoozed until ${slackDate(f.snooze.until)}: ${safeText(f.snooze.reason, 300)}`
      : '';
  // The owner is the one to fix a send the tracker refused (the reason is on the twin).
  const refused =
    subject.type === 'ask' && subject.ask.tracker?.failure ? ' · :warning: not sent to the tracker' : '';
  return `${what}\n${account} · ${describeDue(f.dueAt, now)}${snoozed}${refused}`;
}

const raisedLine = (a: Ask, account: string) =>
  `*${a.ref}* ${safeText(a.content.title, 150)}\n${STATUS_LABELS[a.status]} · ${account}`;

function healthLine(h: PartnershipHealth): string {
  const { partnership: p, openAsks, overdue, lastDigest } = h;
  const asks = `${openAsks} open ${openAsks === 1 ? 'ask' : 'asks'}`;
  const late = overdue > 0 ? `*${overdue} overdue*` : 'none overdue';
  const lastCustomer = p.lastCustomerMessageAt ? slackDate(p.lastCustomerMessageAt) : 'none yet';
  const next = p.digestNextAt ? ` (next ${slackDate(p.digestNextAt)})` : ' (none scheduled)';
  return (
    `*${safeText(p.accountName, 80)}* in <#${p.channelId}>\n` +
    `${asks} · ${late} · last customer message: ${lastCustomer} · last digest: ${describeDigest(lastDigest)}${next}` +
    relationshipLine(h)
  );
}

/** Who the relationship hangs on: a single active contact, or contacts who left (at most two named). */
function relationshipLine({ singleThreadedOn, departures }: PartnershipHealth): string {
  const flags = departures.slice(0, 2).map((d) => describeDeparture(d, 'left'));
  if (departures.length > 2) flags.push(`${departures.length - 2} more contacts left`);
  if (singleThreadedOn)
    flags.push(`:warning: Single-threaded: only <@${singleThreadedOn}> active in 30 days`);
  return flags.length > 0 ? `\n${flags.join(' · ')}` : '';
}

function describeDigest(d: DigestRecord | null): string {
  if (d === null) return 'none yet';
  const when = slackDate(d.slot);
  switch (d.state) {
    case 'posted':
      return when;
    case 'posting':
      return `${when}, being posted`;
    case 'skipped':
      return `*${when} skipped* (Rapport was down)`;
    case 'failed':
      return `*${when} not posted*: \`${safeText(d.error ?? 'unknown error', 60)}\``;
  }
}
