import type { PersonLimiter } from '../../app/limits/person-limiter.js';
import type { Actor } from '../../domain/actors.js';
import type { LimitedAction, LimitVerdict } from '../../domain/limits/person-limits.js';
import type { Workspace } from '../../workspaces/workspace.js';
import { answerPrivately } from '../bolt/answer-privately.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext, Listener } from '../bolt/rapport-context.js';
import { describeLimit } from './describe-limit.js';

/** A person counted against `action`'s limit, in the counters of the workspace the request came from. */
export const attemptBy = (
  limiter: PersonLimiter,
  by: { workspace: Workspace; actor: Actor },
  action: LimitedAction,
): Promise<LimitVerdict> => limiter.attempt(by.workspace.repositories.limits, by.actor, action);

/**
 * Listener middleware for a button, after identifyActor: within the person's limit it goes on; over it,
 * nothing happens, and the person is told privately once per window (not at every further click).
 */
export const limitButton =
  (limiter: PersonLimiter, action: LimitedAction): Listener<ButtonArgs, ActorContext> =>
  async (args) => {
    const verdict = await attemptBy(limiter, args.context, action);
    if (verdict.allowed) return args.next();
    if (verdict.firstRefusal) await answerPrivately(args, { text: describeLimit(action, verdict) });
  };
