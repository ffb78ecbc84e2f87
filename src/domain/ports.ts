import type { Side } from './actors.js';
import type {
  Announcement,
  AnnouncementDelivery,
  AnnouncementState,
  DeliveryCounts,
  HoldExclusion,
} from './announcements/announcement.js';
import type { Approval } from './approvals/approval.js';
import type { Ask, AskKind, AskStatus, AskSummary } from './asks/ask.js';
import type { ClosedReason, TrackedMessage } from './conversations/tracked-message.js';
import type { DigestRecord } from './digests/digest-record.js';
import type { OwedEffectsStore } from './effects/owed-effects.js';
import type { Feedback } from './feedback/feedback.js';
import type { FollowUp } from './follow-ups/follow-up.js';
import type { IncidentUpdate, IncidentUpdateCounts, IncidentUpdateDelivery } from './incidents/incident.js';
import type { LimitCounterRepository } from './limits/person-limits.js';
import type { ContactRole, Partnership } from './partnerships/partnership.js';
import type { CommunicationPlan } from './plan/communication-plan.js';
import type { GoneReason, Person, Stakeholder } from './stakeholders/stakeholder.js';
import type { IssueTold, TrackerIssue, TrackerName } from './trackers/tracker.js';
import type { TrackerConnectionRepository } from './trackers/tracker-connection.js';
import type { WebhookDeliveryRepository, WebhookEndpointRepository } from './webhooks/webhook-delivery.js';

export interface Clock {
  now(): Date;
}

export interface PartnershipRepository {
  findByChannel(channelId: string): Promise<Partnership | null>;
  findById(id: string): Promise<Partnership | null>;
  listByOwner(userId: string): Promise<Partnership[]>;
  /** 'duplicate' when the channel already has a partnership (unique per channel). */
  insert(partnership: Partnership): Promise<'inserted' | 'duplicate'>;
  /** Compare-and-set: replaces only if the stored version is still `expectedVersion`. */
  replace(partnership: Partnership, expectedVersion: number): Promise<'replaced' | 'conflict'>;
  /** Remembers the pinned welcome message; not an edit of the settings, so the version stays. */
  recordWelcomeMessage(id: string, ts: string): Promise<void>;
  /** Remembers when a customer last wrote in the channel (partnership health); no new version. */
  recordCustomerMessage(id: string, at: Date): Promise<void>;
  /** Partnerships whose next digest slot has come, earliest first. */
  listDigestDue(now: Date, limit: number): Promise<Partnership[]>;
  /**
   * Moves the next digest slot from `from` to `to`, unless someone else moved it first (false then).
   * Not a settings change: the version stays.
   */
  advanceDigest(id: string, from: Date, to: Date): Promise<boolean>;
  /** Compare-and-set: stores the communication plan only if the version is still `expectedVersion`; bumps it. */
  savePlan(id: string, plan: CommunicationPlan, expectedVersion: number): Promise<'saved' | 'conflict'>;
  /** Remembers the plan's pinned message; like the welcome message, no new version. */
  recordPlanMessage(id: string, ts: string): Promise<void>;
  /** Every partnership of the workspace, by account name (announcements choose among them). */
  listAll(): Promise<Partnership[]>;
}

export interface AnnouncementRepository {
  insert(announcement: Announcement): Promise<void>;
  findById(id: string): Promise<Announcement | null>;
  /** Moves it from one of `from` to `to` (with `changes`); false when it was in none of them. */
  transition(
    id: string,
    from: AnnouncementState[],
    to: AnnouncementState,
    changes?: Partial<
      Pick<
        Announcement,
        | 'sendAt'
        | 'startedAt'
        | 'finishedAt'
        | 'signOff'
        | 'holdUntil'
        | 'ownersToldAt'
        | 'changeOwed'
        | 'revision'
      >
    >,
  ): Promise<boolean>;
  /**
   * Takes one partnership out of `loaded` (as read) while its hold window is open; false when it changed
   * meanwhile (another exclusion, the window closed, sending started): read again.
   */
  leaveOut(loaded: Announcement, exclusion: HoldExclusion): Promise<boolean>;
  /** Scheduled ones whose time and hold window have passed, and those being sent (to finish what a dead run left). */
  listDue(now: Date): Promise<Announcement[]>;
  /** Scheduled ones in their hold window whose owners have not all been told yet. */
  listOwnersToTell(now: Date): Promise<Announcement[]>;
  markOwnerTold(id: string, ownerId: string): Promise<void>;
  /** A sent one's new title and text, as its next revision owed to every delivered message; null unless sent. */
  revise(id: string, text: { title: string; body: string }): Promise<Announcement | null>;
  /** Sent or deleted ones whose edit or deletion has not reached every delivered message yet. */
  listChanging(): Promise<Announcement[]>;
  /** Done with `revision` in `state`; false when a newer edit or a deletion came in meanwhile. */
  settleChange(id: string, revision: number, state: AnnouncementState): Promise<boolean>;
  setChangeProgress(id: string, progress: NonNullable<Announcement['changeProgress']>): Promise<void>;
  /** The latest ones, newest first, drafts left out. */
  listRecent(limit: number): Promise<Announcement[]>;
  /** The latest ones one person wrote, newest first, drafts left out. */
  listRecentBy(userId: string, limit: number): Promise<Announcement[]>;
  /**
   * The latest announcements (not incidents) sent or being sent to the partnership, newest first (for its
   * digests).
   */
  listSentTo(partnershipId: string, limit: number): Promise<Announcement[]>;
}

export interface AnnouncementDeliveryRepository {
  /** 'duplicate' when it exists already (another run created it). */
  insert(delivery: AnnouncementDelivery): Promise<'inserted' | 'duplicate'>;
  /**
   * Takes one pending delivery of the announcement, due by `now` (or stored without a due time), that
   * nobody holds (or whose holder's lease ran out).
   */
  claimPending(
    announcementId: string,
    now: Date,
    lease: { token: string; until: Date },
  ): Promise<AnnouncementDelivery | null>;
  /** Extends the lease of a delivery this holder still holds; false when someone else took it over. */
  renew(id: string, token: string, until: Date): Promise<boolean>;
  /** Settles a delivery this holder still holds; false when someone else took it over meanwhile. */
  finish(
    id: string,
    token: string,
    outcome: { state: 'posted'; ts: string } | { state: 'failed'; error: string },
  ): Promise<boolean>;
  listFor(announcementId: string): Promise<AnnouncementDelivery[]>;
  /** Those of these ids that exist, in no particular order. */
  findByIds(ids: string[]): Promise<AnnouncementDelivery[]>;
  count(announcementId: string): Promise<DeliveryCounts>;
  /** The delivery whose message is this one (a thread's parent, a reacted-to message); null for any other. */
  findByMessage(channelId: string, ts: string): Promise<AnnouncementDelivery | null>;
  /** Counts a customer's reply in its thread, or a reaction added (+1) or removed (-1) on its message. */
  countResponse(id: string, response: { replies: 1 } | { reactions: 1 | -1 }): Promise<void>;
  /**
   * Takes one posted delivery whose message does not show `target` yet (the revision, or removal), that
   * nobody holds or whose holder's lease ran out.
   */
  claimStale(
    announcementId: string,
    target: { revision: number } | 'removed',
    now: Date,
    lease: { token: string; until: Date },
  ): Promise<AnnouncementDelivery | null>;
  /** Records that its message now shows `target` (or that Slack refused it: `error`), releasing it. */
  markChanged(
    id: string,
    token: string,
    target: { revision: number } | 'removed',
    error: string | null,
  ): Promise<boolean>;
}

/** The incident side of announcements: their updates and how far each has gone out. */
export interface IncidentRepository {
  /** Compare-and-set on the number of updates: false when another update was stored meanwhile. */
  addUpdate(
    id: string,
    expectedCount: number,
    update: IncidentUpdate,
    resolvedAt: Date | null,
  ): Promise<boolean>;
  /** Incidents with an update not yet settled. */
  listSending(): Promise<Announcement[]>;
  /** The latest incidents sent or being sent, newest first. */
  listRecent(limit: number): Promise<Announcement[]>;
  /** The latest incidents sent (or being sent) to the partnership, newest first (for its digests). */
  listSentTo(partnershipId: string, limit: number): Promise<Announcement[]>;
  /** Update `update`'s deliveries exist (moves `startedThrough` from update - 1). */
  markStarted(id: string, update: number): Promise<boolean>;
  /** Update `update` has settled and its poster was told; no longer sending once it was the last one. */
  markSettled(id: string, update: number): Promise<boolean>;
  /** The poster's progress message of update `update`. */
  recordProgress(id: string, update: number, message: { channel: string; ts: string }): Promise<void>;
}

export interface IncidentUpdateDeliveryRepository {
  insert(delivery: IncidentUpdateDelivery): Promise<'inserted' | 'duplicate'>;
  /** Takes one delivery of the update in `state` that nobody holds (or whose holder's lease ran out). */
  claim(
    announcementId: string,
    update: number,
    state: 'pending' | 'replied',
    now: Date,
    lease: { token: string; until: Date },
  ): Promise<IncidentUpdateDelivery | null>;
  renew(id: string, token: string, until: Date): Promise<boolean>;
  /** Moves a delivery this holder still holds on and frees it; false when someone else took it over. */
  finish(
    id: string,
    token: string,
    outcome: { state: 'replied'; replyTs: string } | { state: 'edited' } | { state: 'failed'; error: string },
  ): Promise<boolean>;
  listFor(announcementId: string, update: number): Promise<IncidentUpdateDelivery[]>;
  count(announcementId: string, update: number): Promise<IncidentUpdateCounts>;
}

export interface AskQuery {
  partnershipId: string;
  statuses?: AskStatus[];
  requesterId?: string;
  ownerId?: string;
}

/** How many asks of one kind are in one status. */
export interface AskCount {
  kind: AskKind;
  status: AskStatus;
  count: number;
}

export interface AskRepository {
  /** 'duplicate' when the partnership already has an ask with that number. */
  insert(ask: Ask): Promise<'inserted' | 'duplicate'>;
  findById(id: string): Promise<Ask | null>;
  findBySource(channelId: string, messageTs: string): Promise<Ask | null>;
  /** The ask whose thread this is: its status card's, or the message it was raised from. */
  findByThread(channelId: string, threadTs: string): Promise<Ask | null>;
  /** References are unique per partnership, so the same ref may exist in two partnerships. */
  findByRef(ref: string): Promise<Ask[]>;
  /** The asks that follow `askId` as the same product change. */
  findLinkedTo(askId: string): Promise<Ask[]>;
  /** Compare-and-set on the version, like partnerships. */
  replace(ask: Ask, expectedVersion: number): Promise<'replaced' | 'conflict'>;
  /** Remembers the status card; not a change of the ask itself, so the version stays. */
  recordCard(id: string, card: { channelId: string; ts: string }): Promise<void>;
  /** Remembers the internal mirror in the triage channel; like the card, no new version. */
  recordMirror(id: string, mirror: { channelId: string; ts: string }): Promise<void>;
  /** Asks in `statuses` linked to an issue, in the order of their issue keys: what a poll of the tracker reads. */
  listWithIssue(statuses: AskStatus[], page: { limit: number; skip: number }): Promise<Ask[]>;
  /** The asks linked to a tracker's issue, in any partnership, oldest first. */
  findByIssue(tracker: TrackerName, key: string): Promise<Ask[]>;
  /** Remembers the issue an effect created for the ask, and what it was told then; like the card, no new version. */
  recordIssue(id: string, issue: TrackerIssue, told: IssueTold): Promise<void>;
  /** Remembers how much of the ask's activity its issue has been told; no new version. */
  recordIssueTold(id: string, told: IssueTold): Promise<void>;
  /** The owner was told that the issue unlinked at `at` is gone (a later unlink stays to tell); no new version. */
  recordUnlinkTold(id: string, at: Date): Promise<void>;
  /** Remembers why the tracker refused to create the ask's issue; no new version. */
  recordTrackerFailure(id: string, failure: string): Promise<void>;
  /** The asks someone raised, in any partnership, newest first. */
  listRaisedBy(userId: string, limit: number): Promise<Ask[]>;
  /** Open asks, and closed ones changed since `since`: everything a digest of the period can mention. */
  listActive(partnershipId: string, openStatuses: AskStatus[], since: Date): Promise<Ask[]>;
  /** Newest first. */
  list(
    query: AskQuery,
    page: { limit: number; skip: number },
  ): Promise<{ asks: AskSummary[]; total: number }>;
  /** Every ask of one kind, in every partnership (the similar-requests index is built from them). */
  listByKind(kind: AskKind): Promise<Ask[]>;
  /** Every partnership's asks counted by kind and status, in one query (operations metrics); no zeros. */
  countByKindAndStatus(): Promise<AskCount[]>;
}

export interface FollowUpRepository {
  findById(id: string): Promise<FollowUp | null>;
  insert(followUp: FollowUp): Promise<'inserted' | 'duplicate'>;
  /** Compare-and-set on the version. */
  replace(followUp: FollowUp, expectedVersion: number): Promise<'replaced' | 'conflict'>;
  /**
   * Atomically takes one follow-up whose next nag is due by moving its next nag to `leaseUntil` (and
   * bumping the version, and counting the claim in `round.claims`): no other sweep can take it until
   * then, and if this one dies it comes back.
   */
  claimDue(now: Date, leaseUntil: Date): Promise<FollowUp | null>;
  /** What someone owes and has not been closed, soonest due first. */
  listOpenByOwner(userId: string): Promise<FollowUp[]>;
  countOverdue(partnershipId: string, now: Date): Promise<number>;
  /** The follow-ups with these ids that exist, in no particular order. */
  findByIds(ids: string[]): Promise<FollowUp[]>;
  /**
   * Deletes the closed follow-ups of customer messages last changed before `before` (every
   * partnership's): their messages are deleted by then. Resolves to how many.
   */
  purgeClosedMessagesBefore(before: Date): Promise<number>;
}

export interface TrackedMessageRepository {
  insert(message: TrackedMessage): Promise<'inserted' | 'duplicate'>;
  findById(id: string): Promise<TrackedMessage | null>;
  /** Closes it unless it is closed already; false when it was. */
  close(id: string, closed: { at: Date; by: string | null; reason: ClosedReason }): Promise<boolean>;
  /** Open messages in a channel posted up to `until`, oldest first. */
  listOpenInChannel(channelId: string, until: Date): Promise<TrackedMessage[]>;
  reassign(id: string, ownerId: string): Promise<void>;
  /** A channel's open messages, and any posted since `since`, oldest first. */
  listActive(channelId: string, since: Date): Promise<TrackedMessage[]>;
  /** Deletes the closed messages posted before `before` (every channel's); resolves to how many. */
  purgeClosedBefore(before: Date): Promise<number>;
}

/** What a finished digest records (its messages were recorded as they were posted). */
export type DigestOutcome = Pick<DigestRecord, 'state' | 'period' | 'error' | 'finishedAt'>;

export interface DigestRepository {
  /** 'duplicate' when that partnership's slot is taken already: the one gate of exactly-once posting. */
  insert(record: DigestRecord): Promise<'inserted' | 'duplicate'>;
  findById(id: string): Promise<DigestRecord | null>;
  /** Atomically takes over one digest whose poster's lease ran out (it died while posting), or null. */
  claimAbandoned(now: Date, lease: { token: string; until: Date }): Promise<DigestRecord | null>;
  /** Extends the lease while `token` holds it; false when another replica took the digest over. */
  renew(id: string, token: string, until: Date): Promise<boolean>;
  /** Remembers a message as soon as it is posted, so a replica taking over never posts it again. */
  recordMessage(
    id: string,
    token: string,
    which: 'customerMessage' | 'internalMessage',
    message: { channelId: string; ts: string },
  ): Promise<boolean>;
  /** Records the outcome and releases the lease, while `token` holds it; false otherwise. */
  finish(id: string, token: string, outcome: DigestOutcome): Promise<boolean>;
  /** The partnership's latest digests of any state, newest slot first. */
  listRecent(partnershipId: string, limit: number): Promise<DigestRecord[]>;
}

export interface ApprovalRepository {
  /** 'duplicate' when an approval with that id exists already. */
  insert(approval: Approval): Promise<'inserted' | 'duplicate'>;
  findById(id: string): Promise<Approval | null>;
  /** Compare-and-set on the version. */
  replace(approval: Approval, expectedVersion: number): Promise<'replaced' | 'conflict'>;
  /** Remembers the approval card; not a change of the approval itself, so the version stays. */
  recordCard(id: string, card: { channelId: string; ts: string }): Promise<void>;
  /** A channel's approvals: pending ones first, then the rest, newest first within each. */
  listByChannel(channelId: string, limit: number): Promise<Approval[]>;
  /** Pending approvals whose next check has come (`checkAt <= now`), the longest waiting first. */
  listDue(now: Date, limit: number): Promise<Approval[]>;
  /**
   * Pending approvals waiting on `userId`: as an approver who has not decided, or as the backup of an
   * undecided approver who was escalated. Soonest due first; for the Home tab and digests.
   */
  listPendingFor(userId: string, limit: number): Promise<Approval[]>;
  /** A channel's approvals that were settled (any outcome) in [start, end), earliest settled first; for reports. */
  listSettledBetween(channelId: string, start: Date, end: Date): Promise<Approval[]>;
}

export interface StakeholderRepository {
  /**
   * A message or action by `person` at `at`: they are in the channel and active. Created on first
   * sight. Activity is kept to the minute it matters: a write at most every ACTIVITY_RESOLUTION_MS.
   */
  recordActivity(partnershipId: string, person: Person, at: Date): Promise<void>;
  /** They joined the channel (again): active, with their first sighting kept. */
  recordJoined(partnershipId: string, person: Person, at: Date): Promise<void>;
  /**
   * They left the channel or were deactivated. Resolves to the stakeholder as it was just before,
   * only for the one call that turned them from active to gone (so one departure alerts once).
   */
  markGone(partnershipId: string, userId: string, reason: GoneReason, at: Date): Promise<Stakeholder | null>;
  /** Sets a person's role (null clears it); someone not yet on the map is added, active. */
  setRole(
    partnershipId: string,
    person: Person,
    role: { role: ContactRole | null; customRole: string | null },
    at: Date,
  ): Promise<void>;
  /** Everyone on a partnership's map, both sides, active or gone. */
  listByPartnership(partnershipId: string): Promise<Stakeholder[]>;
  /** Every partnership where `userId` is active: where a deactivation must be recorded. */
  listActiveByUser(userId: string): Promise<Stakeholder[]>;
}

export interface FeedbackRepository {
  /** 'duplicate' when the ask already had its feedback request (one per ask). */
  insert(feedback: Feedback): Promise<'inserted' | 'duplicate'>;
  findByAsk(askId: string): Promise<Feedback | null>;
  save(feedback: Feedback): Promise<void>;
  /** When this person was last asked for a rating in this partnership, if ever. */
  lastAskedAt(partnershipId: string, userId: string): Promise<Date | null>;
  /** Ratings given in the partnership since `since`. */
  listRatedSince(partnershipId: string, since: Date): Promise<Feedback[]>;
}

/** Gap-free counters (ask references such as ACME-12), atomic across replicas. */
export interface SequenceRepository {
  next(name: string): Promise<number>;
}

/**
 * Once-only markers: the first caller to claim a key wins, every later claim of the same key loses.
 * Used to apply an event delivery, a posted slot or a sent reminder exactly once across replicas.
 */
export interface MarkerRepository {
  claim(key: string, now: Date, expiresAt: Date | null): Promise<boolean>;
  /** Gives a claim back (its work failed), so a later delivery of the same key is handled. */
  release(key: string): Promise<void>;
  purgeExpired(now: Date): Promise<number>;
}

export interface Repositories {
  partnerships: PartnershipRepository;
  asks: AskRepository;
  feedback: FeedbackRepository;
  sequences: SequenceRepository;
  markers: MarkerRepository;
  /** Per-person counters of the actions people outside the vendor may do only so often. */
  limits: LimitCounterRepository;
  followUps: FollowUpRepository;
  trackedMessages: TrackedMessageRepository;
  digests: DigestRepository;
  approvals: ApprovalRepository;
  stakeholders: StakeholderRepository;
  /** What changes of asks and of approvals still owe Slack, kept on their documents. */
  askEffects: OwedEffectsStore;
  approvalEffects: OwedEffectsStore;
  /** Where events go outside Slack, and the outbox of their deliveries (with its log). */
  webhookEndpoints: WebhookEndpointRepository;
  webhookDeliveries: WebhookDeliveryRepository;
  announcements: AnnouncementRepository;
  announcementDeliveries: AnnouncementDeliveryRepository;
  incidents: IncidentRepository;
  incidentUpdateDeliveries: IncidentUpdateDeliveryRepository;
  /** The workspace's trackers connected in Slack, their secrets sealed. */
  trackerConnections: TrackerConnectionRepository;
}

/** What the domain needs to know about people and channels; answered by Slack. */
export interface Directory {
  /** null when the user does not exist (deleted, or a typo in a test). */
  sideOfUser(userId: string): Promise<Side | null>;
  /** True when the channel is shared with another organisation (Slack Connect). */
  isExternallyShared(channelId: string): Promise<boolean>;
}
