import type { IncidentUpdateCounts, IncidentUpdateDelivery } from '../../domain/incidents/incident.js';
import type { IncidentRepository, IncidentUpdateDeliveryRepository } from '../../domain/ports.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';
import { type AnnouncementDocument, fromAnnouncement } from './announcement-repository.js';
import { claimLeased, renewLease } from './leased-claim.js';

export type IncidentUpdateDeliveryDocument = Omit<IncidentUpdateDelivery, 'id'> & { _id: string };

export const incidentUpdateDeliveryCollection: CollectionSpec = {
  name: 'incident_update_deliveries',
  // The claims and counts all ask for one update of one incident.
  indexes: [{ fields: ['announcementId', 'update'] }],
};

const fromDelivery = ({ _id, ...rest }: IncidentUpdateDeliveryDocument): IncidentUpdateDelivery => ({
  id: _id,
  ...rest,
});

/** Incidents are announcements with an `incident` field: the same collection, its incident fields only. */
export function incidentRepository(collection: DocumentCollection<AnnouncementDocument>): IncidentRepository {
  return {
    async addUpdate(id, expectedCount, update, resolvedAt) {
      const matched = await collection.updateOne(
        { _id: id, 'incident.count': expectedCount },
        {
          $push: { 'incident.updates': update },
          $set: {
            'incident.count': expectedCount + 1,
            'incident.status': update.status,
            'incident.resolvedAt': resolvedAt,
            'incident.sending': true,
          },
        },
      );
      return matched === 1;
    },
    async listSending() {
      return (await collection.find({ 'incident.sending': true })).map(fromAnnouncement);
    },
    async listRecent(limit) {
      const docs = await collection.find(
        { 'incident.count': { $gte: 0 }, state: { $in: ['sending', 'sent'] } },
        { sort: { createdAt: -1 }, limit },
      );
      return docs.map(fromAnnouncement);
    },
    async listSentTo(partnershipId, limit) {
      const docs = await collection.find(
        { partnershipIds: partnershipId, 'incident.count': { $gte: 0 }, state: { $in: ['sending', 'sent'] } },
        { sort: { createdAt: -1 }, limit },
      );
      return docs.map(fromAnnouncement);
    },
    async markStarted(id, update) {
      const moved = { $set: { 'incident.startedThrough': update } };
      return (await collection.updateOne({ _id: id, 'incident.startedThrough': update - 1 }, moved)) === 1;
    },
    async markSettled(id, update) {
      const moved = { $set: { 'incident.settledThrough': update } };
      const settled =
        (await collection.updateOne({ _id: id, 'incident.settledThrough': update - 1 }, moved)) === 1;
      // Only while no newer update came in: that one keeps it sending.
      await collection.updateOne(
        { _id: id, 'incident.count': update, 'incident.settledThrough': update },
        { $set: { 'incident.sending': false } },
      );
      return settled;
    },
    async recordProgress(id, update, message) {
      await collection.updateOne({ _id: id }, { $set: { [`incident.progress.u${update}`]: message } });
    },
  };
}

export function incidentUpdateDeliveryRepository(
  collection: DocumentCollection<IncidentUpdateDeliveryDocument>,
): IncidentUpdateDeliveryRepository {
  return {
    insert: ({ id, ...rest }) => collection.insertOne({ _id: id, ...rest }),
    async claim(announcementId, update, state, now, lease) {
      const doc = await claimLeased(collection, { announcementId, update, state }, now, lease);
      return doc ? fromDelivery(doc) : null;
    },
    renew: (id, token, until) => renewLease(collection, id, token, until),
    async finish(id, token, outcome) {
      const matched = await collection.updateOne(
        { _id: id, 'lease.token': token },
        { $set: { ...outcome, lease: null } },
      );
      return matched === 1;
    },
    async listFor(announcementId, update) {
      const docs = await collection.find({ announcementId, update });
      return docs.map(fromDelivery).sort((a, b) => a.id.localeCompare(b.id));
    },
    async count(announcementId, update) {
      const counts: IncidentUpdateCounts = { pending: 0, replied: 0, edited: 0, failed: 0 };
      const docs = await collection.find({ announcementId, update }, { fields: ['state'] });
      for (const d of docs) counts[d.state] += 1;
      return counts;
    },
  };
}
