/**
 * What a change still owes the world outside the store (Slack cards, thread notices, Home tabs, the
 * follow-up plan): kept on the changed record's own document, so the one write that stores a change
 * also records that its effects are owed. Effects are derived from the record and carried out until
 * they are done; only the few that post a new message keep progress here, so each is posted once.
 */

/** How long one runner holds a record's effects before another (a restarted replica) may take them over. */
export const EFFECT_LEASE_MS = 10 * 60_000;
/** The reconciler leaves a fresh change to the runner of the request or job that made it. */
export const RECONCILE_GRACE_MS = 30_000;

export interface PostingAttempt {
  /** The effect's key, carried in the posted message's metadata. */
  key: string;
  at: Date;
}

export interface EffectProgress {
  /** History (or audit) entries already announced in the record's thread. */
  announced: number;
  /** Internal notes already posted in the triage twin's thread. */
  notesPosted: number;
  /**
   * Posts sent whose outcome was not recorded (a crash, a lost answer): before posting one again, look
   * for it in Slack. Several can be pending when a pass died and a later change was shown meanwhile.
   */
  unconfirmed: PostingAttempt[];
  /** Failed passes in a row, for the backoff; zero once done. */
  failures: number;
}

export interface ClaimedEffects {
  id: string;
  /** When the oldest change not yet carried out was stored. */
  owedAt: Date;
  /** Null for a record stored before effects were kept: nothing was recorded for it. */
  progress: EffectProgress | null;
}

/** The effects bookkeeping of one kind of record (asks, approvals), on the records' own documents. */
export interface OwedEffectsStore {
  /** Takes the record's owed effects for a lease, or null when nothing is owed or another runner holds them. */
  claim(id: string, now: Date, leaseUntil: Date): Promise<ClaimedEffects | null>;
  /** Records whose effects are owed since `owedBefore` or earlier and whose lease (if any) has run out by `now`. */
  listOwed(owedBefore: Date, now: Date, limit: number): Promise<string[]>;
  /** Records progress; an omitted field keeps its value. */
  record(id: string, progress: Partial<EffectProgress>): Promise<void>;
  /**
   * Marks everything done and frees the lease if the record is still at `version`; false (the lease
   * freed) when a newer change came in meanwhile, which then is owed in turn.
   */
  settle(id: string, version: number): Promise<boolean>;
  /** After a failed pass: stays owed, and no runner takes it before `retryAt`. */
  postpone(id: string, retryAt: Date, failures: number): Promise<void>;
}

/** The progress of a record stored before effects were kept: what came before its latest change was shown. */
export function assumedProgress(
  owedAt: Date,
  entries: { at: Date }[],
  notes: { at: Date }[],
): EffectProgress {
  const before = (list: { at: Date }[]) => list.filter((e) => e.at.getTime() < owedAt.getTime()).length;
  return { announced: before(entries), notesPosted: before(notes), unconfirmed: [], failures: 0 };
}

/** Waits 1, 2, 4, 8 minutes after failed passes, then every 10 minutes until Slack answers again. */
export const retryDelayMs = (failures: number): number => Math.min(60_000 * 2 ** failures, 10 * 60_000);
