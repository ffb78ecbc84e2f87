import type { WebhookEndpointRepository } from '../../domain/webhooks/webhook-delivery.js';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';

export type WebhookEndpointDocument = Omit<WebhookEndpoint, 'id' | 'tags'> & { _id: string; tags?: string[] };

/** A workspace has at most a handful of endpoints: every read lists them all, oldest first. */
export const webhookEndpointCollection: CollectionSpec = {
  name: 'webhookEndpoints',
  indexes: [{ fields: ['createdAt'] }],
};

const toDocument = ({ id, ...rest }: WebhookEndpoint): WebhookEndpointDocument => ({ _id: id, ...rest });
/** Endpoints saved before tag filters existed have none: every partnership. */
const fromDocument = ({ _id, tags, ...rest }: WebhookEndpointDocument): WebhookEndpoint => ({
  id: _id,
  ...rest,
  tags: tags ?? [],
});

export function webhookEndpointRepository(
  collection: DocumentCollection<WebhookEndpointDocument>,
): WebhookEndpointRepository {
  return {
    list: async () => (await collection.find({}, { sort: { createdAt: 1 } })).map(fromDocument),
    async findById(id) {
      const doc = await collection.findOne({ _id: id });
      return doc ? fromDocument(doc) : null;
    },
    async save(endpoint) {
      const doc = toDocument(endpoint);
      if ((await collection.replaceOne({ _id: doc._id }, doc)) === 0) await collection.insertOne(doc);
    },
    async remove(id) {
      await collection.deleteMany({ _id: id });
    },
    disable: async (id, at) =>
      (await collection.updateOne({ _id: id, disabledAt: null }, { $set: { disabledAt: at } })) === 1,
  };
}
