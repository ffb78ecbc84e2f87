import type { EffectProgress, OwedEffectsStore, PostingAttempt } from '../domain/effects/owed-effects.js';
import type { Clock } from '../domain/ports.js';

type Shown = Partial<Pick<EffectProgress, 'announced' | 'notesPosted'>>;

/** What a presenter knows and records of one record's effects during a pass. */
export interface EffectLedger {
  /** Entries announced and notes posted so far. */
  readonly announced: number;
  readonly notesPosted: number;
  /** Whether the post `key` was sent in an earlier pass without its outcome being recorded. */
  unconfirmed(key: string): PostingAttempt | undefined;
  /** Remembers that the post `key` is about to go out, until `record` confirms it. */
  beginPosting(key: string): Promise<void>;
  /** Records what was shown and, when given, that the post `confirmed` is done. */
  record(shown: Shown, confirmed?: string): Promise<void>;
}

export function createEffectLedger(
  store: OwedEffectsStore,
  id: string,
  progress: EffectProgress,
  clock: Clock,
): EffectLedger {
  let state = { ...progress };
  const save = async (next: Shown, unconfirmed: PostingAttempt[]) => {
    state = { ...state, ...next, unconfirmed };
    await store.record(id, { ...next, unconfirmed });
  };
  return {
    get announced() {
      return state.announced;
    },
    get notesPosted() {
      return state.notesPosted;
    },
    unconfirmed: (key) => state.unconfirmed.find((p) => p.key === key),
    async beginPosting(key) {
      if (state.unconfirmed.some((p) => p.key === key)) return;
      await save({}, [...state.unconfirmed, { key, at: clock.now() }]);
    },
    async record(shown, confirmed) {
      await save(
        shown,
        state.unconfirmed.filter((p) => p.key !== confirmed),
      );
    },
  };
}
