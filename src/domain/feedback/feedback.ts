export type Rating = 'good' | 'bad';

/** A request for a rating after a help request was resolved: at most one per ask. */
export interface Feedback {
  askId: string;
  ref: string;
  partnershipId: string;
  /** The requester, who alone may rate. */
  userId: string;
  askedAt: Date;
  rating: Rating | null;
  comment: string | null;
  ratedAt: Date | null;
}

/** Nobody is asked for a rating more often than this, per partnership. */
export const FEEDBACK_COOLDOWN_DAYS = 7;
