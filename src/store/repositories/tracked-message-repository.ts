import type { TrackedMessage } from '../../domain/conversations/tracked-message.js';
import type { TrackedMessageRepository } from '../../domain/ports.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';
import { findOneAs } from './versioned.js';

export type TrackedMessageDocument = Omit<TrackedMessage, 'id'> & { _id: string; open: boolean };

export const trackedMessageCollection: CollectionSpec = {
  name: 'trackedMessages',
  // A channel's open messages (few), and its recently answered ones by a range over postedAt.
  indexes: [{ fields: ['channelId', 'open', 'postedAt'] }],
};

const toDocument = ({ id, ...rest }: TrackedMessage): TrackedMessageDocument => ({
  _id: id,
  ...rest,
  open: rest.closed === null,
});
const fromDocument = ({ _id, open: _open, ...rest }: TrackedMessageDocument): TrackedMessage => ({
  id: _id,
  ...rest,
});

export function trackedMessageRepository(
  collection: DocumentCollection<TrackedMessageDocument>,
): TrackedMessageRepository {
  const one = findOneAs(collection, fromDocument);
  return {
    insert: (message) => collection.insertOne(toDocument(message)),
    findById: (id) => one({ _id: id }),
    async close(id, closed) {
      return (await collection.updateOne({ _id: id, open: true }, { $set: { closed, open: false } })) === 1;
    },
    async listOpenInChannel(channelId, until) {
      const docs = await collection.find(
        { channelId, open: true, postedAt: { $lte: until } },
        { sort: { postedAt: 1 } },
      );
      return docs.map(fromDocument);
    },
    async reassign(id, ownerId) {
      await collection.updateOne({ _id: id }, { $set: { ownerId } });
    },
    async listActive(channelId, since) {
      // Two reads of the index, each a prefix of it, rather than one $or.
      const [open, recent] = await Promise.all([
        collection.find({ channelId, open: true }),
        collection.find({ channelId, open: false, postedAt: { $gte: since } }),
      ]);
      return [...open, ...recent]
        .sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime())
        .map(fromDocument);
    },
    // A daily scan: no index of its own, which every tracked message would pay for on each write.
    purgeClosedBefore: (before) => collection.deleteMany({ open: false, postedAt: { $lt: before } }),
  };
}
