import { existsSync } from 'node:fs';
import { DataDirLockedError } from '../store/embedded/data-dir-lock.js';
import { openDocumentDatabase, type StoreLocation } from '../store/open-store.js';
import { CliError } from './cli-error.js';
import { collectionOpener, type OpenCollection } from './open-collections.js';

export interface OpenedStore {
  db: Awaited<ReturnType<typeof openDocumentDatabase>>;
  open: OpenCollection;
  /** For messages: which store, without the URI (it may hold a password). */
  where: string;
}

export const describeLocation = (location: StoreLocation): string =>
  'dataDir' in location ? `the embedded store in ${location.dataDir}` : 'the MongoDB database';

/**
 * Opens a store to read or write its documents. The embedded store's data-folder lock refuses a folder
 * that a running Rapport holds: both would write the same files.
 */
async function openForMoving(location: StoreLocation, stderr: (text: string) => void): Promise<OpenedStore> {
  try {
    const db = await openDocumentDatabase(location, {
      onNedbMigrated: ({ collections, keptIn }) =>
        stderr(
          `moved the embedded store from NeDB files to SQLite first (${collections
            .map((c) => `${c.name}: ${c.documents}`)
            .join(', ')}); the NeDB files are kept in ${keptIn}\n`,
        ),
    });
    return { db, open: collectionOpener(db), where: describeLocation(location) };
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new CliError(`Stop Rapport first. ${error.message}`);
    throw error;
  }
}

/**
 * Runs `use` on the opened store and closes it whatever happens. A store to read from (`existing`) must
 * be there: opening a mistyped DATA_DIR would create it and export nothing. A data folder of NeDB files
 * is moved to SQLite first, as the app would, and `stderr` told so.
 */
export async function withStore<T>(
  location: StoreLocation,
  stderr: (text: string) => void,
  use: (store: OpenedStore) => Promise<T>,
  existing = false,
): Promise<T> {
  if (existing && 'dataDir' in location && !existsSync(location.dataDir)) {
    throw new CliError(`DATA_DIR ${location.dataDir} does not exist.`);
  }
  const store = await openForMoving(location, stderr);
  try {
    return await use(store);
  } finally {
    await store.db.close();
  }
}
