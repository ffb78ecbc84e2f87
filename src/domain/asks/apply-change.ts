import { changeByCompareAndSet } from '../compare-and-set.js';
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

/** Applies `change` to the stored ask by compare-and-set (see changeByCompareAndSet). */
export async function applyChange<E>(
  deps: { asks: AskRepository; clock: Clock },
  askId: string,
  change: (ask: Ask, now: Date) => Result<Ask | 'unchanged', E>,
): Promise<Result<AppliedChange, E | { code: 'not_found' }>> {
  const result = await changeByCompareAndSet(
    { store: deps.asks, clock: deps.clock, what: 'ask' },
    askId,
    MAX_ROUNDS,
    change,
  );
  if (!result) return fail({ code: 'not_found' as const });
  if (!result.ok) return result;
  const { before, after, changed } = result.value;
  return ok({ ask: after, entries: after.history.slice(before.history.length), changed });
}
