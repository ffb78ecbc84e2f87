import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store, type StoreLocation } from '../../src/store/open-store.js';
import { hasMongo, mongoUri, uniqueDbName } from './mongo.js';

export interface StoreKind {
  name: 'embedded' | 'mongo';
  available: boolean;
  /** A fresh, empty place to open a store: a new temp folder or a new database. */
  freshLocation(): StoreLocation;
}

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'rapport-test-'));

/** mongodb://host:port/?opts -> mongodb://host:port/<db>?opts */
export function withDatabase(uri: string, db: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?([^?]*)/, `$1/${db}`);
}

/** Both store adapters; a suite runs once per kind, and the Mongo one skips only when no server is available. */
export function storeKinds(): StoreKind[] {
  return [
    { name: 'embedded', available: true, freshLocation: () => ({ dataDir: tempDataDir() }) },
    {
      name: 'mongo',
      available: hasMongo(),
      freshLocation: () => ({ mongodbUri: withDatabase(mongoUri(), uniqueDbName('rapport')) }),
    },
  ];
}

/** For each test: a fresh store of `kind` (the test is skipped when that kind is unavailable), closed after. */
export function storeForEachTest(kind: StoreKind, use: (store: Store) => void | Promise<void>): void {
  let store: Store | null = null;
  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    store = await openStore(kind.freshLocation());
    await use(store);
  });
  afterEach(async () => {
    await store?.close();
    store = null;
  });
}
