import type { Approval } from '../../domain/approvals/approval.js';
import type { ApprovalRepository } from '../../domain/ports.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';
import { type AuditEntryDocument, fromAuditEntryDocument } from './audit-entry-document.js';
import {
  type EffectsField,
  effectsOwedAfterChange,
  effectsOwedFromStart,
  owedEffectsIndex,
} from './owed-effects-store.js';
import { findOneAs, setIfVersion } from './versioned.js';

/** Stored shape of an approval; the same fields as the domain, with the id as _id. */
export type ApprovalDocument = Omit<Approval, 'id' | 'audit'> & {
  _id: string;
  audit: AuditEntryDocument[];
  effects?: EffectsField;
};

export const approvalCollection: CollectionSpec = {
  name: 'approvals',
  indexes: [
    { fields: ['channelId', 'createdAt'] },
    { fields: ['channelId', 'settledAt'] },
    // Approvals waiting on a person (their Home tab), by due time: one index per $or branch. Approvers are
    // an array, which the embedded store cannot index (a JSON path names one value): it scans approvals.
    { fields: ['approvers.userId', 'dueAt'], embedded: false },
    { fields: ['approvers.backupId', 'dueAt'], embedded: false },
    // The same look-up on the embedded store, which cannot index the approvers: the pending ones by due time.
    { fields: ['state', 'dueAt'] },
    { fields: ['checkAt'] },
    owedEffectsIndex,
  ],
};

export const toApprovalDocument = ({ id, ...rest }: Approval): ApprovalDocument => ({ _id: id, ...rest });
export const fromApprovalDocument = ({
  _id,
  effects: _effects,
  audit,
  ...rest
}: ApprovalDocument): Approval => ({
  id: _id,
  ...rest,
  audit: audit.map(fromAuditEntryDocument),
});

/** Whether the approval waits on `userId`: an undecided seat of theirs, or one escalated to them. */
function waitsOn(approval: Approval, userId: string): boolean {
  const decided = new Set(approval.decisions.map((d) => d.approverId));
  return approval.approvers.some(
    (a) =>
      !decided.has(a.userId) &&
      (a.userId === userId || (a.backupId === userId && approval.escalated.includes(a.userId))),
  );
}

export function approvalRepository(collection: DocumentCollection<ApprovalDocument>): ApprovalRepository {
  const one = findOneAs(collection, fromApprovalDocument);
  return {
    insert: (approval) =>
      collection.insertOne({
        ...toApprovalDocument(approval),
        effects: effectsOwedFromStart(approval.createdAt),
      }),
    findById: (id) => one({ _id: id }),
    replace: (approval, expectedVersion) =>
      setIfVersion(
        collection,
        toApprovalDocument(approval),
        expectedVersion,
        effectsOwedAfterChange(approval.updatedAt),
      ),
    async recordCard(id, card) {
      await collection.updateOne({ _id: id }, { $set: { card } });
    },
    async listByChannel(channelId, limit) {
      const newest = { sort: { createdAt: -1 as const } };
      const pending = await collection.find({ channelId, state: 'pending' }, { ...newest, limit });
      const left = limit - pending.length;
      const rest =
        left > 0
          ? await collection.find({ channelId, state: { $ne: 'pending' } }, { ...newest, limit: left })
          : [];
      return [...pending, ...rest].map(fromApprovalDocument);
    },
    async listDue(now, limit) {
      const docs = await collection.find(
        { state: 'pending', checkAt: { $lte: now } },
        { sort: { checkAt: 1 }, limit },
      );
      return docs.map(fromApprovalDocument);
    },
    async listPendingFor(userId, limit) {
      // The query narrows to approvals naming the user; who still owes a decision is checked here.
      const docs = await collection.find(
        { state: 'pending', $or: [{ 'approvers.userId': userId }, { 'approvers.backupId': userId }] },
        { sort: { dueAt: 1 } },
      );
      return docs
        .map(fromApprovalDocument)
        .filter((a) => waitsOn(a, userId))
        .slice(0, limit);
    },
    async listSettledBetween(channelId, start, end) {
      // Pending approvals have no settledAt, so the range alone leaves them out.
      const docs = await collection.find(
        { channelId, settledAt: { $gte: start, $lt: end } },
        { sort: { settledAt: 1 } },
      );
      return docs.map(fromApprovalDocument);
    },
  };
}
