import type { Feedback } from '../../domain/feedback/feedback.js';
import type { FeedbackRepository } from '../../domain/ports.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';
import { findOneAs } from './versioned.js';

/** One document per ask (its id is the ask's id, which makes "one request per ask" a unique key). */
export interface FeedbackDocument {
  _id: string;
  ref: string;
  partnershipId: string;
  userId: string;
  askedAt: Date;
  rating: string | null;
  comment: string | null;
  ratedAt: Date | null;
}

export const feedbackCollection: CollectionSpec = {
  name: 'feedback',
  indexes: [{ fields: ['partnershipId', 'userId', 'askedAt'] }],
};

const toDocument = (f: Feedback): FeedbackDocument => ({
  _id: f.askId,
  ref: f.ref,
  partnershipId: f.partnershipId,
  userId: f.userId,
  askedAt: f.askedAt,
  rating: f.rating,
  comment: f.comment,
  ratedAt: f.ratedAt,
});

const fromDocument = (d: FeedbackDocument): Feedback => ({
  askId: d._id,
  ref: d.ref,
  partnershipId: d.partnershipId,
  userId: d.userId,
  askedAt: d.askedAt,
  rating: d.rating as Feedback['rating'],
  comment: d.comment,
  ratedAt: d.ratedAt,
});

export function feedbackRepository(collection: DocumentCollection<FeedbackDocument>): FeedbackRepository {
  return {
    insert: (feedback) => collection.insertOne(toDocument(feedback)),
    findByAsk: (askId) => findOneAs(collection, fromDocument)({ _id: askId }),
    async save(feedback) {
      await collection.replaceOne({ _id: feedback.askId }, toDocument(feedback));
    },
    async listRatedSince(partnershipId, since) {
      return (await collection.find({ partnershipId, ratedAt: { $gte: since } })).map(fromDocument);
    },
    async lastAskedAt(partnershipId, userId) {
      const [latest] = await collection.find({ partnershipId, userId }, { sort: { askedAt: -1 }, limit: 1 });
      return latest?.askedAt ?? null;
    },
  };
}
