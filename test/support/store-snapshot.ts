/**
 * Everything a store holds, read from outside the app, so a test can assert that a request wrote
 * nothing at all: every document of every collection, from the embedded store's database file (a
 * connection of its own, which sees every committed write) or from the MongoDB database.
 */
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { DATABASE_FILE } from '../../src/store/embedded/embedded-database.js';
import { sqliteDriver } from '../../src/store/embedded/sqlite-driver.js';
import { databaseNameFrom } from '../../src/store/mongo/mongo-database.js';
import type { StoreLocation } from '../../src/store/open-store.js';

export async function storeSnapshot(location: StoreLocation): Promise<Record<string, string>> {
  if ('dataDir' in location) {
    const db = (await sqliteDriver()).open(join(location.dataDir, DATABASE_FILE));
    try {
      const tables = db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all();
      return Object.fromEntries(
        tables.map(({ name }) => [
          name as string,
          JSON.stringify(db.prepare(`SELECT _id, doc FROM "${name}" ORDER BY _id`).all()),
        ]),
      );
    } finally {
      db.close();
    }
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
