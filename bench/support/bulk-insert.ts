/**
 * Seeds the embedded store fast: documents written straight into its SQLite file, a batch per
 * transaction, before the app opens it (which then builds the collections' indexes in one pass).
 */
import { join } from 'node:path';
import type { StoredDocument } from '../../src/store/documents.js';
import { encodeDocument } from '../../src/store/embedded/document-codec.js';
import { DATABASE_FILE } from '../../src/store/embedded/embedded-database.js';
import { createTable, inTransaction, quoteName } from '../../src/store/embedded/sqlite-collection.js';
import { sqliteDriver } from '../../src/store/embedded/sqlite-driver.js';

export interface BulkWriter {
  insert(collection: string, docs: StoredDocument[]): void;
  close(): void;
}

export async function openBulkWriter(dataDir: string): Promise<BulkWriter> {
  const db = (await sqliteDriver()).open(join(dataDir, DATABASE_FILE));
  db.exec('PRAGMA journal_mode = WAL');
  return {
    insert(collection, docs) {
      createTable(db, collection);
      const insert = db.prepare(`INSERT INTO ${quoteName(collection)} (_id, doc) VALUES (?, ?)`);
      inTransaction(db, () => {
        for (const doc of docs) insert.run(doc._id, encodeDocument(doc));
      });
    },
    close: () => db.close(),
  };
}
