/**
 * A customer's top-level message in a partnership channel, watched and answered through the app's own
 * code. Messages the daily retention job would have deleted by the end of the year (answered more than
 * CLOSED_MESSAGES_KEPT_DAYS before it) leave only what the app keeps of them: their closed follow-up.
 */
import type { Actor } from '../../../src/domain/actors.js';
import {
  type ClosedReason,
  type TrackedMessage,
  trackedMessageId,
} from '../../../src/domain/conversations/tracked-message.js';
import { closeMessage, watchMessage } from '../../../src/domain/conversations/watch-messages.js';
import { track } from '../../../src/domain/follow-ups/track.js';
import type { Partnership } from '../../../src/domain/partnerships/partnership.js';
import type { Repositories } from '../../../src/domain/ports.js';
import { CLOSED_MESSAGES_KEPT_DAYS } from '../../../src/jobs/purge-closed-messages.js';

const DAY = 86_400_000;

/** A clock the generator sets to the moment of each thing it replays. */
export interface SetClock {
  now(): Date;
  set(at: Date): void;
}

export function settableClock(): SetClock {
  let at = new Date(0);
  return { now: () => at, set: (next) => (at = next) };
}

export interface YearMessage {
  partnership: Partnership;
  ts: string;
  author: Actor;
  text: string;
  postedAt: Date;
  /** When and how it was answered; null when the year ended first. */
  answer: { at: Date; by: string; reason: ClosedReason } | null;
}

/** Replays one message; true when its tracked message is still stored at `end`. */
export async function replayMessage(
  repos: Repositories,
  clock: SetClock,
  m: YearMessage,
  end: Date,
): Promise<boolean> {
  const deps = { ...repos, clock };
  const p = m.partnership;
  const answeredAt = m.answer?.at.getTime() ?? Number.POSITIVE_INFINITY;
  const kept = answeredAt > end.getTime() - CLOSED_MESSAGES_KEPT_DAYS * DAY;
  clock.set(m.postedAt);
  if (kept) {
    const posted = { channelId: p.channelId, ts: m.ts, threadTs: null, author: m.author, text: m.text };
    await watchMessage(deps, p, { ...posted, postedAt: m.postedAt });
    if (m.answer) {
      clock.set(m.answer.at);
      await closeMessage(deps, p, trackedMessageId(p.channelId, m.ts), m.answer.by, m.answer.reason);
    }
    return true;
  }
  const open: TrackedMessage = {
    id: trackedMessageId(p.channelId, m.ts),
    partnershipId: p.id,
    channelId: p.channelId,
    ts: m.ts,
    author: m.author,
    preview: m.text,
    postedAt: m.postedAt,
    ownerId: p.ownerId,
    closed: null,
  };
  await track(deps, { type: 'message', message: open }, p);
  if (m.answer) {
    clock.set(m.answer.at);
    await track(deps, { type: 'message', message: { ...open, closed: m.answer } }, p);
  }
  return false;
}
