import type { Clock } from '../../domain/ports.js';

/** A request's signature is accepted for 5 minutes: a replay of its trigger_id can only come that soon. */
const REPLAY_WINDOW_MS = 5 * 60_000;

/** Claims of trigger ids kept in this process's memory. */
export interface RecentTriggers {
  /** True for the first claim of `triggerId` within the replay window, false for a replay. */
  claim(triggerId: string): boolean;
}

/**
 * For a single process (the embedded store): memory is then as authoritative as the store and costs
 * nothing on the way to the ack, where a stored claim is a file append per interaction. Only a replay
 * sent across a restart gets through, which the store's claim would have stopped.
 */
export function createRecentTriggers(clock: Clock): RecentTriggers {
  // Insertion order is expiry order, so the expired ones are always at the front.
  const expiries = new Map<string, number>();
  return {
    claim(triggerId) {
      const now = clock.now().getTime();
      for (const [id, expires] of expiries) {
        if (expires > now) break;
        expiries.delete(id);
      }
      if (expiries.has(triggerId)) return false;
      expiries.set(triggerId, now + REPLAY_WINDOW_MS);
      return true;
    },
  };
}
