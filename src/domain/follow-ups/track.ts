import type { Partnership } from '../partnerships/partnership.js';
import type { Clock, FollowUpRepository } from '../ports.js';
import { type FollowUp, followUpId } from './follow-up.js';
import { blankFollowUp, refresh } from './plan.js';
import { obligationOf, type Subject, subjectId } from './subject.js';

const MAX_ROUNDS = 20;

export interface TrackDeps {
  followUps: FollowUpRepository;
  clock: Clock;
}

/**
 * Re-plans a subject's follow-up after it changed (created, answered, paused, reassigned, closed).
 * Compare-and-set, so a sweep recording a reminder at the same moment is never overwritten.
 */
export async function track(deps: TrackDeps, subject: Subject, p: Partnership): Promise<FollowUp | null> {
  return changeFollowUp(deps, subject, p, (f) => f);
}

/** Applies `change` to the follow-up (created when missing), then re-plans it; retried on a conflict. */
export async function changeFollowUp(
  deps: TrackDeps,
  subject: Subject,
  p: Partnership,
  change: (f: FollowUp, now: Date) => FollowUp,
): Promise<FollowUp | null> {
  const id = followUpId(subject.type, subjectId(subject));
  const obligation = obligationOf(subject, p);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = deps.clock.now();
    const current = await deps.followUps.findById(id);
    // Nothing owed and never tracked (an enhancement acknowledged at once): nothing to keep.
    if (current === null && obligation === null) return null;
    const base = current ?? blankFollowUp({ type: subject.type, id: subjectId(subject) }, p.id, id, now);
    const next = { ...refresh(change(base, now), obligation, p, now), version: base.version + 1 };
    const saved = current
      ? (await deps.followUps.replace(next, current.version)) === 'replaced'
      : (await deps.followUps.insert(next)) === 'inserted';
    if (saved) return next;
  }
  throw new Error(`follow-up ${id} kept changing: ${MAX_ROUNDS} rounds lost`);
}
