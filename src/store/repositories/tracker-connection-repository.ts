import type { IssuePhase } from '../../domain/trackers/status-mapping.js';
import type { TrackerName } from '../../domain/trackers/tracker.js';
import type {
  TrackerConnection,
  TrackerConnectionRepository,
} from '../../domain/trackers/tracker-connection.js';
import type { CollectionSpec, DocumentCollection } from '../documents.js';

/**
 * Keyed by the tracker's name: a workspace connects each tracker once. The mapping and the people are
 * lists of pairs: a tracker's state or login may hold a '.', which a field name may not.
 */
export type TrackerConnectionDocument = Omit<TrackerConnection, 'tracker' | 'statusMap' | 'people'> & {
  _id: string;
  statusMap: { state: string; phase: IssuePhase | null }[];
  people: { login: string; userId: string }[];
};

/** A workspace has one document per tracker: every list reads them all, oldest first. */
export const trackerConnectionCollection: CollectionSpec = {
  name: 'trackerConnections',
  indexes: [{ fields: ['connectedAt'] }],
};

const toDocument = ({
  tracker,
  statusMap,
  people,
  ...rest
}: TrackerConnection): TrackerConnectionDocument => ({
  _id: tracker,
  ...rest,
  statusMap: Object.entries(statusMap).map(([state, phase]) => ({ state, phase })),
  people: Object.entries(people).map(([login, userId]) => ({ login, userId })),
});
const fromDocument = ({ _id, statusMap, people, ...rest }: TrackerConnectionDocument): TrackerConnection => ({
  tracker: _id as TrackerName,
  ...rest,
  statusMap: Object.fromEntries(statusMap.map((m) => [m.state, m.phase])),
  people: Object.fromEntries(people.map((p) => [p.login, p.userId])),
});

export function trackerConnectionRepository(
  collection: DocumentCollection<TrackerConnectionDocument>,
): TrackerConnectionRepository {
  return {
    async find(tracker) {
      const doc = await collection.findOne({ _id: tracker });
      return doc ? fromDocument(doc) : null;
    },
    list: async () => (await collection.find({}, { sort: { connectedAt: 1 } })).map(fromDocument),
    async save(connection) {
      const doc = toDocument(connection);
      if (
        (await collection.replaceOne({ _id: doc._id }, doc)) === 0 &&
        (await collection.insertOne(doc)) === 'duplicate'
      )
        await collection.replaceOne({ _id: doc._id }, doc);
    },
    remove: async (tracker) => (await collection.deleteMany({ _id: tracker })) > 0,
    async recordUse(tracker, at, error) {
      const fields = error === null ? { lastUsedAt: at, lastError: null } : { lastError: error };
      await collection.updateOne({ _id: tracker }, { $set: fields });
    },
  };
}
