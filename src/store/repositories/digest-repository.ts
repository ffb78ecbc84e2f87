import type { DigestRecord } from '../../domain/digests/digest-record.js';
import type { DigestRepository } from '../../domain/ports.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';
import { findOneAs } from './versioned.js';

/** Stored shape of a digest record: the same fields, with the (partnership, slot) id as _id. */
export type DigestDocument = Omit<DigestRecord, 'id'> & { _id: string };

export const digestCollection: CollectionSpec = {
  name: 'digests',
  // A partnership's latest digests; those being posted, for the take-over.
  indexes: [{ fields: ['partnershipId', 'slot'] }, { fields: ['state', 'lease.until'] }],
};

const toDocument = ({ id, ...rest }: DigestRecord): DigestDocument => ({ _id: id, ...rest });
const fromDocument = ({ _id, ...rest }: DigestDocument): DigestRecord => ({ id: _id, ...rest });

export function digestRepository(collection: DocumentCollection<DigestDocument>): DigestRepository {
  return {
    insert: (record) => collection.insertOne(toDocument(record)),
    findById: (id) => findOneAs(collection, fromDocument)({ _id: id }),
    async claimAbandoned(now, lease) {
      const doc = await collection.claimOne(
        { state: 'posting', 'lease.until': { $lte: now } },
        { $set: { lease } },
      );
      return doc ? fromDocument(doc) : null;
    },
    async renew(id, token, until) {
      return (
        (await collection.updateOne(
          { _id: id, 'lease.token': token },
          { $set: { 'lease.until': until } },
        )) === 1
      );
    },
    async recordMessage(id, token, which, message) {
      return (
        (await collection.updateOne({ _id: id, 'lease.token': token }, { $set: { [which]: message } })) === 1
      );
    },
    async finish(id, token, outcome) {
      const matched = await collection.updateOne(
        { _id: id, 'lease.token': token },
        { $set: { ...outcome, lease: null } },
      );
      return matched === 1;
    },
    async listRecent(partnershipId, limit) {
      const docs = await collection.find({ partnershipId }, { sort: { slot: -1 }, limit });
      return docs.map(fromDocument);
    },
  };
}
