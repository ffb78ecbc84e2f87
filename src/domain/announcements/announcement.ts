import type { Decision } from '../approvals/approval.js';
import type { Incident } from '../incidents/incident.js';

/** Who an announcement goes to: every partnership, those with any (or all) of `tags`, or the ones picked. */
export interface Audience {
  kind: 'all' | 'tags' | 'picked';
  /** For 'tags': a partnership with any of them is in, or only one with all of them. */
  tags: string[];
  tagMatch: 'any' | 'all';
  /** Whatever the kind, a partnership with any of these is left out. */
  excludedTags: string[];
  /** For 'picked': the partnerships' shared channels. */
  channelIds: string[];
  /** Whatever the kind, these partnerships' shared channels are left out. */
  excludedChannelIds: string[];
}

/**
 * The second sign-off a large audience needs: one named colleague of the sender decides, as one approver
 * seat of an approval whose rule is 'any' (the approvals' decision and its trail, see approvals/rules.ts).
 */
export interface AnnouncementSignOff {
  approverId: string;
  decision: Decision | null;
}

/** A partnership's owner (or an admin) left their customer out during the hold window. */
export interface HoldExclusion {
  partnershipId: string;
  accountName: string;
  by: string;
  at: Date;
}

/**
 * draft: previewed, not confirmed; awaiting_signoff: confirmed, waiting for the colleague's sign-off;
 * scheduled: confirmed, waiting for `sendAt`; sending: its deliveries
 * exist and are being posted; sent: every delivery settled (posted or refused); cancelled before sending.
 */
export type AnnouncementState =
  | 'draft'
  | 'awaiting_signoff'
  | 'scheduled'
  | 'sending'
  | 'sent'
  | 'cancelled'
  | 'deleted';

/** One message from the vendor to many partnerships' shared channels. */
export interface Announcement {
  id: string;
  title: string;
  /** The sender's mrkdwn, escaped when shown (it can never ping a channel or a person). */
  body: string;
  /** The unsent announcement this one edits: cancelled when this one is confirmed. */
  replaces: string | null;
  /** Chosen explicitly by the sender (off by default): the message starts with an @channel mention. */
  notifyChannel: boolean;
  audience: Audience;
  /** The partnerships it reaches, fixed when previewed: what the sender saw is what is sent. */
  partnershipIds: string[];
  /** null: as soon as it is confirmed. */
  sendAt: Date | null;
  /** Once due, each partnership gets it at the start of its own next working hours (in its zone). */
  inWorkingHours: boolean;
  /** The sender's zone, in which `sendAt` was chosen and is shown. */
  timeZone: string;
  state: AnnouncementState;
  createdBy: string;
  createdAt: Date;
  /** When sending started, and when every delivery had settled. */
  startedAt: Date | null;
  finishedAt: Date | null;
  /** Set when it is an incident: its status and updates (absent on plain announcements). */
  incident?: Incident | null;
  /** Required for audiences over the sign-off threshold; null otherwise. */
  signOff: AnnouncementSignOff | null;
  /** Owners may leave their customer out until then (audiences over the hold threshold); it is not sent before. */
  holdUntil: Date | null;
  /** Owners told of the hold window so far, and when all of them had been. */
  ownersTold: string[];
  ownersToldAt: Date | null;
  exclusions: HoldExclusion[];
  /** After sending: bumped by each edit; every delivered message is brought to it (or removed once deleted). */
  revision: number;
  /** An edit or deletion is still to reach some delivered messages. */
  changeOwed: boolean;
  /** The sender's DM that shows how far the latest edit or deletion (`change`: its key) has got. */
  changeProgress: { channel: string; ts: string; change: string } | null;
}

/** A new announcement's sign-off, hold window and changes after sending: none yet. */
export const noReviewYet = (): Pick<
  Announcement,
  'holdUntil' | 'ownersTold' | 'ownersToldAt' | 'exclusions' | 'revision' | 'changeOwed' | 'changeProgress'
> => ({
  holdUntil: null,
  ownersTold: [],
  ownersToldAt: null,
  exclusions: [],
  revision: 0,
  changeOwed: false,
  changeProgress: null,
});

/** A new delivery's state after sending: not edited, not removed, no replies or reactions yet. */
export const NOTHING_SINCE_POSTED: Pick<
  AnnouncementDelivery,
  'shownRevision' | 'removed' | 'changeError' | 'replies' | 'reactions'
> = { shownRevision: 0, removed: false, changeError: null, replies: 0, reactions: 0 };

export const ANNOUNCEMENT_TEXT_MAX = { title: 150, body: 3000 } as const;

/** One announcement's message to one partnership's channel: claimed before it is posted, so it goes once. */
export interface AnnouncementDelivery {
  /** `${announcementId}:${partnershipId}`: unique, so a delivery is created once whatever runs it. */
  id: string;
  announcementId: string;
  partnershipId: string;
  channelId: string;
  state: 'pending' | 'posted' | 'failed';
  /** Held by whoever is posting it; a dead holder's lease runs out and the next run takes over. */
  lease: { token: string; until: Date } | null;
  /** Not posted before: when the announcement started, or the partnership's next working time. */
  dueAt: Date;
  /** Set once a holder has claimed it: a later holder looks in the channel before posting again. */
  attempts: number;
  ts: string | null;
  /** Slack's reason for refusing the channel ('channel_not_found', 'is_archived', ...). */
  error: string | null;
  /** The announcement's revision its message shows, and whether it was deleted. */
  shownRevision: number;
  removed: boolean;
  /** Slack's reason for refusing the last edit or deletion of its message ('message_not_found', ...). */
  changeError: string | null;
  /** Customers' replies in its message's thread, and reactions on its message now. */
  replies: number;
  reactions: number;
}

export const deliveryId = (announcementId: string, partnershipId: string) =>
  `${announcementId}:${partnershipId}`;

export interface DeliveryCounts {
  pending: number;
  posted: number;
  failed: number;
  replies: number;
  reactions: number;
}
