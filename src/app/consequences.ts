/** The kinds of record whose stored changes owe effects outside the store. */
export type EffectSubjectType = 'ask' | 'approval';

/**
 * How a use case says that a change it stored owes its consequences (cards, thread notices, Home tabs,
 * the follow-up plan). The change's own write already recorded them as owed; this starts carrying them
 * out at once, and the reconciler finishes whatever a crash or an outage leaves.
 */
export interface Consequences {
  owe(subject: EffectSubjectType, id: string): void;
  /** Resolves once what this process is carrying out for the record is done (or left for a retry). */
  settled(subject: EffectSubjectType, id: string): Promise<void>;
}
