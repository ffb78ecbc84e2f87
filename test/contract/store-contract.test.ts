import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import { aPartnership, aPlan } from '../support/partnership-fixture.js';
import { storeKinds } from '../support/stores.js';

/** The behaviour every store adapter must have. Runs once per adapter, against the real thing. */
describe.each(storeKinds())('store contract: $name', (kind) => {
  let store: Store;
  let location: ReturnType<typeof kind.freshLocation>;

  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    location = kind.freshLocation();
    store = await openStore(location);
  });
  afterEach(async () => {
    if (kind.available) await store.close();
  });

  describe('partnerships', () => {
    it('stores a partnership and finds it by channel and id, with dates and nested fields intact', async () => {
      const p = aPartnership();
      expect(await store.partnerships.insert(p)).toBe('inserted');
      expect(await store.partnerships.findByChannel(p.channelId)).toEqual(p);
      expect(await store.partnerships.findById(p.id)).toEqual(p);
      expect(await store.partnerships.findByChannel('CNOTHING')).toBeNull();
    });

    it('keeps one partnership per channel', async () => {
      const p = aPartnership();
      await store.partnerships.insert(p);
      expect(await store.partnerships.insert(aPartnership({ channelId: p.channelId }))).toBe('duplicate');
      expect(await store.partnerships.findByChannel(p.channelId)).toEqual(p);
    });

    it('replaces only when the expected version still holds (compare-and-set)', async () => {
      const p = aPartnership();
      await store.partnerships.insert(p);
      const edited = { ...p, accountName: 'Acme Inc', version: 2 };
      expect(await store.partnerships.replace(edited, 1)).toBe('replaced');
      expect(await store.partnerships.replace({ ...p, accountName: 'Stale', version: 2 }, 1)).toBe(
        'conflict',
      );
      expect((await store.partnerships.findById(p.id))?.accountName).toBe('Acme Inc');
    });

    it('lets exactly one of many concurrent edits of the same version win', async () => {
      const p = aPartnership();
      await store.partnerships.insert(p);
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.partnerships.replace({ ...p, accountName: `Edit ${i}`, version: 2 }, 1),
        ),
      );
      expect(outcomes.filter((o) => o === 'replaced')).toHaveLength(1);
      const winner = outcomes.indexOf('replaced');
      expect((await store.partnerships.findById(p.id))?.accountName).toBe(`Edit ${winner}`);
    });

    it('lists the partnerships an owner has, by account name', async () => {
      await store.partnerships.insert(aPartnership({ ownerId: 'UOWNER', accountName: 'Zeta' }));
      await store.partnerships.insert(aPartnership({ ownerId: 'UOTHER', accountName: 'Beta' }));
      await store.partnerships.insert(aPartnership({ ownerId: 'UOWNER', accountName: 'Alpha' }));
      const names = (await store.partnerships.listByOwner('UOWNER')).map((p) => p.accountName);
      expect(names).toEqual(['Alpha', 'Zeta']);
    });

    it('records the welcome message without changing the settings version', async () => {
      const p = aPartnership();
      await store.partnerships.insert(p);
      await store.partnerships.recordWelcomeMessage(p.id, '1700000000.000100');
      expect(await store.partnerships.findById(p.id)).toEqual({
        ...p,
        welcomeMessageTs: '1700000000.000100',
      });
    });

    it('saves the communication plan by compare-and-set, bumping the version; a stale version changes nothing', async () => {
      const p = aPartnership();
      await store.partnerships.insert(p);
      const plan = aPlan();
      expect(await store.partnerships.savePlan(p.id, plan, 1)).toBe('saved');
      expect(await store.partnerships.findById(p.id)).toEqual({ ...p, plan, version: 2 });
      expect(await store.partnerships.savePlan(p.id, aPlan({ shared: 'Stale' }), 1)).toBe('conflict');
      expect(await store.partnerships.savePlan('p-missing', plan, 1)).toBe('conflict');
      expect((await store.partnerships.findById(p.id))?.plan).toEqual(plan);
      // A settings edit keeps the plan, and a plan saved on the old version then conflicts.
      expect(await store.partnerships.replace({ ...p, plan, accountName: 'Acme Inc', version: 3 }, 2)).toBe(
        'replaced',
      );
      expect(await store.partnerships.savePlan(p.id, aPlan({ shared: 'Late' }), 2)).toBe('conflict');
      expect(await store.partnerships.findByChannel(p.channelId)).toMatchObject({ plan, version: 3 });
    });

    it('lets exactly one of many concurrent plan saves of the same version win', async () => {
      const p = aPartnership();
      await store.partnerships.insert(p);
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.partnerships.savePlan(p.id, aPlan({ shared: `Edit ${i}` }), 1),
        ),
      );
      expect(outcomes.filter((o) => o === 'saved')).toHaveLength(1);
      const stored = await store.partnerships.findById(p.id);
      expect(stored?.plan?.shared).toBe(`Edit ${outcomes.indexOf('saved')}`);
      expect(stored?.version).toBe(2);
    });

    it('records the plan message without changing the version, and keeps both across reopening', async () => {
      const p = aPartnership();
      await store.partnerships.insert(p);
      const plan = aPlan({
        contacts: { ...aPlan().contacts, executive: { vendor: 'UVENDOR3', customer: null } },
      });
      await store.partnerships.savePlan(p.id, plan, 1);
      await store.partnerships.recordPlanMessage(p.id, '1700000000.000200');
      const expected = { ...p, plan, planMessageTs: '1700000000.000200', version: 2 };
      expect(await store.partnerships.findById(p.id)).toEqual(expected);
      await store.close();
      store = await openStore(location);
      expect(await store.partnerships.findById(p.id)).toEqual(expected);
    });
  });

  describe('sequences', () => {
    it('counts from 1, per name', async () => {
      expect(await store.sequences.next('asks:a')).toBe(1);
      expect(await store.sequences.next('asks:a')).toBe(2);
      expect(await store.sequences.next('asks:b')).toBe(1);
    });

    it('hands out every number exactly once under concurrent use, without gaps', async () => {
      const numbers = await Promise.all(Array.from({ length: 40 }, () => store.sequences.next('asks:c')));
      expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });
  });

  describe('once-only markers', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const later = new Date('2026-03-02T11:00:00Z');

    it('lets the first claim of a key win and every later one lose', async () => {
      expect(await store.markers.claim('event:Ev1', now, later)).toBe(true);
      expect(await store.markers.claim('event:Ev1', now, later)).toBe(false);
      expect(await store.markers.claim('event:Ev2', now, later)).toBe(true);
    });

    it('lets a released claim be claimed again', async () => {
      expect(await store.markers.claim('github:delivery:d1', now, later)).toBe(true);
      await store.markers.release('github:delivery:d1');
      expect(await store.markers.claim('github:delivery:d1', now, later)).toBe(true);
      expect(await store.markers.claim('github:delivery:d1', now, later)).toBe(false);
    });

    it('gives exactly one winner among concurrent claims', async () => {
      const wins = await Promise.all(
        Array.from({ length: 15 }, () => store.markers.claim('slot:x', now, null)),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it('purges only expired markers, after which the key can be claimed again', async () => {
      await store.markers.claim('short', now, new Date('2026-03-02T10:30:00Z'));
      await store.markers.claim('long', now, new Date('2026-03-03T10:00:00Z'));
      await store.markers.claim('forever', now, null);
      expect(await store.markers.purgeExpired(later)).toBe(1);
      expect(await store.markers.claim('short', later, null)).toBe(true);
      expect(await store.markers.claim('long', later, null)).toBe(false);
      expect(await store.markers.claim('forever', later, null)).toBe(false);
    });
  });

  it('answers ping and keeps everything across close and reopen', async () => {
    await store.ping();
    const p = aPartnership();
    await store.partnerships.insert(p);
    await store.sequences.next('asks:persist');
    await store.close();
    store = await openStore(location);
    expect(await store.partnerships.findByChannel(p.channelId)).toEqual(p);
    expect(await store.sequences.next('asks:persist')).toBe(2);
  });
});
