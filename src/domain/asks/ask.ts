import type { Actor, Side } from '../actors.js';
import type { AskTracker } from '../trackers/tracker.js';

export const ASK_KINDS = ['help', 'enhancement', 'vendor'] as const;
export type AskKind = (typeof ASK_KINDS)[number];
export const URGENCIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export type AskStatus =
  | 'open'
  | 'acknowledged'
  | 'in_progress'
  | 'waiting_on_customer'
  | 'waiting_on_vendor'
  | 'resolved'
  | 'submitted'
  | 'under_review'
  | 'planned'
  | 'shipped'
  | 'declined'
  | 'withdrawn';

/** What the asker tells us; which fields apply depends on the kind. */
export interface AskContent {
  title: string;
  details: string;
  /** help */
  urgency: Urgency | null;
  /** enhancement: the problem and its use cases, business impact, current workaround */
  businessImpact: string | null;
  workaround: string | null;
  /** enhancement: wanted by; vendor ask: due date ('YYYY-MM-DD') */
  dueDate: string | null;
}

/** Every change, kept for ever. Internal notes live apart (Ask.internalNotes) so they cannot leak by accident. */
export interface HistoryEntry {
  at: Date;
  by: Actor;
  action: 'created' | 'status' | 'note' | 'details' | 'owner' | 'promised_date' | 'linked';
  from: string | null;
  to: string | null;
  /** Customer-visible note given with the change. */
  note: string | null;
}

export interface InternalNote {
  at: Date;
  by: Actor;
  text: string;
}

/** What a list of asks shows of each: read without the ask's history, notes and the rest. */
export interface AskSummary {
  id: string;
  ref: string;
  title: string;
  status: AskStatus;
  ownerId: string;
}

export interface Ask {
  id: string;
  partnershipId: string;
  channelId: string;
  number: number;
  /** ACME-12 */
  ref: string;
  kind: AskKind;
  content: AskContent;
  requester: Actor;
  /** Vendor-side owner for help and enhancements; the customer contact who owes it for vendor asks. */
  ownerId: string;
  status: AskStatus;
  /** Enhancements: the same product change asked by another customer, which this one follows. */
  linkedTo: string | null;
  /** Enhancements: other customers' enhancements the vendor said are not the same request (never suggested again). */
  notSameAs: string[];
  /** Enhancements: who wants it too (+1), one entry per person. */
  voters: { userId: string; teamId: string; at: Date }[];
  /** A commitment ('YYYY-MM-DD'), tracked until kept or renegotiated. */
  promisedDate: string | null;
  /** The message the ask was raised from, if any. */
  source: { channelId: string; messageTs: string } | null;
  /** The one status card in the shared channel. */
  card: { channelId: string; ts: string } | null;
  /** Its internal twin in the partnership's triage channel, with internal notes. */
  mirror: { channelId: string; ts: string } | null;
  history: HistoryEntry[];
  /** Replies in the ask's thread by the side that owes the answer: they count as responses. */
  threadReplies: { firstAt: Date; lastAt: Date } | null;
  internalNotes: InternalNote[];
  /** Engineering's issue for it (GitHub), once wanted; null for asks never sent. */
  tracker: AskTracker | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** Who owes the answer: the vendor, except on a request to the customer. */
export const owingSide = (kind: AskKind): Side => (kind === 'vendor' ? 'customer' : 'vendor');

export const KIND_LABELS: Record<AskKind, string> = {
  help: 'Help request',
  enhancement: 'Enhancement',
  vendor: 'Request to customer',
};
