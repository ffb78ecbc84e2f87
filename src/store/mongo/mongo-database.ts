import { type Collection, MongoClient, MongoServerError } from 'mongodb';
import type {
  CollectionSpec,
  DocumentCollection,
  DocumentDatabase,
  Filter,
  FindOptions,
  StoredDocument,
  UpdateSpec,
} from '../documents.js';
import { insertOrDuplicate, withFindOptions } from '../documents.js';

const DUPLICATE_KEY = 11000;

/**
 * MongoDB adapter. Only single-document atomic operations are used (no transactions), so several
 * replicas of the app can share one database safely.
 */
export async function openMongoDatabase(uri: string): Promise<DocumentDatabase> {
  // Fail fast when the server is away, so users get "try again" instead of a request that hangs.
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000, connectTimeoutMS: 5_000 });
  await client.connect();
  const db = client.db(databaseNameFrom(uri));
  return {
    kind: 'mongo',
    async collection<D extends StoredDocument>(spec: CollectionSpec) {
      const collection = db.collection<D>(spec.name);
      for (const index of spec.indexes.filter((i) => i.mongo !== false)) {
        const keys = Object.fromEntries(index.fields.map((field) => [field, 1 as const]));
        await collection.createIndex(keys, { unique: index.unique ?? false });
      }
      return mongoCollection(collection);
    },
    async ping() {
      await db.command({ ping: 1 });
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
      const cursor = withFindOptions(raw.find(filter), options);
      return (await cursor.toArray()) as D[];
    },
    count: (filter: Filter) => raw.countDocuments(filter),
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
