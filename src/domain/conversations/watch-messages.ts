import type { Actor } from '../actors.js';
import { track } from '../follow-ups/track.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { Clock, FollowUpRepository, PartnershipRepository, TrackedMessageRepository } from '../ports.js';
import {
  type ClosedReason,
  PREVIEW_LENGTH,
  type TrackedMessage,
  trackedMessageId,
} from './tracked-message.js';

export interface WatchDeps {
  trackedMessages: TrackedMessageRepository;
  followUps: FollowUpRepository;
  partnerships: PartnershipRepository;
  clock: Clock;
}

export interface PostedMessage {
  channelId: string;
  ts: string;
  /** The parent's ts for a reply in a thread; null for a top-level message. */
  threadTs: string | null;
  author: Actor;
  text: string;
  postedAt: Date;
  /**
   * A reply in a thread Rapport watches as one conversation (an announcement's): a customer's reply is
   * watched as that thread, until a vendor reply in it answers.
   */
  watchedThread?: boolean;
}

/**
 * A message in a partnership channel. A top-level customer message (or reply in a watched thread) is
 * watched until answered; a vendor reply answers its thread's message, and a vendor message in the channel answers every
 * customer message before it. Returns the messages this one closed.
 */
export async function watchMessage(
  deps: WatchDeps,
  p: Partnership,
  m: PostedMessage,
): Promise<TrackedMessage[]> {
  if (m.author.side === 'customer') {
    await deps.partnerships.recordCustomerMessage(p.id, m.postedAt);
    if (m.threadTs === null) await startWatching(deps, p, m);
    else if (m.watchedThread) await startWatching(deps, p, { ...m, ts: m.threadTs });
    return [];
  }
  const answered =
    m.threadTs === null
      ? await deps.trackedMessages.listOpenInChannel(m.channelId, m.postedAt)
      : [await deps.trackedMessages.findById(trackedMessageId(m.channelId, m.threadTs))].filter(
          (t): t is TrackedMessage => t !== null && t.closed === null,
        );
  const closed: TrackedMessage[] = [];
  for (const message of answered) {
    const done = await closeMessage(deps, p, message.id, m.author.userId, 'reply');
    if (done) closed.push(done);
  }
  return closed;
}

async function startWatching(deps: WatchDeps, p: Partnership, m: PostedMessage): Promise<void> {
  const message: TrackedMessage = {
    id: trackedMessageId(m.channelId, m.ts),
    partnershipId: p.id,
    channelId: m.channelId,
    ts: m.ts,
    author: m.author,
    preview: [...m.text].slice(0, PREVIEW_LENGTH).join(''),
    postedAt: m.postedAt,
    ownerId: p.ownerId,
    closed: null,
  };
  // A redelivered event finds the message already watched.
  if ((await deps.trackedMessages.insert(message)) === 'inserted') {
    await track(deps, { type: 'message', message }, p);
  }
}

/** Stops watching a message (answered, ticked, raised as an ask, or dismissed); null when it was not open. */
export async function closeMessage(
  deps: WatchDeps,
  p: Partnership,
  id: string,
  by: string | null,
  reason: ClosedReason,
): Promise<TrackedMessage | null> {
  const closed = { at: deps.clock.now(), by, reason };
  if (!(await deps.trackedMessages.close(id, closed))) return null;
  const message = await deps.trackedMessages.findById(id);
  if (message) await track(deps, { type: 'message', message }, p);
  return message;
}
