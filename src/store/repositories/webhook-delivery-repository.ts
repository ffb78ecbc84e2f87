import type { WebhookDelivery, WebhookDeliveryRepository } from '../../domain/webhooks/webhook-delivery.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';

export type WebhookDeliveryDocument = Omit<WebhookDelivery, 'id'> & { _id: string; leaseUntil: Date | null };

/** How far each order key (an ask) has been queued for an endpoint: pruned log lines are never queued again. */
export interface WebhookCursorDocument {
  _id: string;
  endpointId: string;
  queuedSeq: number;
}

export const webhookCursorCollection: CollectionSpec = {
  name: 'webhookCursors',
  indexes: [{ fields: ['endpointId'] }],
};

export const webhookDeliveryCollection: CollectionSpec = {
  name: 'webhookDeliveries',
  indexes: [
    // The due deliveries of an endpoint; then whether an earlier one of the same order key is still pending.
    { fields: ['endpointId', 'status', 'nextAttemptAt'] },
    { fields: ['endpointId', 'orderKey', 'status', 'seq'] },
    // The delivery log, and pruning it.
    { fields: ['endpointId', 'createdAt'] },
  ],
};

const toDocument = ({ id, ...rest }: WebhookDelivery): WebhookDeliveryDocument => ({
  _id: id,
  ...rest,
  leaseUntil: null,
});
const fromDocument = ({ _id, leaseUntil: _, ...rest }: WebhookDeliveryDocument): WebhookDelivery => ({
  id: _id,
  ...rest,
});

const FINISHED = { $in: ['delivered', 'failed', 'given_up'] };
/**
 * Due deliveries read per look for heads: an ask whose first event keeps failing holds its later ones
 * back, and other asks' heads are found behind up to this many of those.
 */
const DUE_WINDOW = 500;

export function webhookDeliveryRepository(
  collection: DocumentCollection<WebhookDeliveryDocument>,
  cursors: DocumentCollection<WebhookCursorDocument>,
): WebhookDeliveryRepository {
  return {
    async queue(endpointId, orderKey, deliveries) {
      const cursorId = `${endpointId}:${orderKey}`;
      const queuedSeq = (await cursors.findOne({ _id: cursorId }))?.queuedSeq ?? -1;
      const fresh = deliveries.filter((d) => d.seq > queuedSeq);
      if (fresh.length === 0) return;
      // Inserted before the cursor moves: a crash in between queues them again, and their ids make that a no-op.
      for (const delivery of fresh) await collection.insertOne(toDocument(delivery));
      const last = Math.max(...fresh.map((d) => d.seq));
      await cursors.upsertAndGet({ _id: cursorId }, { $set: { endpointId, queuedSeq: last } });
    },
    async resend(delivery) {
      await collection.insertOne(toDocument(delivery));
    },
    async listDueHeads(endpointId, now, limit) {
      const due = await collection.find(
        { endpointId, status: 'pending', nextAttemptAt: { $lte: now } },
        { sort: { nextAttemptAt: 1 }, limit: DUE_WINDOW },
      );
      const heads: WebhookDelivery[] = [];
      // One look per order key, at its first pending delivery: the head, sent if it is due.
      const looked = new Set<string>();
      for (const { orderKey } of due) {
        if (looked.has(orderKey)) continue;
        looked.add(orderKey);
        const [head] = await collection.find(
          { endpointId, orderKey, status: 'pending' },
          { sort: { seq: 1 }, limit: 1 },
        );
        if (head && head.nextAttemptAt.getTime() <= now.getTime()) heads.push(fromDocument(head));
        if (heads.length === limit) break;
      }
      return heads.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.seq - b.seq);
    },
    async claim(id, now, leaseUntil) {
      const doc = await collection.claimOne(
        {
          _id: id,
          status: 'pending',
          $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }],
        },
        { $set: { leaseUntil } },
      );
      return doc ? fromDocument(doc) : null;
    },
    async settle(delivery) {
      await collection.replaceOne({ _id: delivery.id }, toDocument(delivery));
    },
    listRecent: async (endpointId, limit) =>
      (await collection.find({ endpointId }, { sort: { createdAt: -1 }, limit })).map(fromDocument),
    async findById(id) {
      const doc = await collection.findOne({ _id: id });
      return doc ? fromDocument(doc) : null;
    },
    async prune(endpointId, keep) {
      const [oldestKept] = await collection.find(
        { endpointId, status: FINISHED },
        { sort: { createdAt: -1 }, skip: keep - 1, limit: 1 },
      );
      if (!oldestKept) return;
      await collection.deleteMany({ endpointId, status: FINISHED, createdAt: { $lt: oldestKept.createdAt } });
    },
    async removeEndpoint(endpointId) {
      await collection.deleteMany({ endpointId });
      await cursors.deleteMany({ endpointId });
    },
  };
}
