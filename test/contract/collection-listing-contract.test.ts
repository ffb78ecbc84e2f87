import { describe, expect, it } from 'vitest';
import { collectionSpecNamed, repositoryCollections } from '../../src/store/collections.js';
import type { DocumentDatabase } from '../../src/store/documents.js';
import { openDocumentDatabase, openStore } from '../../src/store/open-store.js';
import { anAsk } from '../support/ask-fixture.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds())('collection listing contract: $name', (kind) => {
  it.skipIf(!kind.available)('lists every collection written to, by name and sorted', async () => {
    const db: DocumentDatabase = await openDocumentDatabase(kind.freshLocation());
    try {
      expect(await db.collectionNames()).toEqual([]);
      for (const name of ['workspace.T1.asks', 'asks', 'installations']) {
        await (await db.collection({ name, indexes: [] })).insertOne({ _id: 'x' });
      }
      expect(await db.collectionNames()).toEqual(['asks', 'installations', 'workspace.T1.asks']);
    } finally {
      await db.close();
    }
  });

  it.skipIf(!kind.available)(
    'names a known spec for every collection a store and its workspaces use',
    async () => {
      const location = kind.freshLocation();
      const store = await openStore(location);
      const workspace = await store.workspace('TWS1');
      // MongoDB creates a collection with its first index or document: one document in each makes them all appear.
      await workspace.asks.insert(anAsk());
      await store.asks.insert(anAsk());
      await store.sequences.next('ACME');
      await (await store.workspace('TWS1')).sequences.next('ACME');
      await store.installations.save({
        key: 'TWS1',
        teamId: 'TWS1',
        enterpriseId: null,
        sealed: 'v1.k.sealed',
        updatedAt: new Date(),
      });
      await store.close();
      const db = await openDocumentDatabase(location);
      try {
        const names = await db.collectionNames();
        const expected = repositoryCollections.flatMap((spec) => [spec.name, `workspace.TWS1.${spec.name}`]);
        expect(names).toEqual([...expected, 'installations'].sort());
        for (const name of names) expect(collectionSpecNamed(name)?.name).toBe(name);
      } finally {
        await db.close();
      }
    },
  );
});

describe('collection specs by name', () => {
  it('gives a workspace collection its base collection’s indexes, and nothing to names no version uses', () => {
    expect(collectionSpecNamed('workspace.T9.asks')?.indexes).toEqual(collectionSpecNamed('asks')?.indexes);
    expect(collectionSpecNamed('workspace.x.asks')).toBeNull();
    expect(collectionSpecNamed('workspace.T9.installations')).toBeNull();
    expect(collectionSpecNamed('../asks')).toBeNull();
    expect(collectionSpecNamed('old_things')).toBeNull();
  });
});
