import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import { aPartnership } from '../support/partnership-fixture.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';

describe.each(storeKinds())('workspace data contract: $name', (kind) => {
  let store: Store;
  storeForEachTest(kind, (opened) => {
    store = opened;
  });

  it('keeps each installed workspace’s data apart, even for the same channel, and apart from the single workspace', async () => {
    const [vendorA, vendorB] = await Promise.all([store.workspace('TVENDORA'), store.workspace('TVENDORB')]);
    // Both vendors run Rapport in one Slack Connect channel: each has its own partnership there.
    const channelId = 'CSHARED99';
    expect(await vendorA.partnerships.insert(aPartnership({ channelId, accountName: 'Bravo (by A)' }))).toBe(
      'inserted',
    );
    expect(await vendorB.partnerships.insert(aPartnership({ channelId, accountName: 'Alpha (by B)' }))).toBe(
      'inserted',
    );
    expect((await vendorA.partnerships.findByChannel(channelId))?.accountName).toBe('Bravo (by A)');
    expect((await vendorB.partnerships.findByChannel(channelId))?.accountName).toBe('Alpha (by B)');
    expect(await store.partnerships.findByChannel(channelId)).toBeNull();

    // Reference numbers count per workspace.
    expect(await vendorA.sequences.next('ACME')).toBe(1);
    expect(await vendorA.sequences.next('ACME')).toBe(2);
    expect(await vendorB.sequences.next('ACME')).toBe(1);
  });

  it('hands out the same repositories for a workspace each time, and refuses a key that is not one', async () => {
    expect(await store.workspace('TVENDORA')).toBe(await store.workspace('TVENDORA'));
    expect(() => store.workspace('../asks')).toThrow(/not a workspace key/);
    expect(() => store.workspace('')).toThrow(/not a workspace key/);
  });
});
