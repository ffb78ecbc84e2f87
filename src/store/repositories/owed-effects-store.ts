import type { EffectProgress, OwedEffectsStore } from '../../domain/effects/owed-effects.js';
import type { DocumentCollection, IndexSpec, StoredDocument } from '../documents.js';

/** The `effects` field of an ask's or approval's document; missing on documents stored before it existed. */
export interface EffectsField extends Partial<EffectProgress> {
  /** Null when nothing is owed. */
  owedAt: Date | null;
  leaseUntil?: Date | null;
}

export type WithEffects = StoredDocument & { version: number; effects?: EffectsField };

/** The reconciler walks owed records through this index (null, nothing owed, sorts first). */
export const owedEffectsIndex: IndexSpec = { fields: ['effects.owedAt'] };

// Settled records hold null: a strict lower bound above the epoch keeps the range on dates alone.
const EPOCH = new Date(0);

/** A new record owes its first effects (card, notices, Home tabs) from the moment it is stored. */
export const effectsOwedFromStart = (at: Date): EffectsField => ({
  owedAt: at,
  leaseUntil: null,
  announced: 0,
  notesPosted: 0,
  unconfirmed: [],
  failures: 0,
});

/** The field set in the same write as a change, so the change and what it owes are stored at once. */
export const effectsOwedAfterChange = (at: Date) => ({ 'effects.owedAt': at });

const free = (now: Date) => ({
  $or: [
    { 'effects.leaseUntil': null },
    { 'effects.leaseUntil': { $exists: false } },
    { 'effects.leaseUntil': { $lte: now } },
  ],
});

export function owedEffectsStore<D extends WithEffects>(collection: DocumentCollection<D>): OwedEffectsStore {
  return {
    async claim(id, now, leaseUntil) {
      const doc = await collection.claimOne(
        { _id: id, 'effects.owedAt': { $gt: EPOCH }, ...free(now) },
        { $set: { 'effects.leaseUntil': leaseUntil } },
      );
      const effects = doc?.effects;
      if (!doc || !effects?.owedAt) return null;
      const known = typeof effects.announced === 'number';
      return {
        id: doc._id,
        owedAt: effects.owedAt,
        progress: known
          ? {
              announced: effects.announced ?? 0,
              notesPosted: effects.notesPosted ?? 0,
              unconfirmed: effects.unconfirmed ?? [],
              failures: effects.failures ?? 0,
            }
          : null,
      };
    },
    async listOwed(owedBefore, now, limit) {
      const docs = await collection.find(
        { 'effects.owedAt': { $gt: EPOCH, $lte: owedBefore }, ...free(now) },
        { sort: { 'effects.owedAt': 1 }, limit },
      );
      return docs.map((d) => d._id);
    },
    async record(id, progress) {
      const set = Object.fromEntries(Object.entries(progress).map(([k, v]) => [`effects.${k}`, v]));
      await collection.updateOne({ _id: id }, { $set: set });
    },
    async settle(id, version) {
      const settled = await collection.updateOne(
        { _id: id, version },
        {
          $set: {
            'effects.owedAt': null,
            'effects.leaseUntil': null,
            'effects.unconfirmed': [],
            'effects.failures': 0,
          },
        },
      );
      if (settled === 1) return true;
      await collection.updateOne({ _id: id }, { $set: { 'effects.leaseUntil': null } });
      return false;
    },
    async postpone(id, retryAt, failures) {
      await collection.updateOne(
        { _id: id },
        { $set: { 'effects.leaseUntil': retryAt, 'effects.failures': failures } },
      );
    },
  };
}
