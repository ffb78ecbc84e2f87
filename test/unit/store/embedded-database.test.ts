import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as NedbModule from '@seald-io/nedb';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/open-store.js';
import { tempDataDir } from '../../support/stores.js';

// As in the adapter: NeDB is CommonJS while its typings declare a default export.
const Datastore = createRequire(import.meta.url)('@seald-io/nedb') as typeof NedbModule.default.default;

const indexesOf = async (file: string) => {
  const raw = new Datastore({ filename: file });
  await raw.loadDatabaseAsync();
  return Object.keys((raw as unknown as { indexes: Record<string, unknown> }).indexes).sort();
};

describe('embedded store indexes', () => {
  it('drops an index a data file kept from an earlier version, and keeps the declared ones', async () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'trackedMessages.db');
    // An earlier version indexed tracked messages by channel alone: NeDB would keep choosing it.
    const old = new Datastore({ filename: file });
    await old.loadDatabaseAsync();
    await old.ensureIndexAsync({ fieldName: 'channelId' });
    await old.compactDatafileAsync();

    const store = await openStore({ dataDir });
    await store.close();
    expect(await indexesOf(file)).toEqual(['_id', 'channelId,open']);
    // A compound index is named by its sorted fields: one declared in another order is kept too.
    expect(await indexesOf(join(dataDir, 'asks.db'))).toContain('number,partnershipId');
  });
});

describe('embedded store readiness', () => {
  it('answers ping while its folder is there, and fails it once the folder is gone', async () => {
    const dataDir = tempDataDir();
    const store = await openStore({ dataDir });
    await expect(store.ping()).resolves.toBeUndefined();
    rmSync(dataDir, { recursive: true, force: true });
    await expect(store.ping()).rejects.toThrow(/ENOENT/);
  });
});
