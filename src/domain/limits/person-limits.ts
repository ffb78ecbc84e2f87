import type { Actor } from '../actors.js';

/** What one person may do only so often: each is counted apart. */
export const LIMITED_ACTIONS = ['raise', 'react', 'details', 'vote', 'form'] as const;
export type LimitedAction = (typeof LIMITED_ACTIONS)[number];

/** At most `max` per window of `windowMs`; a max of 0 turns the limit off. */
export interface PersonLimit {
  max: number;
  windowMs: number;
}

export type PersonLimits = Record<LimitedAction, PersonLimit>;

/**
 * Per-person counters, one per action, person and window, shared by every replica: `increment` adds one
 * atomically and returns the count afterwards; a counter may be deleted once past `expiresAt`.
 */
export interface LimitCounterRepository {
  increment(key: string, expiresAt: Date): Promise<number>;
  purgeExpired(now: Date): Promise<number>;
}

export type LimitVerdict =
  | { allowed: true }
  /** `firstRefusal`: the first attempt over the limit in this window, the one the person is told about. */
  | { allowed: false; firstRefusal: boolean; max: number; retryAfterMs: number };

/** Fixed windows: the counter of the window `now` falls in, and when that window ends. */
export function limitWindow(limit: PersonLimit, now: Date): { index: number; endsAt: Date } {
  const index = Math.floor(now.getTime() / limit.windowMs);
  return { index, endsAt: new Date((index + 1) * limit.windowMs) };
}

/** The vendor's own people are trusted; everyone else (the customer, other organisations) is counted. */
export const isLimited = (actor: Actor, limit: PersonLimit): boolean =>
  actor.side !== 'vendor' && limit.max > 0;

/** The verdict on an attempt that made the window's count `count`. */
export function judgeAttempt(limit: PersonLimit, count: number, now: Date, endsAt: Date): LimitVerdict {
  if (count <= limit.max) return { allowed: true };
  return {
    allowed: false,
    firstRefusal: count === limit.max + 1,
    max: limit.max,
    retryAfterMs: endsAt.getTime() - now.getTime(),
  };
}
