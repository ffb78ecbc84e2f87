import {
  type Collection,
  type CommandStartedEvent,
  MongoClient,
  type MongoClientOptions,
  MongoServerError,
} from 'mongodb';
import type {
  CollectionSpec,
  DocumentCollection,
  DocumentDatabase,
  Filter,
  FindOptions,
  StoredDocument,
  UpdateSpec,
} from '../documents.js';
import { insertOrDuplicate, projectionOf, withFindOptions } from '../documents.js';
import {
  holdStoreCallsToDeadlines,
  STORE_DEADLINES,
  withDeadlines,
  withinDeadline,
} from '../store-deadline.js';

const DUPLICATE_KEY = 11000;

/**
 * Slack gives a listener 3 s, so a store that is away must fail a request well within that: the user
 * then gets "try again" (a form keeps its input) instead of Slack's own timeout. The driver's defaults
 * would hold an operation for up to 30 s. With these, a server that is down fails an operation at once
 * or, once the driver has noticed (within a heartbeat), after the 1.5 s server selection timeout; that
 * leaves time for the rest of a request (tested through a proxy that cuts the connections). A server
 * that stops answering without closing connections (a network black hole) is noticed by the heartbeat
 * only after 2 to 6 s (15 to 20 s with the defaults): the deadlines of ../store-deadline.ts fail the
 * calls waiting on it sooner. There is no socket timeout, which would also cut long operations short. An
 * option set in the URI (`?serverSelectionTimeoutMS=5000`) replaces the one here.
 */
export const CLIENT_OPTIONS = {
  /** No reachable server (down, or a replica set without a primary) fails an operation after this. */
  serverSelectionTimeoutMS: 1_500,
  /** Opening a connection, and each heartbeat, gives up after this. */
  connectTimeoutMS: 2_000,
  /** How often the server is checked while all is well (default 10 s): a silent server is noticed sooner. */
  heartbeatFrequencyMS: 2_000,
} satisfies MongoClientOptions;

/** CLIENT_OPTIONS without those the URI sets itself (the driver would let ours win). */
export function clientOptionsFor(uri: string): MongoClientOptions {
  const query = uri.split('?')[1] ?? '';
  const inUri = new Set([...new URLSearchParams(query).keys()].map((key) => key.toLowerCase()));
  return Object.fromEntries(Object.entries(CLIENT_OPTIONS).filter(([key]) => !inUri.has(key.toLowerCase())));
}

/** Tests only: sees every command sent by the clients opened after it is set. */
let commandListener: ((event: CommandStartedEvent) => void) | undefined;

/**
 * For tests only (test/support/mongo-command-recorder.ts records query shapes for the index check).
 * Unset in production, where the driver's command monitoring stays off.
 */
export function listenToMongoCommands(listener: ((event: CommandStartedEvent) => void) | undefined): void {
  commandListener = listener;
}

/**
 * MongoDB adapter. Only single-document atomic operations are used (no transactions), so several
 * replicas of the app can share one database safely.
 */
export async function openMongoDatabase(uri: string): Promise<DocumentDatabase> {
  holdStoreCallsToDeadlines();
  const listener = commandListener;
  const client = new MongoClient(uri, {
    ...clientOptionsFor(uri),
    ...(listener && { monitorCommands: true }),
  });
  if (listener) client.on('commandStarted', listener);
  await client.connect();
  const db = client.db(databaseNameFrom(uri));
  return {
    kind: 'mongo',
    async collection<D extends StoredDocument>(spec: CollectionSpec) {
      const collection = db.collection<D>(spec.name);
      for (const index of spec.indexes) {
        const keys = Object.fromEntries(index.fields.map((field) => [field, 1 as const]));
        await withinDeadline(
          `createIndex on ${spec.name}`,
          collection.createIndex(keys, { unique: index.unique ?? false }),
        );
      }
      return withDeadlines(spec.name, mongoCollection(collection));
    },
    async collectionNames() {
      const listed = db.listCollections({}, { nameOnly: true }).toArray();
      const collections = await withinDeadline('listCollections', listed);
      return collections
        .map((c) => c.name)
        .filter((name) => !name.startsWith('system.'))
        .sort();
    },
    async ping() {
      await withinDeadline('ping', db.command({ ping: 1 }), STORE_DEADLINES.ping);
    },
    async close() {
      await client.close();
    },
  };
}

/** The database named in the URI path (mongodb://host/rapport_prod), or 'rapport'. */
export function databaseNameFrom(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?/]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : 'rapport';
}

const isDuplicateKey = (error: unknown) => error instanceof MongoServerError && error.code === DUPLICATE_KEY;

function mongoCollection<D extends StoredDocument>(collection: Collection<D>): DocumentCollection<D> {
  // The driver's filter and update types are far stricter than our shared operator subset.
  // biome-ignore lint/suspicious/noExplicitAny: the mapping to the driver's generic types happens here only
  const raw = collection as unknown as Collection<any>;
  return {
    async findOne(filter: Filter) {
      return (await raw.findOne(filter)) as D | null;
    },
    async find(filter: Filter, options: FindOptions = {}) {
      const cursor = withFindOptions(raw.find(filter, { projection: projectionOf(options) }), options);
      return (await cursor.toArray()) as D[];
    },
    count: (filter: Filter) => raw.countDocuments(filter),
    async findPage(filter, options) {
      const page = withFindOptions(raw.find(filter, { projection: projectionOf(options) }), options);
      const [docs, total] = await Promise.all([page.toArray() as Promise<D[]>, raw.countDocuments(filter)]);
      return { docs, total };
    },
    async countBy(fields: string[]) {
      // Group keys are positional (a field name may not be a valid key of the group's _id); $ifNull puts a
      // missing field with null, as on the embedded store.
      const id = Object.fromEntries(fields.map((f, i) => [`f${i}`, { $ifNull: [`$${f}`, null] }]));
      const groups = await raw.aggregate([{ $group: { _id: id, count: { $sum: 1 } } }]).toArray();
      return groups.map((g) => ({
        values: Object.fromEntries(fields.map((f, i) => [f, g._id[`f${i}`] ?? null])),
        count: g.count as number,
      }));
    },
    insertOne: (doc: D) => insertOrDuplicate(() => raw.insertOne(doc), isDuplicateKey),
    async replaceOne(filter: Filter, doc: D) {
      return (await raw.replaceOne(filter, doc)).matchedCount;
    },
    async updateOne(filter: Filter, update: UpdateSpec) {
      return (await raw.updateOne(filter, toMongoUpdate(update))).matchedCount;
    },
    async upsertAndGet(filter: Filter, update: UpdateSpec) {
      const run = () =>
        raw.findOneAndUpdate(filter, toMongoUpdate(update), { upsert: true, returnDocument: 'after' });
      try {
        return (await run()) as D;
      } catch (error) {
        // Two concurrent upserts of a missing document: one inserts, the other must update it.
        if (isDuplicateKey(error)) return (await run()) as D;
        throw error;
      }
    },
    async claimOne(filter: Filter, update: UpdateSpec) {
      return (await raw.findOneAndUpdate(filter, toMongoUpdate(update), {
        returnDocument: 'after',
      })) as D | null;
    },
    async deleteMany(filter: Filter) {
      return (await raw.deleteMany(filter)).deletedCount;
    },
  };
}

function toMongoUpdate(update: UpdateSpec): Record<string, unknown> {
  const { $unset, ...rest } = update;
  if (!$unset) return rest;
  return { ...rest, $unset: Object.fromEntries(Object.keys($unset).map((key) => [key, ''])) };
}
