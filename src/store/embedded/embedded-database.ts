import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import type { CollectionSpec, DocumentDatabase, StoredDocument } from '../documents.js';
import { lockDataDir } from './data-dir-lock.js';
import { eventLoopTurns } from './event-loop-turns.js';
import { migrateNedbFiles, type NedbMigration } from './nedb-migration.js';
import { type ReadMemo, readMemo } from './read-memo.js';
import { createCollectionTable, sqliteCollection } from './sqlite-collection.js';
import { sqliteDriver } from './sqlite-driver.js';

/** The embedded store's one database file in DATA_DIR. */
export const DATABASE_FILE = 'rapport.sqlite';

export interface EmbeddedOptions {
  /** Told once a data folder of an earlier version (NeDB files) has been copied into SQLite. */
  onNedbMigrated?: (migration: NedbMigration) => void;
}

/**
 * Embedded adapter on SQLite: one database file in DATA_DIR, one table per collection. SQLite reads
 * only what a query needs, so start-up and memory do not grow with the data kept. Each write is
 * committed before it resolves (write-ahead log), so an acknowledged write survives SIGKILL; the
 * data-dir lock keeps every other process out, which makes the single-document updates (one
 * transaction each) atomic.
 */
export async function openEmbeddedDatabase(
  dataDir: string,
  options: EmbeddedOptions = {},
): Promise<DocumentDatabase> {
  const lock = lockDataDir(dataDir);
  try {
    const driver = await sqliteDriver();
    const db = driver.open(join(dataDir, DATABASE_FILE));
    try {
      db.exec('PRAGMA journal_mode = WAL');
      // NORMAL keeps every committed transaction through a crash of the process; only a power loss
      // can take back the last ones, a price worth a write that does not wait for the disk.
      db.exec('PRAGMA synchronous = NORMAL');
      const migration = await migrateNedbFiles(dataDir, db);
      if (migration) options.onNedbMigrated?.(migration);
    } catch (error) {
      db.close();
      throw error;
    }
    // One memo per table, shared by every collection opened on it, so that a write through one is seen by all.
    const memos = new Map<string, ReadMemo>();
    const givingTurns = eventLoopTurns();
    return {
      kind: 'embedded',
      async collection<D extends StoredDocument>(spec: CollectionSpec) {
        const declared = spec.indexes.filter((i) => i.embedded !== false);
        createCollectionTable(db, spec, declared);
        const memo = memos.get(spec.name) ?? readMemo();
        memos.set(spec.name, memo);
        return givingTurns(sqliteCollection<D>(db, spec.name, declared, memo));
      },
      async collectionNames() {
        const rows = db
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
          .all();
        return rows.map((row) => row.name as string).sort();
      },
      /** Ready while the data folder is there and writable: a lost disk or mount makes /readyz fail. */
      async ping() {
        await access(dataDir, constants.W_OK);
        db.prepare('SELECT 1').get();
      },
      async close() {
        db.exec('PRAGMA optimize');
        db.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
