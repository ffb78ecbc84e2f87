import type { FollowUp } from '../../domain/follow-ups/follow-up.js';
import type { FollowUpRepository } from '../../domain/ports.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';
import { findOneAs, replaceIfVersion } from './versioned.js';

/** Stored shape of a follow-up; the same fields as the domain, with the id as _id. */
export type FollowUpDocument = Omit<FollowUp, 'id'> & { _id: string };

export const followUpCollection: CollectionSpec = {
  name: 'followUps',
  // The sweep's cost follows the number of due follow-ups, not of stored ones: it walks this index.
  // The Home tab reads an owner's open follow-ups and counts each partnership's overdue ones.
  indexes: [{ fields: ['nextNagAt'] }, { fields: ['ownerId', 'closed'] }, { fields: ['partnershipId'] }],
};

const toDocument = ({ id, ...rest }: FollowUp): FollowUpDocument => ({ _id: id, ...rest });
// Follow-ups stored before claims were counted have none: nothing was sent unrecorded by this count.
const fromDocument = ({ _id, ...rest }: FollowUpDocument): FollowUp => ({
  id: _id,
  ...rest,
  round: { ...rest.round, claims: rest.round.claims ?? 0 },
});

// Follow-ups with nothing to do store null: the lower bound keeps the range on dates alone.
const EPOCH = new Date(0);

export function followUpRepository(collection: DocumentCollection<FollowUpDocument>): FollowUpRepository {
  const one = findOneAs(collection, fromDocument);
  return {
    findById: (id) => one({ _id: id }),
    insert: (followUp) => collection.insertOne(toDocument(followUp)),
    replace: (followUp, expectedVersion) =>
      replaceIfVersion(collection, toDocument(followUp), expectedVersion),
    async claimDue(now, leaseUntil) {
      const doc = await collection.claimOne(
        { nextNagAt: { $gte: EPOCH, $lte: now } },
        // Counted in the same write: a claim taken after an earlier one's lease ran out says so for free.
        { $set: { nextNagAt: leaseUntil }, $inc: { version: 1, 'round.claims': 1 } },
      );
      return doc ? fromDocument(doc) : null;
    },
    async listOpenByOwner(userId) {
      const docs = await collection.find({ ownerId: userId, closed: false });
      // Paused ones (no due time) after everything that is running, soonest due first.
      const key = (f: FollowUp) => f.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
      return docs.map(fromDocument).sort((a, b) => key(a) - key(b));
    },
    async findByIds(ids) {
      return (await collection.find({ _id: { $in: ids } })).map(fromDocument);
    },
    purgeClosedMessagesBefore: (before) =>
      collection.deleteMany({ 'subject.type': 'message', closed: true, updatedAt: { $lt: before } }),
    countOverdue: (partnershipId, now) =>
      collection.count({ partnershipId, closed: false, dueAt: { $gte: EPOCH, $lte: now } }),
  };
}
