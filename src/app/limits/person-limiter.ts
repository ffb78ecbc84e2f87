import type { Actor } from '../../domain/actors.js';
import {
  isLimited,
  judgeAttempt,
  type LimitCounterRepository,
  type LimitedAction,
  type LimitVerdict,
  limitWindow,
  type PersonLimits,
} from '../../domain/limits/person-limits.js';
import type { Clock } from '../../domain/ports.js';

/** Told of every counted attempt (metrics): allowed, or refused for being over the limit. */
export type LimitObserver = (action: LimitedAction, actor: Actor, allowed: boolean) => void;

export interface PersonLimiter {
  /** Counts one attempt of `action` by `actor` in the workspace whose counters are given. */
  attempt(counters: LimitCounterRepository, actor: Actor, action: LimitedAction): Promise<LimitVerdict>;
}

/** Per-person limits counted in the store, so that they hold whichever replica a request reaches. */
export function createPersonLimiter(deps: {
  limits: PersonLimits;
  clock: Clock;
  observe: LimitObserver;
}): PersonLimiter {
  return {
    async attempt(counters, actor, action) {
      const limit = deps.limits[action];
      if (!isLimited(actor, limit)) {
        deps.observe(action, actor, true);
        return { allowed: true };
      }
      const now = deps.clock.now();
      const window = limitWindow(limit, now);
      const count = await counters.increment(`${action}:${actor.userId}:${window.index}`, window.endsAt);
      const verdict = judgeAttempt(limit, count, now, window.endsAt);
      deps.observe(action, actor, verdict.allowed);
      return verdict;
    },
  };
}
