/** Why a digest exists: its schedule's slot came, or someone pressed "Post now". */
export type DigestTrigger = 'schedule' | 'manual';

/**
 * posting: claimed, being built and posted (under a lease, so a replica that dies gives it back);
 * posted: in the channel; skipped: its slot was found too late (past the grace) and deliberately not
 * posted; failed: Slack refused it for good, which the next internal digest reports.
 */
export type DigestState = 'posting' | 'posted' | 'skipped' | 'failed';

export interface PostedMessage {
  channelId: string;
  ts: string;
}

/**
 * One digest of one partnership. Its id is unique per (partnership, slot), so whichever replica
 * inserts it first is the only one that posts it, however many replicas and restarts see the slot.
 */
export interface DigestRecord {
  /** `${partnershipId}@${slot ISO}` for scheduled digests, `${partnershipId}@manual:${time}` for posts on demand. */
  id: string;
  partnershipId: string;
  trigger: DigestTrigger;
  /** The scheduled time (or the moment of the manual post). */
  slot: Date;
  state: DigestState;
  /** Who holds it while posting, and until when; another replica may take it over after that. */
  lease: { token: string; until: Date } | null;
  /** Earlier slots that passed unposted (the app was down) and are folded into this one. */
  missedSlots: number;
  /** What the digest covers: from the end of the previous posted digest to when it was built. */
  period: { start: Date; end: Date } | null;
  customerMessage: PostedMessage | null;
  internalMessage: PostedMessage | null;
  /** Slack's refusal, when state is failed, in Slack's words (channel_not_found, ...). */
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export const scheduledDigestId = (partnershipId: string, slot: Date) =>
  `${partnershipId}@${slot.toISOString()}`;

export const manualDigestId = (partnershipId: string, at: Date) =>
  `${partnershipId}@manual:${at.toISOString()}`;
