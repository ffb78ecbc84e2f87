import type { Consequences, EffectSubjectType } from '../app/consequences.js';
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

/** What a presenter is handed for one pass over a record. */
export interface EffectPass<W> {
  /** The workspace the record belongs to. */
  workspace: W;
  ledger: EffectLedger;
  /** Where changes the effects make themselves (an enhancement shipped along) owe theirs: the same workspace. */
  consequences: Consequences;
}

/** A kind of record whose changes owe effects (asks, approvals), and how to carry them out in a workspace `W`. */
export interface EffectSubject<W, T extends { version: number }> {
  type: EffectSubjectType;
  /** The workspace's bookkeeping for this kind. */
  store(workspace: W): OwedEffectsStore;
  load(workspace: W, id: string): Promise<T | null>;
  /** What a record stored before effects were kept had announced: its entries and notes, with times. */
  history(record: T): { entries: { at: Date }[]; notes: { at: Date }[] };
  /** Brings everything outside the store up to the record as stored; each step idempotent. */
  present(record: T, pass: EffectPass<W>): Promise<void>;
}

export interface EffectRunner<W> {
  /**
   * How changes stored in `workspace` owe their effects: carried out at once in the background (`owe`),
   * awaited where an answer must follow them (`settled`).
   */
  consequencesIn(workspace: W): Consequences;
  /** Takes over what `workspace` owes and is not in hand: after a crash, an outage, or a failed pass's retry time. */
  reconcile(workspace: W, now: Date, limit: number): Promise<number>;
  /** Resolves once the passes started in the background are over. */
  drain(): Promise<void>;
}

/** How long a failure asks to be left alone (a tracker's Retry-After), if it says. */
const waitAsked = (error: unknown): number => {
  const wait = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof wait === 'number' && Number.isFinite(wait) ? wait : 0;
};

/** Passes over one record in a row, at most: a record changing faster than this is left to the reconciler. */
const MAX_PASSES = 5;

/**
 * Carries out owed effects exactly once across replicas: a pass claims the record's effects with a lease,
 * presents the stored version, and settles only if no change came in meanwhile (otherwise it goes again).
 * A failed pass keeps the effects owed and retries after a backoff; a runner that dies leaves its lease
 * to run out, and the reconciler takes over.
 */
export function createEffectRunner<W extends { key: string }>(
  // biome-ignore lint/suspicious/noExplicitAny: each subject has its own record type.
  subjects: EffectSubject<W, any>[],
  deps: {
    clock: Clock;
    logger: AppLogger;
    /**
     * Runs a pass started by a request detached from that request's limits (its store budget): the pass
     * goes on after the answer. By default it runs as it is.
     */
    detached?: (work: () => Promise<void>) => Promise<void>;
  },
): EffectRunner<W> {
  const inProgress = new Map<Promise<void>, string>();
  const keyOf = (workspace: W, type: string, id: string) => `${workspace.key}:${type}:${id}`;
  const subjectOf = (type: string) => {
    const subject = subjects.find((s) => s.type === type);
    if (!subject) throw new Error(`no effects for ${type}`);
    return subject;
  };

  async function pass<T extends { version: number }>(
    subject: EffectSubject<W, T>,
    workspace: W,
    consequences: Consequences,
    id: string,
  ): Promise<void> {
    const store = subject.store(workspace);
    for (let round = 0; round < MAX_PASSES; round++) {
      const now = deps.clock.now();
      const claimed = await store.claim(id, now, new Date(now.getTime() + EFFECT_LEASE_MS));
      if (!claimed) return;
      const failures = claimed.progress?.failures ?? 0;
      try {
        const record = await subject.load(workspace, id);
        if (!record) return;
        let progress = claimed.progress;
        if (!progress) {
          const { entries, notes } = subject.history(record);
          progress = assumedProgress(claimed.owedAt, entries, notes);
          await store.record(id, progress);
        }
        const ledger = createEffectLedger(store, id, progress, deps.clock);
        await subject.present(record, { workspace, ledger, consequences });
        if (await store.settle(id, record.version)) return;
      } catch (error) {
        const retryAt = new Date(
          deps.clock.now().getTime() + Math.max(retryDelayMs(failures), waitAsked(error)),
        );
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

  function consequencesIn(workspace: W): Consequences {
    const consequences: Consequences = {
      owe(type, id) {
        const detached = deps.detached ?? ((work) => work());
        const started = detached(() => pass(subjectOf(type), workspace, consequences, id)).catch((error) =>
          deps.logger.event('error', 'effects runner failed', { subject: type, id, ...errorFields(error) }),
        );
        inProgress.set(started, keyOf(workspace, type, id));
        void started.finally(() => inProgress.delete(started));
      },
      async settled(type, id) {
        const key = keyOf(workspace, type, id);
        await Promise.all([...inProgress].filter(([, k]) => k === key).map(([running]) => running));
      },
    };
    return consequences;
  }

  return {
    consequencesIn,
    async reconcile(workspace, now, limit) {
      let taken = 0;
      const owedBefore = new Date(now.getTime() - RECONCILE_GRACE_MS);
      const consequences = consequencesIn(workspace);
      for (const subject of subjects) {
        for (const id of await subject.store(workspace).listOwed(owedBefore, now, limit)) {
          await pass(subject, workspace, consequences, id);
          taken += 1;
        }
      }
      return taken;
    },
    async drain() {
      while (inProgress.size > 0) await Promise.all([...inProgress.keys()]);
    },
  };
}
