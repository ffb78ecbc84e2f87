import type { Actor } from '../../domain/actors.js';
import type {
  Ask,
  AskContent,
  AskStatus,
  AskSummary,
  HistoryEntry,
  InternalNote,
} from '../../domain/asks/ask.js';
import type { AskQuery, AskRepository } from '../../domain/ports.js';
import type { CollectionSpec, DocumentCollection, Filter } from '../documents.js';
import {
  type EffectsField,
  effectsOwedAfterChange,
  effectsOwedFromStart,
  owedEffectsIndex,
} from './owed-effects-store.js';
import { fromTrackerDocument, type TrackerDocument, toTrackerDocument } from './tracker-document.js';
import { findOneAs, setIfVersion } from './versioned.js';

type ActorDocument = { userId: string; teamId: string; side: string };

/** Stored shape of an ask. `sourceKey` flattens the source message so it can be indexed on both stores. */
export interface AskDocument {
  _id: string;
  partnershipId: string;
  channelId: string;
  number: number;
  ref: string;
  kind: string;
  content: AskContent;
  requester: ActorDocument;
  ownerId: string;
  status: string;
  linkedTo: string | null;
  notSameAs?: string[];
  voters: { userId: string; teamId: string; at: Date }[];
  promisedDate: string | null;
  source: { channelId: string; messageTs: string } | null;
  sourceKey: string | null;
  card: { channelId: string; ts: string } | null;
  mirror: { channelId: string; ts: string } | null;
  history: (Omit<HistoryEntry, 'by'> & { by: ActorDocument })[];
  threadReplies?: { firstAt: Date; lastAt: Date } | null;
  internalNotes: (Omit<InternalNote, 'by'> & { by: ActorDocument })[];
  tracker?: TrackerDocument | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  /** Written by the effects runner (owed-effects-store.ts), never by a change of the ask. */
  effects?: EffectsField;
}

export const askCollection: CollectionSpec = {
  name: 'asks',
  indexes: [
    { fields: ['partnershipId', 'number'], unique: true },
    // A partnership's asks newest first (/rapport list, the Home tab), the number breaking ties in the index.
    { fields: ['partnershipId', 'createdAt', 'number'] },
    // The same list by status (open ones, say): the embedded store then filters, sorts and pages in SQL.
    { fields: ['partnershipId', 'status', 'createdAt'] },
    { fields: ['sourceKey'] },
    { fields: ['ref'] },
    { fields: ['linkedTo', 'createdAt'] },
    { fields: ['card.ts'] },
    // Every enhancement, read once per workspace to build the similar-requests index.
    { fields: ['kind'] },
    // The asks a tracker's webhook is about, oldest first.
    { fields: ['tracker.issue.key', 'createdAt'] },
    { fields: ['requester.userId', 'createdAt'] },
    owedEffectsIndex,
  ],
};

const sourceKey = (channelId: string, messageTs: string) => `${channelId}:${messageTs}`;
const actor = (a: ActorDocument): Actor => ({
  userId: a.userId,
  teamId: a.teamId,
  side: a.side as Actor['side'],
});
const actorDoc = (a: Actor): ActorDocument => ({ userId: a.userId, teamId: a.teamId, side: a.side });

export function toAskDocument(a: Ask): AskDocument {
  return {
    _id: a.id,
    partnershipId: a.partnershipId,
    channelId: a.channelId,
    number: a.number,
    ref: a.ref,
    kind: a.kind,
    content: { ...a.content },
    requester: actorDoc(a.requester),
    ownerId: a.ownerId,
    status: a.status,
    linkedTo: a.linkedTo,
    notSameAs: [...a.notSameAs],
    voters: a.voters.map((v) => ({ ...v })),
    promisedDate: a.promisedDate,
    source: a.source,
    sourceKey: a.source ? sourceKey(a.source.channelId, a.source.messageTs) : null,
    card: a.card,
    mirror: a.mirror,
    history: a.history.map((h) => ({ ...h, by: actorDoc(h.by) })),
    threadReplies: a.threadReplies ? { ...a.threadReplies } : null,
    internalNotes: a.internalNotes.map((n) => ({ ...n, by: actorDoc(n.by) })),
    tracker: a.tracker ? toTrackerDocument(a.tracker) : null,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    version: a.version,
  };
}

export function fromAskDocument(d: AskDocument): Ask {
  return {
    id: d._id,
    partnershipId: d.partnershipId,
    channelId: d.channelId,
    number: d.number,
    ref: d.ref,
    kind: d.kind as Ask['kind'],
    content: { ...d.content },
    requester: actor(d.requester),
    ownerId: d.ownerId,
    status: d.status as Ask['status'],
    linkedTo: d.linkedTo ?? null,
    notSameAs: [...(d.notSameAs ?? [])],
    voters: (d.voters ?? []).map((v) => ({ ...v })),
    promisedDate: d.promisedDate,
    source: d.source,
    card: d.card,
    mirror: d.mirror ?? null,
    history: d.history.map((h) => ({ ...h, by: actor(h.by) })),
    threadReplies: d.threadReplies ? { ...d.threadReplies } : null,
    internalNotes: d.internalNotes.map((n) => ({ ...n, by: actor(n.by) })),
    tracker: d.tracker ? fromTrackerDocument(d.tracker) : null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    version: d.version,
  };
}

const SUMMARY_FIELDS = ['ref', 'content.title', 'status', 'ownerId'];

const toSummary = (d: AskDocument): AskSummary => ({
  id: d._id,
  ref: d.ref,
  title: d.content.title,
  status: d.status as AskStatus,
  ownerId: d.ownerId,
});

function toFilter(query: AskQuery): Filter {
  const filter: Filter = { partnershipId: query.partnershipId };
  if (query.statuses) filter.status = { $in: query.statuses };
  if (query.requesterId) filter['requester.userId'] = query.requesterId;
  if (query.ownerId) filter.ownerId = query.ownerId;
  return filter;
}

export function askRepository(collection: DocumentCollection<AskDocument>): AskRepository {
  const one = findOneAs(collection, fromAskDocument);
  return {
    insert: (ask) =>
      collection.insertOne({ ...toAskDocument(ask), effects: effectsOwedFromStart(ask.createdAt) }),
    findById: (id) => one({ _id: id }),
    findBySource: (channelId, messageTs) => one({ sourceKey: sourceKey(channelId, messageTs) }),
    async findByThread(channelId, threadTs) {
      return (
        (await one({ 'card.channelId': channelId, 'card.ts': threadTs })) ??
        (await one({ sourceKey: sourceKey(channelId, threadTs) }))
      );
    },
    async findByRef(ref) {
      return (await collection.find({ ref })).map(fromAskDocument);
    },
    async findLinkedTo(askId) {
      return (await collection.find({ linkedTo: askId }, { sort: { createdAt: 1 } })).map(fromAskDocument);
    },
    replace: (ask, expectedVersion) =>
      setIfVersion(collection, toAskDocument(ask), expectedVersion, effectsOwedAfterChange(ask.updatedAt)),
    async recordCard(id, card) {
      await collection.updateOne({ _id: id }, { $set: { card } });
    },
    async recordMirror(id, mirror) {
      await collection.updateOne({ _id: id }, { $set: { mirror } });
    },
    async listWithIssue(statuses, page) {
      const filter = { 'tracker.issue.key': { $gt: '' }, status: { $in: statuses } };
      const docs = await collection.find(filter, { sort: { 'tracker.issue.key': 1 }, ...page });
      return docs.map(fromAskDocument);
    },
    async findByIssue(tracker, key) {
      const docs = await collection.find({ 'tracker.issue.key': key }, { sort: { createdAt: 1 } });
      return docs.map(fromAskDocument).filter((a) => a.tracker?.issue?.tracker === tracker);
    },
    async recordIssue(id, issue, told) {
      const link = { tracker: issue.tracker, key: issue.key, url: issue.url };
      await collection.updateOne(
        { _id: id },
        {
          $set: {
            'tracker.issue': link,
            'tracker.due': issue.due,
            'tracker.failure': null,
            'tracker.told': told,
          },
        },
      );
    },
    async recordIssueTold(id, told) {
      await collection.updateOne({ _id: id }, { $set: { 'tracker.told': { ...told } } });
    },
    async recordUnlinkTold(id, at) {
      await collection.updateOne(
        { _id: id, 'tracker.unlinked.at': at },
        { $set: { 'tracker.unlinked': null } },
      );
    },
    async recordTrackerFailure(id, failure) {
      await collection.updateOne({ _id: id }, { $set: { 'tracker.failure': failure } });
    },
    async listRaisedBy(userId, limit) {
      const docs = await collection.find({ 'requester.userId': userId }, { sort: { createdAt: -1 }, limit });
      return docs.map(fromAskDocument);
    },
    async listActive(partnershipId, openStatuses, since) {
      const docs = await collection.find({
        partnershipId,
        $or: [{ status: { $in: openStatuses } }, { updatedAt: { $gte: since } }],
      });
      return docs.map(fromAskDocument);
    },
    async list(query, page) {
      const filter = toFilter(query);
      const { docs, total } = await collection.findPage(filter, {
        sort: { createdAt: -1, number: -1 },
        skip: page.skip,
        limit: page.limit,
        fields: SUMMARY_FIELDS,
      });
      return { asks: docs.map(toSummary), total };
    },
    async listByKind(kind) {
      return (await collection.find({ kind })).map(fromAskDocument);
    },
    async countByKindAndStatus() {
      const groups = await collection.countBy(['kind', 'status']);
      return groups.map(({ values, count }) => ({
        kind: values.kind as Ask['kind'],
        status: values.status as Ask['status'],
        count,
      }));
    },
  };
}
