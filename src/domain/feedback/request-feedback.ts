import type { Ask, HistoryEntry } from '../asks/ask.js';
import type { FeedbackRepository } from '../ports.js';
import { FEEDBACK_COOLDOWN_DAYS, type Feedback } from './feedback.js';

const DAY_MS = 24 * 60 * 60_000;

/**
 * After a help request is resolved, decides whether its requester is asked for a rating: never twice
 * for one ask (a reopened and re-resolved ask included), and not within the cool-down of the last
 * request in the same partnership. Returns the recorded request, or null when nobody is to be asked.
 */
export async function requestFeedback(
  feedback: FeedbackRepository,
  ask: Ask,
  entries: HistoryEntry[],
  now: Date,
): Promise<Feedback | null> {
  const resolvedNow = entries.some((e) => e.action === 'status' && e.to === 'resolved');
  if (ask.kind !== 'help' || !resolvedNow) return null;
  const last = await feedback.lastAskedAt(ask.partnershipId, ask.requester.userId);
  if (last && now.getTime() - last.getTime() < FEEDBACK_COOLDOWN_DAYS * DAY_MS) return null;
  const request: Feedback = {
    askId: ask.id,
    ref: ask.ref,
    partnershipId: ask.partnershipId,
    userId: ask.requester.userId,
    askedAt: now,
    rating: null,
    comment: null,
    ratedAt: null,
  };
  return (await feedback.insert(request)) === 'inserted' ? request : null;
}
