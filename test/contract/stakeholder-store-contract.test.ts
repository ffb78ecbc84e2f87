import { describe, expect, it } from 'vitest';
import type { Person } from '../../src/domain/stakeholders/stakeholder.js';
import type { Store } from '../../src/store/open-store.js';
import { ACTIVITY_RESOLUTION_MS } from '../../src/store/repositories/stakeholder-repository.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';

const carol: Person = { userId: 'UCAROL', side: 'customer', teamId: 'TC' };
const bob: Person = { userId: 'UBOB', side: 'vendor', teamId: 'TV' };
const start = new Date('2026-11-23T08:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe.each(storeKinds())('stakeholder store contract: $name', (kind) => {
  let store: Store;
  storeForEachTest(kind, (opened) => {
    store = opened;
  });
  const map = (partnershipId = 'P1') => store.stakeholders.listByPartnership(partnershipId);

  it('adds a person on first activity and keeps when they were first seen and last active', async () => {
    await store.stakeholders.recordActivity('P1', carol, at(0));
    await store.stakeholders.recordActivity('P1', carol, at(5)); // inside the resolution: no write
    await store.stakeholders.recordActivity('P1', carol, at(60));
    await store.stakeholders.recordActivity('P2', bob, at(1));
    expect(await map()).toEqual([
      {
        partnershipId: 'P1',
        ...carol,
        role: null,
        customRole: null,
        active: true,
        firstSeenAt: at(0),
        lastActiveAt: at(60),
        goneAt: null,
        goneReason: null,
      },
    ]);
    expect(ACTIVITY_RESOLUTION_MS).toBe(10 * 60_000);
    await store.stakeholders.recordActivity('P1', carol, at(65));
    expect((await map())[0]?.lastActiveAt).toEqual(at(60));
  });

  it('records a join without activity, and a later join without losing the first sighting', async () => {
    await store.stakeholders.recordJoined('P1', carol, at(0));
    expect((await map())[0]).toMatchObject({ active: true, firstSeenAt: at(0), lastActiveAt: null });
    await store.stakeholders.markGone('P1', carol.userId, 'left', at(10));
    await store.stakeholders.recordJoined('P1', carol, at(20));
    expect((await map())[0]).toMatchObject({
      active: true,
      firstSeenAt: at(0),
      goneAt: null,
      goneReason: null,
    });
  });

  it('turns someone gone once: of two racing calls, exactly one gets the stakeholder as it was', async () => {
    await store.stakeholders.setRole('P1', carol, { role: 'champion', customRole: null }, at(0));
    const results = await Promise.all([
      store.stakeholders.markGone('P1', carol.userId, 'left', at(10)),
      store.stakeholders.markGone('P1', carol.userId, 'deactivated', at(11)),
    ]);
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ active: true, role: 'champion' });
    expect((await map())[0]).toMatchObject({ active: false, role: 'champion' });
    expect(await store.stakeholders.markGone('P1', carol.userId, 'left', at(12))).toBeNull();
    expect(await store.stakeholders.markGone('P1', 'UNOBODY', 'left', at(12))).toBeNull();
  });

  it('sets and clears roles, adding someone not seen yet', async () => {
    await store.stakeholders.setRole('P1', bob, { role: null, customRole: 'Solutions engineer' }, at(0));
    await store.stakeholders.recordActivity('P1', carol, at(1));
    await store.stakeholders.setRole('P1', carol, { role: 'executive_sponsor', customRole: null }, at(2));
    expect((await map()).map((s) => [s.userId, s.role, s.customRole, s.lastActiveAt])).toEqual([
      [bob.userId, null, 'Solutions engineer', null],
      [carol.userId, 'executive_sponsor', null, at(1)],
    ]);
    await store.stakeholders.setRole('P1', carol, { role: null, customRole: null }, at(3));
    expect((await map())[1]?.role).toBeNull();
  });

  it('finds the partnerships where a person is still active', async () => {
    await store.stakeholders.recordActivity('P1', carol, at(0));
    await store.stakeholders.recordActivity('P2', carol, at(0));
    await store.stakeholders.recordActivity('P3', carol, at(0));
    await store.stakeholders.markGone('P3', carol.userId, 'left', at(1));
    await store.stakeholders.recordActivity('P1', bob, at(0));
    const found = await store.stakeholders.listActiveByUser(carol.userId);
    expect(found.map((s) => s.partnershipId).sort()).toEqual(['P1', 'P2']);
  });
});
