import type {
  Announcement,
  AnnouncementDelivery,
  Audience,
  DeliveryCounts,
} from '../../domain/announcements/announcement.js';
import type { AnnouncementDeliveryRepository, AnnouncementRepository } from '../../domain/ports.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';
import { claimLeased, renewLease } from './leased-claim.js';
import { findOneAs } from './versioned.js';

type AddedLater =
  | 'signOff'
  | 'holdUntil'
  | 'ownersTold'
  | 'ownersToldAt'
  | 'exclusions'
  | 'revision'
  | 'changeOwed'
  | 'changeProgress'
  | 'inWorkingHours'
  | 'notifyChannel'
  | 'replaces';
type DeliveryAddedLater = 'dueAt' | 'shownRevision' | 'removed' | 'changeError' | 'replies' | 'reactions';

/** Stored shapes: the same fields, with the id as _id; those added since the first release may be missing. */
export type AnnouncementDocument = Omit<Announcement, 'id' | 'audience' | AddedLater> &
  Partial<Pick<Announcement, AddedLater>> & {
    _id: string;
    audience: Omit<Audience, 'tagMatch' | 'excludedChannelIds'> &
      Partial<Pick<Audience, 'tagMatch' | 'excludedChannelIds'>>;
  };
export type AnnouncementDeliveryDocument = Omit<AnnouncementDelivery, 'id' | DeliveryAddedLater> &
  Partial<Pick<AnnouncementDelivery, DeliveryAddedLater>> & { _id: string };

export const announcementCollection: CollectionSpec = {
  name: 'announcements',
  indexes: [
    { fields: ['state', 'createdAt'] },
    // The incident updates run's look-up, every minute.
    { fields: ['incident.sending'] },
    // Each partnership's digest reads the incidents and announcements sent to it (an index on an array, one
    // entry per element).
    { fields: ['partnershipIds', 'createdAt'], embedded: false },
    // The sender's Home tab lists their own.
    { fields: ['createdBy', 'createdAt'] },
    // The announcements job's look-up of edits and deletions still to reach their messages.
    { fields: ['changeOwed'] },
  ],
};

/** Every state but draft: a draft is only its sender's preview. */
const LISTED = ['awaiting_signoff', 'scheduled', 'sending', 'sent', 'cancelled', 'deleted'];

export const announcementDeliveryCollection: CollectionSpec = {
  name: 'announcement_deliveries',
  // By message: a customer's thread reply or a reaction finds its announcement.
  indexes: [{ fields: ['announcementId'] }, { fields: ['channelId', 'ts'] }],
};

/** Announcements stored before audiences, sign-off and hold windows had these fields read as having none. */
export const fromAnnouncement = ({ _id, ...rest }: AnnouncementDocument): Announcement => ({
  id: _id,
  ...rest,
  audience: { tagMatch: 'any', excludedChannelIds: [], ...rest.audience },
  signOff: rest.signOff ?? null,
  holdUntil: rest.holdUntil ?? null,
  ownersTold: rest.ownersTold ?? [],
  ownersToldAt: rest.ownersToldAt ?? null,
  exclusions: rest.exclusions ?? [],
  revision: rest.revision ?? 0,
  changeOwed: rest.changeOwed ?? false,
  changeProgress: rest.changeProgress ?? null,
  inWorkingHours: rest.inWorkingHours ?? false,
  notifyChannel: rest.notifyChannel ?? false,
  replaces: rest.replaces ?? null,
});
const fromDelivery = ({ _id, ...rest }: AnnouncementDeliveryDocument): AnnouncementDelivery => ({
  id: _id,
  ...rest,
  // Stored before each partnership's could wait for its working hours: due from the start.
  dueAt: rest.dueAt ?? new Date(0),
  shownRevision: rest.shownRevision ?? 0,
  removed: rest.removed ?? false,
  changeError: rest.changeError ?? null,
  replies: rest.replies ?? 0,
  reactions: rest.reactions ?? 0,
});

/** A delivered message not yet showing `target`. `$ne` also matches deliveries stored before edits existed. */
const staleFilter = (announcementId: string, target: { revision: number } | 'removed') => ({
  announcementId,
  state: 'posted',
  ...(target === 'removed' ? { removed: { $ne: true } } : { shownRevision: { $ne: target.revision } }),
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
    async leaveOut(loaded, exclusion) {
      const remaining = loaded.partnershipIds.filter((p) => p !== exclusion.partnershipId);
      return (
        (await collection.updateOne(
          {
            _id: loaded.id,
            state: 'scheduled',
            holdUntil: { $gt: exclusion.at },
            // An array matches exactly (both stores): any exclusion stored since the read fails this one.
            partnershipIds: loaded.partnershipIds,
          },
          { $set: { partnershipIds: remaining }, $push: { exclusions: exclusion } },
        )) === 1
      );
    },
    async listDue(now) {
      const [scheduled, sending] = await Promise.all([
        collection.find({ state: 'scheduled', sendAt: { $lte: now } }),
        collection.find({ state: 'sending' }),
      ]);
      const held = (d: AnnouncementDocument) => d.holdUntil != null && d.holdUntil > now;
      return [...scheduled.filter((d) => !held(d)), ...sending].map(fromAnnouncement);
    },
    async markOwnerTold(id, ownerId) {
      await collection.updateOne({ _id: id }, { $addToSet: { ownersTold: ownerId } });
    },
    async revise(id, text) {
      const changed = await collection.updateOne(
        { _id: id, state: 'sent' },
        { $set: { ...text, changeOwed: true }, $inc: { revision: 1 } },
      );
      return changed === 1 ? findOneAs(collection, fromAnnouncement)({ _id: id }) : null;
    },
    async listChanging() {
      return (await collection.find({ changeOwed: true })).map(fromAnnouncement);
    },
    async settleChange(id, revision, state) {
      return (
        (await collection.updateOne({ _id: id, state, revision }, { $set: { changeOwed: false } })) === 1
      );
    },
    async setChangeProgress(id, progress) {
      await collection.updateOne({ _id: id }, { $set: { changeProgress: progress } });
    },
    async listOwnersToTell(now) {
      const docs = await collection.find({ state: 'scheduled', holdUntil: { $gt: now }, ownersToldAt: null });
      return docs.map(fromAnnouncement);
    },
    async listRecent(limit) {
      const docs = await collection.find({ state: { $in: LISTED } }, { sort: { createdAt: -1 }, limit });
      return docs.map(fromAnnouncement);
    },
    async listSentTo(partnershipId, limit) {
      const docs = await collection.find(
        { partnershipIds: partnershipId, incident: null, state: { $in: ['sending', 'sent'] } },
        { sort: { createdAt: -1 }, limit },
      );
      return docs.map(fromAnnouncement);
    },
    async listRecentBy(userId, limit) {
      const docs = await collection.find(
        { createdBy: userId, state: { $in: LISTED } },
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
      // Only those due: each partnership's may wait for its working hours. One stored before due times
      // existed has none (null matches a missing field on both stores) and is due now.
      const doc = await claimLeased(
        collection,
        { announcementId, state: 'pending', $or: [{ dueAt: { $lte: now } }, { dueAt: null }] },
        now,
        lease,
      );
      return doc ? fromDelivery(doc) : null;
    },
    renew: (id, token, until) => renewLease(collection, id, token, until),
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
    async claimStale(announcementId, target, now, lease) {
      const stale = staleFilter(announcementId, target);
      const doc =
        (await collection.claimOne({ ...stale, lease: null }, { $set: { lease } })) ??
        (await collection.claimOne({ ...stale, 'lease.until': { $lte: now } }, { $set: { lease } }));
      return doc ? fromDelivery(doc) : null;
    },
    async markChanged(id, token, target, error) {
      const shown = target === 'removed' ? { removed: true } : { shownRevision: target.revision };
      return (
        (await collection.updateOne(
          { _id: id, 'lease.token': token },
          { $set: { ...shown, changeError: error, lease: null } },
        )) === 1
      );
    },
    async findByIds(ids) {
      return ids.length === 0 ? [] : (await collection.find({ _id: { $in: ids } })).map(fromDelivery);
    },
    async count(announcementId) {
      const counts: DeliveryCounts = { pending: 0, posted: 0, failed: 0, replies: 0, reactions: 0 };
      const fields = ['state', 'replies', 'reactions'];
      for (const d of await collection.find({ announcementId }, { fields })) {
        counts[d.state] += 1;
        counts.replies += d.replies ?? 0;
        counts.reactions += d.reactions ?? 0;
      }
      return counts;
    },
    async findByMessage(channelId, ts) {
      const [doc] = await collection.find({ ts, channelId, state: 'posted' }, { limit: 1 });
      return doc ? fromDelivery(doc) : null;
    },
    async countResponse(id, response) {
      await collection.updateOne({ _id: id }, { $inc: response });
    },
  };
}
