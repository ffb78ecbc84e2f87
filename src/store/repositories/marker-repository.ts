import type { MarkerRepository } from '../../domain/ports.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';

export interface MarkerDocument {
  _id: string;
  claimedAt: Date;
  expiresAt: Date | null;
}

export const markerCollection: CollectionSpec = { name: 'markers', indexes: [{ fields: ['expiresAt'] }] };

/** The unique _id makes a claim atomic: exactly one insert of a key succeeds, on any replica. */
export function markerRepository(collection: DocumentCollection<MarkerDocument>): MarkerRepository {
  return {
    async claim(key, now, expiresAt) {
      return (await collection.insertOne({ _id: key, claimedAt: now, expiresAt })) === 'inserted';
    },
    async release(key) {
      await collection.deleteMany({ _id: key });
    },
    // The lower bound keeps markers without expiry (null) out of the range.
    purgeExpired: (now) => collection.deleteMany({ expiresAt: { $gte: new Date(0), $lte: now } }),
  };
}
