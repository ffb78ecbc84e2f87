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
   * A reply in a thread Rapport watches (an announcement's): each customer reply in it is watched, until
   * a vendor reply in the thread answers it.
   */
  watchedThread?: boolean;
}

/**
 * A message in a partnership channel. A top-level customer message (or reply in a watched thread) is
 * watched until answered; a vendor reply answers its thread's message and the customer replies watched
 * in that thread, and a vendor message in the channel answers every customer message before it.
 * Returns the messages this one closed.
 */
export async function watchMessage(
  deps: WatchDeps,
  p: Partnership,
  m: PostedMessage,
): Promise<TrackedMessage[]> {
  if (m.author.side === 'customer') {
    await deps.partnerships.recordCustomerMessage(p.id, m.postedAt);
    if (m.threadTs === null || m.watchedThread) await startWatching(deps, p, m);
    return [];
  }
  const answered =
    m.threadTs === null
      ? await deps.trackedMessages.listOpenInChannel(m.channelId, m.postedAt)
      : await openInThread(deps, m.channelId, m.threadTs, m.postedAt);
  const closed: TrackedMessage[] = [];
  for (const message of answered) {
    const done = await closeMessage(deps, p, message.id, m.author.userId, 'reply');
    if (done) closed.push(done);
  }
  return closed;
}

/** What a vendor reply in a thread answers: the thread's parent, and the customer replies watched in it. */
async function openInThread(
  deps: WatchDeps,
  channelId: string,
  threadTs: string,
  until: Date,
): Promise<TrackedMessage[]> {
  const parent = await deps.trackedMessages.findById(trackedMessageId(channelId, threadTs));
  // A channel's open messages are few: filtering them keeps to the one index tracked messages have.
  const replies = (await deps.trackedMessages.listOpenInChannel(channelId, until)).filter(
    (t) => t.threadTs === threadTs,
  );
  return [...(parent !== null && parent.closed === null ? [parent] : []), ...replies];
}

async function startWatching(deps: WatchDeps, p: Partnership, m: PostedMessage): Promise<void> {
  const message: TrackedMessage = {
    id: trackedMessageId(m.channelId, m.ts),
    partnershipId: p.id,
    channelId: m.channelId,
    ts: m.ts,
    ...(m.threadTs === null ? {} : { threadTs: m.threadTs }),
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
