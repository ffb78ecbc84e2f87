import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeDocument } from './document-codec.js';
import { readNedbFile } from './nedb-data-file.js';
import { createTable, inTransaction, quoteName } from './sqlite-collection.js';
import type { SqliteConnection } from './sqlite-driver.js';

/** A collection's NeDB file in DATA_DIR is its name with this suffix. */
const NEDB_FILE = '.db';
/** NeDB's copy while it rewrote a file: the data when the file itself is missing (a crash mid-rewrite). */
const NEDB_TEMP = '.db~';

export interface NedbMigration {
  collections: { name: string; documents: number; corruptLines: number }[];
  /** Where the NeDB files now are, kept as they were. */
  keptIn: string;
}

/**
 * Copies the NeDB files of an earlier version found in DATA_DIR into SQLite, one transaction per
 * collection (its table emptied first, so a run cut short and started again doubles nothing), checks
 * each count, then moves the files into `nedb-migrated-<date>/`. Files still in DATA_DIR after a crash
 * are copied again at the next start; the app does not run on the store in between. Null when there is
 * nothing to migrate.
 */
export async function migrateNedbFiles(
  dataDir: string,
  db: SqliteConnection,
  today = new Date(),
): Promise<NedbMigration | null> {
  const files = await nedbFilesIn(dataDir);
  if (files.size === 0) return null;
  const collections: NedbMigration['collections'] = [];
  for (const [name, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const { docs, corruptLines } = await readNedbFile(join(dataDir, file));
    inTransaction(db, () => {
      createTable(db, name);
      const table = quoteName(name);
      db.prepare(`DELETE FROM ${table}`).run();
      const insert = db.prepare(`INSERT INTO ${table} (_id, doc) VALUES (?, ?)`);
      for (const [id, doc] of docs) insert.run(id, encodeDocument(doc));
      const copied = Number(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()?.n);
      if (copied !== docs.size)
        throw new Error(`migrating ${name}: ${copied} documents copied of ${docs.size}`);
    });
    collections.push({ name, documents: docs.size, corruptLines });
  }
  const keptIn = join(dataDir, `nedb-migrated-${today.toISOString().slice(0, 10)}`);
  await mkdir(keptIn, { recursive: true });
  for (const file of await readdir(dataDir)) {
    if (file.endsWith(NEDB_FILE) || file.endsWith(NEDB_TEMP))
      await rename(join(dataDir, file), join(keptIn, file));
  }
  return { collections, keptIn };
}

/** The NeDB file to read per collection name. */
async function nedbFilesIn(dataDir: string): Promise<Map<string, string>> {
  const files = await readdir(dataDir);
  const found = new Map<string, string>();
  for (const file of files) {
    if (file.endsWith(NEDB_FILE)) found.set(file.slice(0, -NEDB_FILE.length), file);
  }
  for (const file of files) {
    const name = file.slice(0, -NEDB_TEMP.length);
    if (file.endsWith(NEDB_TEMP) && !found.has(name)) found.set(name, file);
  }
  return found;
}
