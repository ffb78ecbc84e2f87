import type { Clock } from './ports.js';
import { ok, type Result } from './result.js';

/** A stored record that changes only by compare-and-set on its version. */
export interface VersionedStore<T extends { version: number }> {
  findById(id: string): Promise<T | null>;
  replace(record: T, expectedVersion: number): Promise<'replaced' | 'conflict'>;
}

export interface Changed<T> {
  before: T;
  after: T;
  /** False when the change was already in effect (a double click, a retried delivery). */
  changed: boolean;
}

/**
 * Read, apply, compare-and-set: `change` turns the current record into the next one (or says it is
 * already so). When someone else changed it in between, it is re-read and the change re-checked, so a
 * concurrent edit is never lost and a rule is never checked against stale state. Each round has a
 * winner, so `maxRounds` bounds how many writers may race for one record. Null when there is no such record.
 */
export async function changeByCompareAndSet<T extends { version: number }, E>(
  /** `what` names the record in the error when every round was lost. */
  deps: { store: VersionedStore<T>; clock: Clock; what: string },
  id: string,
  maxRounds: number,
  change: (current: T, now: Date) => Result<T | 'unchanged', E>,
): Promise<Result<Changed<T>, E> | null> {
  for (let round = 0; round < maxRounds; round++) {
    const current = await deps.store.findById(id);
    if (!current) return null;
    const applied = change(current, deps.clock.now());
    if (!applied.ok) return applied;
    if (applied.value === 'unchanged') return ok({ before: current, after: current, changed: false });
    const next = { ...applied.value, version: current.version + 1 };
    if ((await deps.store.replace(next, current.version)) === 'replaced') {
      return ok({ before: current, after: next, changed: true });
    }
  }
  throw new Error(`${deps.what} ${id} kept changing: ${maxRounds} rounds lost`);
}
