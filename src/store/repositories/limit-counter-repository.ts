import type { LimitCounterRepository } from '../../domain/limits/person-limits.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';

export interface LimitCounterDocument {
  _id: string;
  count: number;
  expiresAt: Date;
}

export const limitCounterCollection: CollectionSpec = {
  name: 'limits',
  indexes: [{ fields: ['expiresAt'] }],
};

/** One document per person, action and window, its count raised by an atomic upsert on any replica. */
export function limitCounterRepository(
  collection: DocumentCollection<LimitCounterDocument>,
): LimitCounterRepository {
  return {
    async increment(key, expiresAt) {
      return (await collection.upsertAndGet({ _id: key }, { $inc: { count: 1 }, $set: { expiresAt } })).count;
    },
    purgeExpired: (now) => collection.deleteMany({ expiresAt: { $lte: now } }),
  };
}
