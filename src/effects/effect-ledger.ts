import type { EffectProgress, OwedEffectsStore, PostingAttempt } from '../domain/effects/owed-effects.js';
import type { Clock } from '../domain/ports.js';

/** What a presenter knows and records of one record's effects during a pass. */
export interface EffectLedger {
  /** Entries announced and notes posted so far. */
  readonly announced: number;
  readonly notesPosted: number;
  /** The post sent in an earlier pass whose outcome was never recorded, if any: look for it before posting. */
  readonly unconfirmed: PostingAttempt | null;
  /** Remembers that the post named `key` is about to go out, until `record` confirms it. */
  beginPosting(key: string): Promise<void>;
  /** Records what was shown, and that no post is pending any more. */
  record(progress: Partial<Pick<EffectProgress, 'announced' | 'notesPosted'>>): Promise<void>;
}

export function createEffectLedger(
  store: OwedEffectsStore,
  id: string,
  progress: EffectProgress,
  clock: Clock,
): EffectLedger {
  let state = { ...progress };
  return {
    get announced() {
      return state.announced;
    },
    get notesPosted() {
      return state.notesPosted;
    },
    get unconfirmed() {
      return state.posting;
    },
    async beginPosting(key) {
      state = { ...state, posting: { key, at: clock.now() } };
      await store.record(id, { posting: state.posting });
    },
    async record(next) {
      state = { ...state, ...next, posting: null };
      await store.record(id, { ...next, posting: null });
    },
  };
}
