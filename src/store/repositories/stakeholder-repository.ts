import type { StakeholderRepository } from '../../domain/ports.js';
import { type Stakeholder, stakeholderId } from '../../domain/stakeholders/stakeholder.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';

/** Activity is recorded to this resolution: a busy channel writes at most once per person per 10 minutes. */
export const ACTIVITY_RESOLUTION_MS = 10 * 60_000;

export type StakeholderDocument = Stakeholder & { _id: string };

export const stakeholderCollection: CollectionSpec = {
  name: 'stakeholders',
  // A partnership's people, and a person's partnerships (deactivation); neither key is shared by many.
  // A partnership's people are listed in order from the index.
  indexes: [{ fields: ['partnershipId', 'firstSeenAt'] }, { fields: ['userId'] }],
};

const fromDocument = ({ _id, ...rest }: StakeholderDocument): Stakeholder => rest;

export function stakeholderRepository(
  collection: DocumentCollection<StakeholderDocument>,
): StakeholderRepository {
  const fresh = (
    partnershipId: string,
    person: { userId: string; side: Stakeholder['side']; teamId: string },
    at: Date,
    lastActiveAt: Date | null,
  ): StakeholderDocument => ({
    _id: stakeholderId(partnershipId, person.userId),
    partnershipId,
    userId: person.userId,
    side: person.side,
    teamId: person.teamId,
    role: null,
    customRole: null,
    active: true,
    firstSeenAt: at,
    lastActiveAt,
    goneAt: null,
    goneReason: null,
  });
  const present = { active: true, goneAt: null, goneReason: null };

  return {
    async recordActivity(partnershipId, person, at) {
      const _id = stakeholderId(partnershipId, person.userId);
      const stale = new Date(at.getTime() - ACTIVITY_RESOLUTION_MS);
      const updated = await collection.updateOne(
        { _id, $or: [{ lastActiveAt: null }, { lastActiveAt: { $lte: stale } }, { active: false }] },
        { $set: { lastActiveAt: at, ...present } },
      );
      if (updated === 0) await collection.insertOne(fresh(partnershipId, person, at, at));
    },
    async recordJoined(partnershipId, person, at) {
      const _id = stakeholderId(partnershipId, person.userId);
      if ((await collection.updateOne({ _id }, { $set: present })) === 0) {
        if ((await collection.insertOne(fresh(partnershipId, person, at, null))) === 'duplicate') {
          await collection.updateOne({ _id }, { $set: present });
        }
      }
    },
    async markGone(partnershipId, userId, reason, at) {
      const _id = stakeholderId(partnershipId, userId);
      const before = await collection.findOne({ _id, active: true });
      if (!before) return null;
      // Only the call that finds them still active turns them gone: one departure, one alert.
      const turned = await collection.updateOne(
        { _id, active: true },
        { $set: { active: false, goneAt: at, goneReason: reason } },
      );
      return turned === 1 ? fromDocument(before) : null;
    },
    async setRole(partnershipId, person, role, at) {
      const _id = stakeholderId(partnershipId, person.userId);
      if ((await collection.updateOne({ _id }, { $set: role })) === 1) return;
      if (
        (await collection.insertOne({ ...fresh(partnershipId, person, at, null), ...role })) === 'duplicate'
      ) {
        await collection.updateOne({ _id }, { $set: role });
      }
    },
    async listByPartnership(partnershipId) {
      return (await collection.find({ partnershipId }, { sort: { firstSeenAt: 1 } })).map(fromDocument);
    },
    async listActiveByUser(userId) {
      return (await collection.find({ userId, active: true })).map(fromDocument);
    },
  };
}
