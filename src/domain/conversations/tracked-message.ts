import type { Actor } from '../actors.js';

export type ClosedReason = 'reply' | 'reaction' | 'dismissed' | 'raised';

/**
 * A top-level customer message in a partnership channel (or a customer's reply in a watched thread),
 * watched until someone at the vendor answers it, even though nobody raised it as an ask.
 */
export interface TrackedMessage {
  /** `${channelId}:${ts}`: a message is tracked once, however often its event is delivered. */
  id: string;
  partnershipId: string;
  channelId: string;
  ts: string;
  /** The thread a watched reply was posted in; absent for a top-level message. */
  threadTs?: string;
  author: Actor;
  /** The start of the text, for reminders and the Home tab. */
  preview: string;
  postedAt: Date;
  /** Who should answer it: the partnership's owner unless reassigned. */
  ownerId: string;
  closed: { at: Date; by: string | null; reason: ClosedReason } | null;
}

export const PREVIEW_LENGTH = 200;

export const trackedMessageId = (channelId: string, ts: string) => `${channelId}:${ts}`;
