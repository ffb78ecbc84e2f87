import type { Approval } from '../approvals/approval.js';
import type { AskKind, AskStatus } from '../asks/ask.js';
import type { IncidentStatus } from '../incidents/incident.js';
import type { Departure } from '../stakeholders/relationship-risks.js';

/** The period a digest covers: since the previous posted digest (or the partnership's start). */
export interface DigestPeriod {
  start: Date;
  end: Date;
  /** No digest was posted before: the period starts when the partnership was set up. */
  first: boolean;
}

/** An ask as a digest line; what it shows is already decided here, the builder only lays it out. */
export interface DigestAsk {
  id: string;
  ref: string;
  title: string;
  kind: AskKind;
  status: AskStatus;
  ownerId: string;
  requesterId: string;
  createdAt: Date;
  /** Its status card, to link to. */
  card: { channelId: string; ts: string } | null;
  promisedDate: string | null;
  /** When its running response target passed, if it has: shown as overdue, never hidden. */
  overdueSince: Date | null;
}

export interface StatusChange {
  ask: DigestAsk;
  from: AskStatus;
  to: AskStatus;
  at: Date;
}

/** One approver seat a sign-off still waits on. */
export interface AwaitedSeat {
  approverId: string;
  /** Set once the seat was passed on to the approver's backup, who may now decide in their place. */
  backupId: string | null;
}

/** A pending approval as a digest line: the approval (the builder phrases its progress) and who owes it. */
export interface DigestSignOff {
  approval: Approval;
  waitingOn: AwaitedSeat[];
}

/** An incident sent to the partnership that was open at some time in the period. */
export interface DigestIncident {
  title: string;
  status: IncidentStatus;
  startedAt: Date;
  /** Null while it is still open. */
  resolvedAt: Date | null;
}

/** An announcement whose message reached the partnership's channel in the period, and when. */
export interface DigestAnnouncement {
  title: string;
  at: Date;
}

/** What the customer reads in the shared channel. Nothing internal (notes, nags, risks) is in here. */
export interface CustomerDigest {
  accountName: string;
  channelId: string;
  timeZone: string;
  period: DigestPeriod;
  /** Raised in the period, newest first. */
  newAsks: DigestAsk[];
  /** Help requests resolved in the period. */
  resolved: DigestAsk[];
  /** Enhancements shipped in the period: "you asked, we shipped". */
  shipped: DigestAsk[];
  /** Status changes in the period, oldest first; creations and the changes above excluded. */
  statusChanges: StatusChange[];
  /** Open asks now, grouped by status in lifecycle order, oldest first within a group. */
  open: { status: AskStatus; asks: DigestAsk[] }[];
  promises: {
    /** Open asks with a promised date in the next two weeks, soonest first. */
    upcoming: DigestAsk[];
    /** Promised dates that fell in the period and were met. */
    kept: DigestAsk[];
    /** Promised dates that fell in the period and passed with the ask still open (or closed late). */
    missed: DigestAsk[];
  };
  /** Median first response over the asks first answered in the period, in business minutes. */
  firstResponse: { medianMinutes: number | null; count: number };
  /** Incidents of the period, oldest first. */
  incidents: DigestIncident[];
  /** Announcements of the period, oldest first: title and time only. */
  announcements: DigestAnnouncement[];
  signOffs: {
    /** The channel's pending approvals, soonest due first. */
    waiting: DigestSignOff[];
    /** More were pending than a digest reads: the count of `waiting` is a floor. */
    atLeast: boolean;
  };
}

export type RiskFlag =
  /** Response targets that passed unmet in the period. */
  | { kind: 'sla_breaches'; count: number }
  /** The share of good ratings fell against the period before. */
  | { kind: 'ratings_dropping'; previous: RatingTally; current: RatingTally }
  /** Only one person at the customer was active over the last 30 days. */
  | { kind: 'single_threaded'; userId: string }
  /** A listed customer contact left the channel or Slack in the last 30 days. */
  | { kind: 'contact_left'; departure: Departure }
  /** Nobody at the customer has written in the channel for weeks (or ever). */
  | { kind: 'quiet_customer'; lastMessageAt: Date | null; days: number };

export interface RatingTally {
  good: number;
  total: number;
}

export interface OverdueItem {
  subject: 'ask' | 'message';
  /** ACME-12 for asks; null for messages. */
  ref: string | null;
  label: string;
  ownerId: string;
  dueAt: Date;
  link: { channelId: string; ts: string } | null;
}

export interface UnansweredMessage {
  authorId: string;
  preview: string;
  postedAt: Date;
  ownerId: string;
  link: { channelId: string; ts: string };
}

export interface SnoozeLine {
  label: string;
  by: string;
  until: Date;
  reason: string;
}

/** What only the vendor reads (triage channel or the owner's DM): never posted in the shared channel. */
export interface InternalDigest {
  accountName: string;
  /** The shared channel, to link to. */
  channelId: string;
  ownerId: string;
  period: DigestPeriod;
  /** Overdue now, most overdue first. */
  overdue: OverdueItem[];
  /** Customer messages nobody at the vendor has answered, oldest first. */
  unanswered: UnansweredMessage[];
  risks: RiskFlag[];
  /** Reminders and escalations sent in the period, and the snoozes set in it. */
  nags: { reminded: number; escalated: number; snoozes: SnoozeLine[] };
  /** The period's incidents that affected this partnership, with how many partnerships each was sent to. */
  incidents: (DigestIncident & { partnerships: number })[];
  /**
   * The period's announcements that reached this partnership, with how many channels each reached and
   * how many refused it.
   */
  announcements: (DigestAnnouncement & { reached: number; failed: number })[];
  /** Earlier digests of this partnership that Slack refused and were never posted. */
  failedDigests: { slot: Date; error: string }[];
  /** Slots that passed while Rapport was down, too long ago to post late. */
  skippedSlots: Date[];
}
