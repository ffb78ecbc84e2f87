import type {
  Announcement,
  AnnouncementDelivery,
  DeliveryCounts,
} from '../../domain/announcements/announcement.js';
import type { AnnouncementDeliveryRepository, AnnouncementRepository } from '../../domain/ports.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';
import { findOneAs } from './versioned.js';

/** Stored shapes: the same fields, with the id as _id. */
export type AnnouncementDocument = Omit<Announcement, 'id'> & { _id: string };
export type AnnouncementDeliveryDocument = Omit<AnnouncementDelivery, 'id'> & { _id: string };

export const announcementCollection: CollectionSpec = {
  name: 'announcements',
  indexes: [{ fields: ['state', 'createdAt'] }],
};

export const announcementDeliveryCollection: CollectionSpec = {
  name: 'announcement_deliveries',
  indexes: [{ fields: ['announcementId'] }],
};

const fromAnnouncement = ({ _id, ...rest }: AnnouncementDocument): Announcement => ({ id: _id, ...rest });
const fromDelivery = ({ _id, ...rest }: AnnouncementDeliveryDocument): AnnouncementDelivery => ({
  id: _id,
  ...rest,
});

export function announcementRepository(
  collection: DocumentCollection<AnnouncementDocument>,
): AnnouncementRepository {
  return {
    async insert({ id, ...rest }) {
      await collection.insertOne({ _id: id, ...rest });
    },
    findById: (id) => findOneAs(collection, fromAnnouncement)({ _id: id }),
    async transition(id, from, to, changes = {}) {
      return (
        (await collection.updateOne(
          { _id: id, state: { $in: from } },
          { $set: { ...changes, state: to } },
        )) === 1
      );
    },
    async listDue(now) {
      const [scheduled, sending] = await Promise.all([
        collection.find({ state: 'scheduled', sendAt: { $lte: now } }),
        collection.find({ state: 'sending' }),
      ]);
      return [...scheduled, ...sending].map(fromAnnouncement);
    },
    async listRecent(limit) {
      const docs = await collection.find(
        { state: { $in: ['scheduled', 'sending', 'sent', 'cancelled'] } },
        { sort: { createdAt: -1 }, limit },
      );
      return docs.map(fromAnnouncement);
    },
  };
}

export function announcementDeliveryRepository(
  collection: DocumentCollection<AnnouncementDeliveryDocument>,
): AnnouncementDeliveryRepository {
  return {
    insert: ({ id, ...rest }) => collection.insertOne({ _id: id, ...rest }),
    async claimPending(announcementId, now, lease) {
      // Unheld ones first: a null lease is never $lte a date, so those are a query of their own.
      const doc =
        (await collection.claimOne(
          { announcementId, state: 'pending', lease: null },
          { $set: { lease }, $inc: { attempts: 1 } },
        )) ??
        (await collection.claimOne(
          { announcementId, state: 'pending', 'lease.until': { $lte: now } },
          { $set: { lease }, $inc: { attempts: 1 } },
        ));
      return doc ? fromDelivery(doc) : null;
    },
    async renew(id, token, until) {
      return (
        (await collection.updateOne(
          { _id: id, 'lease.token': token },
          { $set: { 'lease.until': until } },
        )) === 1
      );
    },
    async finish(id, token, outcome) {
      const settled =
        outcome.state === 'posted'
          ? { state: 'posted', ts: outcome.ts, error: null }
          : { state: 'failed', ts: null, error: outcome.error };
      return (
        (await collection.updateOne(
          { _id: id, 'lease.token': token },
          { $set: { ...settled, lease: null } },
        )) === 1
      );
    },
    async listFor(announcementId) {
      const docs = await collection.find({ announcementId });
      return docs.map(fromDelivery).sort((a, b) => a.id.localeCompare(b.id));
    },
    async count(announcementId) {
      const counts: DeliveryCounts = { pending: 0, posted: 0, failed: 0 };
      for (const d of await collection.find({ announcementId }, { fields: ['state'] })) counts[d.state] += 1;
      return counts;
    },
  };
}
