/**
 * Reads what the app under test left in its store, after it stopped: the raw documents of a collection
 * (chosen fields only), from the embedded store's files or from MongoDB.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as NedbModule from '@seald-io/nedb';
import { MongoClient } from 'mongodb';
import type { StoreLocation } from '../../src/store/open-store.js';

const Datastore = createRequire(import.meta.url)('@seald-io/nedb') as typeof NedbModule.default.default;

export type RawDocument = Record<string, unknown> & { _id: string };

export async function readCollection(
  location: StoreLocation,
  collection: string,
  fields: string[],
): Promise<RawDocument[]> {
  const projection = Object.fromEntries(fields.map((f) => [f, 1]));
  if ('dataDir' in location) {
    const store = new Datastore({ filename: join(location.dataDir, `${collection}.db`) });
    await store.loadDatabaseAsync();
    return (await store.findAsync({}, projection)) as unknown as RawDocument[];
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

/** Bytes of the embedded store's file of a collection (compacted when the app stopped); 0 on MongoDB. */
export function collectionFileBytes(location: StoreLocation, collection: string): number {
  if (!('dataDir' in location)) return 0;
  try {
    return statSync(join(location.dataDir, `${collection}.db`)).size;
  } catch {
    return 0;
  }
}
