import { describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../../src/store/embedded/embedded-database.js';
import { openMongoDatabase } from '../../src/store/mongo/mongo-database.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import {
  type AskDocument,
  askCollection,
  toAskDocument,
} from '../../src/store/repositories/ask-repository.js';
import { anApproval } from '../support/approval-fixture.js';
import { anAsk } from '../support/ask-fixture.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';

const at = (iso: string) => new Date(iso);
const T0 = at('2026-03-02T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe.each(storeKinds())('owed effects store contract: $name', (kind) => {
  let store: Store;

  storeForEachTest(kind, (opened) => {
    store = opened;
  });

  it('owes the effects of a new ask from the write that stores it, and leases them to one runner', async () => {
    const ask = anAsk({ createdAt: T0, updatedAt: T0 });
    await store.asks.insert(ask);
    const claimed = await store.askEffects.claim(ask.id, minutes(0), minutes(10));
    expect(claimed).toEqual({
      id: ask.id,
      owedAt: T0,
      progress: { announced: 0, notesPosted: 0, unconfirmed: [], failures: 0 },
    });
    // Held: nobody else takes it before the lease runs out, and the reconciler does not list it.
    expect(await store.askEffects.claim(ask.id, minutes(5), minutes(15))).toBeNull();
    expect(await store.askEffects.listOwed(minutes(5), minutes(5), 10)).toEqual([]);
    expect(await store.askEffects.listOwed(minutes(11), minutes(11), 10)).toEqual([ask.id]);
    expect(await store.askEffects.claim(ask.id, minutes(11), minutes(21))).not.toBeNull();
  });

  it('keeps progress through a change of the ask, which owes its effects again', async () => {
    const ask = anAsk({ createdAt: T0, updatedAt: T0 });
    await store.asks.insert(ask);
    await store.askEffects.claim(ask.id, minutes(0), minutes(10));
    await store.askEffects.record(ask.id, {
      announced: 1,
      unconfirmed: [{ key: 'ask:x:card', at: minutes(1) }],
    });
    expect(await store.askEffects.settle(ask.id, 1)).toBe(true);
    expect(await store.askEffects.claim(ask.id, minutes(2), minutes(12))).toBeNull();

    const changed = { ...ask, status: 'acknowledged' as const, updatedAt: minutes(3), version: 2 };
    expect(await store.asks.replace(changed, 1)).toBe('replaced');
    expect(await store.asks.findById(ask.id)).toEqual(changed);
    expect(await store.askEffects.claim(ask.id, minutes(3), minutes(13))).toEqual({
      id: ask.id,
      owedAt: minutes(3),
      progress: { announced: 1, notesPosted: 0, unconfirmed: [], failures: 0 },
    });
  });

  it('settles only the version that was carried out: a change made meanwhile stays owed, unleased', async () => {
    const ask = anAsk({ createdAt: T0, updatedAt: T0 });
    await store.asks.insert(ask);
    await store.askEffects.claim(ask.id, minutes(0), minutes(10));
    await store.asks.replace({ ...ask, status: 'acknowledged', updatedAt: minutes(1), version: 2 }, 1);
    expect(await store.askEffects.settle(ask.id, 1)).toBe(false);
    expect(await store.askEffects.claim(ask.id, minutes(1), minutes(11))).toMatchObject({
      owedAt: minutes(1),
    });
    expect(await store.askEffects.settle(ask.id, 2)).toBe(true);
    expect(await store.askEffects.listOwed(minutes(60), minutes(60), 10)).toEqual([]);
  });

  it('postpones a failed pass until its retry time, counting failures', async () => {
    const ask = anAsk({ createdAt: T0, updatedAt: T0 });
    await store.asks.insert(ask);
    await store.askEffects.claim(ask.id, minutes(0), minutes(10));
    await store.askEffects.postpone(ask.id, minutes(2), 1);
    expect(await store.askEffects.listOwed(minutes(1), minutes(1), 10)).toEqual([]);
    expect(await store.askEffects.claim(ask.id, minutes(1), minutes(11))).toBeNull();
    expect(await store.askEffects.claim(ask.id, minutes(2), minutes(12))).toMatchObject({
      progress: { failures: 1 },
    });
  });

  it('lists owed asks oldest first, up to the limit', async () => {
    const older = anAsk({ createdAt: T0, updatedAt: T0 });
    const newer = anAsk({ createdAt: minutes(1), updatedAt: minutes(1) });
    await store.asks.insert(newer);
    await store.asks.insert(older);
    expect(await store.askEffects.listOwed(minutes(5), minutes(5), 10)).toEqual([older.id, newer.id]);
    expect(await store.askEffects.listOwed(minutes(5), minutes(5), 1)).toEqual([older.id]);
    expect(await store.askEffects.listOwed(minutes(0), minutes(5), 10)).toEqual([older.id]);
  });

  it('keeps approvals’ effects the same way', async () => {
    const approval = anApproval({ createdAt: T0, updatedAt: T0 });
    await store.approvals.insert(approval);
    expect(await store.approvalEffects.claim(approval.id, minutes(0), minutes(10))).toMatchObject({
      owedAt: T0,
    });
    const changed = { ...approval, state: 'withdrawn' as const, updatedAt: minutes(1), version: 2 };
    expect(await store.approvals.replace(changed, 1)).toBe('replaced');
    expect(await store.approvals.findById(approval.id)).toEqual(changed);
    expect(await store.approvalEffects.settle(approval.id, 1)).toBe(false);
    expect(await store.approvalEffects.listOwed(minutes(1), minutes(1), 10)).toEqual([approval.id]);
  });

  it('says nothing was recorded for an ask stored before effects were kept, once it changes', async (context) => {
    if (!kind.available) context.skip();
    const location = kind.freshLocation();
    const legacy = anAsk({ createdAt: T0, updatedAt: T0 });
    const db =
      'dataDir' in location
        ? await openEmbeddedDatabase(location.dataDir)
        : await openMongoDatabase(location.mongodbUri);
    await (await db.collection<AskDocument>(askCollection)).insertOne(toAskDocument(legacy));
    await db.close();

    const opened = await openStore(location);
    try {
      expect(await opened.askEffects.claim(legacy.id, minutes(0), minutes(10))).toBeNull();
      await opened.asks.replace({ ...legacy, status: 'acknowledged', updatedAt: minutes(6), version: 2 }, 1);
      expect(await opened.askEffects.claim(legacy.id, minutes(6), minutes(16))).toEqual({
        id: legacy.id,
        owedAt: minutes(6),
        progress: null,
      });
    } finally {
      await opened.close();
    }
  });
});
