import type { Side } from '../actors.js';
import type { ContactRole } from '../partnerships/partnership.js';

export type GoneReason = 'left' | 'deactivated';

/**
 * One person of a partnership, on either side, as the stakeholder map keeps them: kept current from
 * channel joins and leaves, messages and actions; roles are edited with `/rapport people`.
 */
export interface Stakeholder {
  partnershipId: string;
  userId: string;
  side: Side;
  /** The person's own Slack team: the customer's in Slack Connect. */
  teamId: string;
  role: ContactRole | null;
  /** A role in the vendor's own words ('procurement') when none of the standard ones fits. */
  customRole: string | null;
  /** In the shared channel now; false once they left it or their account was deactivated. */
  active: boolean;
  firstSeenAt: Date;
  /** Their last message or action in the channel; null when only their joining was seen. */
  lastActiveAt: Date | null;
  goneAt: Date | null;
  goneReason: GoneReason | null;
}

export interface Person {
  userId: string;
  side: Side;
  teamId: string;
}

export const stakeholderId = (partnershipId: string, userId: string) => `${partnershipId}:${userId}`;
