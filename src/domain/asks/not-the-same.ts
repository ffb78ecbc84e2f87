import type { Actor } from '../actors.js';
import type { AskRepository, Clock } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import { type AppliedChange, applyChange } from './apply-change.js';
import type { Ask } from './ask.js';
import { isClosed } from './lifecycle.js';

export type NotTheSameError = { code: 'not_found' } | { code: 'forbidden' | 'invalid'; message: string };

/**
 * The vendor says another customer's enhancement is not the same request as this one: remembered on
 * this one (no history entry, so nothing is announced to the customer), and the pair is never suggested
 * again, in either direction.
 */
export async function markNotTheSame(
  deps: { asks: AskRepository; clock: Clock },
  request: { actor: Actor; askId: string; otherId: string },
): Promise<Result<AppliedChange, NotTheSameError>> {
  if (request.actor.side !== 'vendor') {
    return fail({ code: 'forbidden', message: 'Only people at the vendor can judge similar requests.' });
  }
  return applyChange<NotTheSameError>(deps, request.askId, (ask, now) => {
    if (ask.kind !== 'enhancement')
      return fail({ code: 'invalid', message: 'Only enhancements are compared.' });
    if (ask.notSameAs.includes(request.otherId)) return ok('unchanged');
    return ok({ ...ask, notSameAs: [...ask.notSameAs, request.otherId], updatedAt: now });
  });
}

const inSameGroup = (a: Ask, b: Ask) =>
  a.linkedTo === b.id || b.linkedTo === a.id || (a.linkedTo !== null && a.linkedTo === b.linkedTo);

/**
 * Whether `candidate` may be suggested as the same request as `ask`: an open enhancement of another
 * customer, not already in its group, and never judged not the same.
 */
export const maySuggest = (ask: Ask, candidate: Ask): boolean =>
  candidate.kind === 'enhancement' &&
  candidate.id !== ask.id &&
  candidate.partnershipId !== ask.partnershipId &&
  !isClosed(candidate.kind, candidate.status) &&
  !inSameGroup(ask, candidate) &&
  !ask.notSameAs.includes(candidate.id) &&
  !candidate.notSameAs.includes(ask.id);
