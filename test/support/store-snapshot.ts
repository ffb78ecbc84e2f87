/**
 * Everything a store holds, read from outside the app, so a test can assert that a request wrote
 * nothing at all: the embedded store's files (append-only: any write adds a line), or every document
 * of every collection of the MongoDB database.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { databaseNameFrom } from '../../src/store/mongo/mongo-database.js';
import type { StoreLocation } from '../../src/store/open-store.js';

export async function storeSnapshot(location: StoreLocation): Promise<Record<string, string>> {
  if ('dataDir' in location) {
    const files = (await readdir(location.dataDir)).filter((name) => name.endsWith('.db')).sort();
    const contents = await Promise.all(files.map((name) => readFile(join(location.dataDir, name), 'utf8')));
    return Object.fromEntries(files.map((name, i) => [name, contents[i] as string]));
  }
  const client = await MongoClient.connect(location.mongodbUri);
  try {
    const db = client.db(databaseNameFrom(location.mongodbUri));
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
    const docs = await Promise.all(
      names.map((name) => db.collection(name).find({}).sort({ _id: 1 }).toArray()),
    );
    return Object.fromEntries(names.map((name, i) => [name, JSON.stringify(docs[i])]));
  } finally {
    await client.close();
  }
}
