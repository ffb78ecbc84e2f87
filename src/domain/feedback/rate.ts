import type { Actor } from '../actors.js';
import type { FeedbackRepository } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import type { Feedback, Rating } from './feedback.js';

export type RateError = { code: 'not_found' } | { code: 'forbidden'; message: string };

/** The requester rates (and may change their rating), optionally with a comment. */
export async function rate(
  feedback: FeedbackRepository,
  request: { askId: string; actor: Actor; rating?: Rating; comment?: string; now: Date },
): Promise<Result<Feedback, RateError>> {
  const current = await feedback.findByAsk(request.askId);
  if (!current) return fail({ code: 'not_found' });
  if (current.userId !== request.actor.userId) {
    return fail({ code: 'forbidden', message: 'Only the person who asked can rate how it went.' });
  }
  const next: Feedback = {
    ...current,
    rating: request.rating ?? current.rating,
    comment: request.comment ?? current.comment,
    ratedAt: request.now,
  };
  await feedback.save(next);
  return ok(next);
}
