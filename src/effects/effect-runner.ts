import {
  assumedProgress,
  EFFECT_LEASE_MS,
  type OwedEffectsStore,
  RECONCILE_GRACE_MS,
  retryDelayMs,
} from '../domain/effects/owed-effects.js';
import type { Clock } from '../domain/ports.js';
import { type AppLogger, errorFields } from '../logger.js';
import { createEffectLedger, type EffectLedger } from './effect-ledger.js';

/** A kind of record whose changes owe effects (asks, approvals), and how to carry them out. */
export interface EffectSubject<T extends { version: number }> {
  type: string;
  /** The current workspace's bookkeeping for this kind. */
  store(): OwedEffectsStore;
  load(id: string): Promise<T | null>;
  /** What a record stored before effects were kept had announced: its entries and notes, with times. */
  history(record: T): { entries: { at: Date }[]; notes: { at: Date }[] };
  /** Brings everything outside the store up to the record as stored; each step idempotent. */
  present(record: T, ledger: EffectLedger): Promise<void>;
}

export interface EffectRunner {
  /** Carries out what a record owes now, in the background of the current request or job. */
  owe(type: string, id: string): void;
  /** Carries out what a record owes, and resolves when done (or left to the reconciler after a failure). */
  run(type: string, id: string): Promise<void>;
  /** Takes over what is owed and not in hand: after a crash, an outage, or a failed pass's retry time. */
  reconcile(now: Date, limit: number): Promise<number>;
  /** Resolves once the passes `owe` started for this record are over. */
  settled(type: string, id: string): Promise<void>;
  /** Resolves once the passes started by `owe` are over. */
  drain(): Promise<void>;
}

/** Passes over one record in a row, at most: a record changing faster than this is left to the reconciler. */
const MAX_PASSES = 5;

/**
 * Carries out owed effects exactly once across replicas: a pass claims the record's effects with a lease,
 * presents the stored version, and settles only if no change came in meanwhile (otherwise it goes again).
 * A failed pass keeps the effects owed and retries after a backoff; a runner that dies leaves its lease
 * to run out, and the reconciler takes over.
 */
export function createEffectRunner(
  // biome-ignore lint/suspicious/noExplicitAny: each subject has its own record type.
  subjects: EffectSubject<any>[],
  deps: { clock: Clock; logger: AppLogger },
): EffectRunner {
  const inProgress = new Map<Promise<void>, string>();
  const keyOf = (type: string, id: string) => `${type}:${id}`;
  const subjectOf = (type: string) => {
    const subject = subjects.find((s) => s.type === type);
    if (!subject) throw new Error(`no effects for ${type}`);
    return subject;
  };

  async function pass<T extends { version: number }>(subject: EffectSubject<T>, id: string): Promise<void> {
    const store = subject.store();
    for (let round = 0; round < MAX_PASSES; round++) {
      const now = deps.clock.now();
      const claimed = await store.claim(id, now, new Date(now.getTime() + EFFECT_LEASE_MS));
      if (!claimed) return;
      const failures = claimed.progress?.failures ?? 0;
      try {
        const record = await subject.load(id);
        if (!record) return;
        let progress = claimed.progress;
        if (!progress) {
          const { entries, notes } = subject.history(record);
          progress = assumedProgress(claimed.owedAt, entries, notes);
          await store.record(id, progress);
        }
        await subject.present(record, createEffectLedger(store, id, progress, deps.clock));
        if (await store.settle(id, record.version)) return;
      } catch (error) {
        const retryAt = new Date(deps.clock.now().getTime() + retryDelayMs(failures));
        await store.postpone(id, retryAt, failures + 1);
        deps.logger.event('warn', 'effects not carried out yet; retried later', {
          subject: subject.type,
          id,
          failures: failures + 1,
          retryAt: retryAt.toISOString(),
          ...errorFields(error),
        });
        return;
      }
    }
  }

  const run = (type: string, id: string) => pass(subjectOf(type), id);
  return {
    run,
    owe(type, id) {
      const started = run(type, id).catch((error) =>
        deps.logger.event('error', 'effects runner failed', { subject: type, id, ...errorFields(error) }),
      );
      inProgress.set(started, keyOf(type, id));
      void started.finally(() => inProgress.delete(started));
    },
    async reconcile(now, limit) {
      let taken = 0;
      const owedBefore = new Date(now.getTime() - RECONCILE_GRACE_MS);
      for (const subject of subjects) {
        for (const id of await subject.store().listOwed(owedBefore, now, limit)) {
          await pass(subject, id);
          taken += 1;
        }
      }
      return taken;
    },
    async settled(type, id) {
      const key = keyOf(type, id);
      await Promise.all([...inProgress].filter(([, k]) => k === key).map(([pass]) => pass));
    },
    async drain() {
      while (inProgress.size > 0) await Promise.all([...inProgress.keys()]);
    },
  };
}
