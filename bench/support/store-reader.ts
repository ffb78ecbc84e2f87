/**
 * Reads what the app under test left in its store, after it stopped: the raw documents of a collection
 * (chosen fields only), from the embedded store's database file or from MongoDB.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { collectionSpecNamed } from '../../src/store/collections.js';
import { DATABASE_FILE } from '../../src/store/embedded/embedded-database.js';
import { openDocumentDatabase, type StoreLocation } from '../../src/store/open-store.js';

export type RawDocument = Record<string, unknown> & { _id: string };

export async function readCollection(
  location: StoreLocation,
  collection: string,
  fields: string[],
): Promise<RawDocument[]> {
  const projection = Object.fromEntries(fields.map((f) => [f, 1]));
  if ('dataDir' in location) {
    const db = await openDocumentDatabase(location);
    try {
      // With the collection's own indexes: opening it with others would change them.
      const spec = collectionSpecNamed(collection) ?? { name: collection, indexes: [] };
      return (await (await db.collection<RawDocument>(spec)).find({}, { fields })) as RawDocument[];
    } finally {
      await db.close();
    }
  }
  const client = await MongoClient.connect(location.mongodbUri);
  try {
    return (await client
      .db()
      .collection(collection)
      .find({}, { projection })
      .toArray()) as unknown as RawDocument[];
  } finally {
    await client.close();
  }
}

/** Bytes of the embedded store's database file (its log checkpointed when the app stopped); 0 on MongoDB. */
export function storeFileBytes(location: StoreLocation): number {
  return 'dataDir' in location ? statSync(join(location.dataDir, DATABASE_FILE)).size : 0;
}
