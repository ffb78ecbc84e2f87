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
async function openForMoving(location: StoreLocation): Promise<OpenedStore> {
  try {
    const db = await openDocumentDatabase(location);
    return { db, open: collectionOpener(db), where: describeLocation(location) };
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new CliError(`Stop Rapport first. ${error.message}`);
    throw error;
  }
}

/**
 * Runs `use` on the opened store and closes it whatever happens. A store to read from (`existing`) must
 * be there: opening a mistyped DATA_DIR would create it and export nothing.
 */
export async function withStore<T>(
  location: StoreLocation,
  use: (store: OpenedStore) => Promise<T>,
  existing = false,
): Promise<T> {
  if (existing && 'dataDir' in location && !existsSync(location.dataDir)) {
    throw new CliError(`DATA_DIR ${location.dataDir} does not exist.`);
  }
  const store = await openForMoving(location);
  try {
    return await use(store);
  } finally {
    await store.db.close();
  }
}
