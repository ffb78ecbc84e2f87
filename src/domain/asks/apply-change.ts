import type { AskRepository, Clock } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import type { Ask, HistoryEntry } from './ask.js';

/** Enough rounds for every one of many simultaneous clicks to win one (each round has a winner). */
const MAX_ROUNDS = 50;

export interface AppliedChange {
  ask: Ask;
  /** History entries the change added. */
  entries: HistoryEntry[];
  /** False when the change was already in effect (a double click, a retried delivery). */
  changed: boolean;
}

/**
 * Read, apply, compare-and-set: `change` turns the current ask into the next one (or says it is already
 * so). When someone else changed the ask in between, it is re-read and the change re-checked, so a
 * concurrent edit is never lost and a rule is never checked against stale state.
 */
export async function applyChange<E>(
  deps: { asks: AskRepository; clock: Clock },
  askId: string,
  change: (ask: Ask, now: Date) => Result<Ask | 'unchanged', E>,
): Promise<Result<AppliedChange, E | { code: 'not_found' }>> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const ask = await deps.asks.findById(askId);
    if (!ask) return fail({ code: 'not_found' as const });
    const applied = change(ask, deps.clock.now());
    if (!applied.ok) return applied;
    if (applied.value === 'unchanged') return ok({ ask, entries: [], changed: false });
    const next = { ...applied.value, version: ask.version + 1 };
    if ((await deps.asks.replace(next, ask.version)) === 'replaced') {
      return ok({ ask: next, entries: next.history.slice(ask.history.length), changed: true });
    }
  }
  throw new Error(`ask ${askId} kept changing: ${MAX_ROUNDS} rounds lost`);
}
