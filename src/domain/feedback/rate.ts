import type { Actor } from '../actors.js';
import type { FeedbackRepository } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import type { Feedback, Rating } from './feedback.js';

/** The longest comment kept, whatever sent it (a forged submission skips the form's max_length). */
export const COMMENT_MAX = 3000;

export type RateError =
  | { code: 'not_found' }
  | { code: 'forbidden'; message: string }
  | { code: 'invalid'; message: string };

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
  if ((request.comment?.length ?? 0) > COMMENT_MAX)
    return fail({
      code: 'invalid',
      message: `Keep it to ${COMMENT_MAX} characters (shorten it and send again).`,
    });
  const next: Feedback = {
    ...current,
    rating: request.rating ?? current.rating,
    comment: request.comment ?? current.comment,
    ratedAt: request.now,
  };
  await feedback.save(next);
  return ok(next);
}
