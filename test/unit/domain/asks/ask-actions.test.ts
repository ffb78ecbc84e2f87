import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/actors.js';
import { assignAsk, voteForAsk, withdrawAsk } from '../../../../src/domain/asks/ask-actions.js';
import { openStore, type Store } from '../../../../src/store/open-store.js';
import { anAsk } from '../../../support/ask-fixture.js';
import { tempDataDir } from '../../../support/stores.js';

const vendor: Actor = { userId: 'UVENDOR2', teamId: 'TV', side: 'vendor' };
const requester: Actor = { userId: 'UCUST1', teamId: 'TCUST', side: 'customer' };
const otherCustomer: Actor = { userId: 'UCUST2', teamId: 'TCUST', side: 'customer' };

describe('one-click ask actions', () => {
  let store: Store;
  const now = new Date('2026-05-01T12:00:00Z');
  const deps = () => ({ asks: store.asks, clock: { now: () => now } });

  beforeEach(async () => {
    store = await openStore({ dataDir: tempDataDir() });
  });
  afterEach(() => store.close());

  it('lets the vendor side take an ask, once, recording the owner change', async () => {
    const ask = anAsk();
    await store.asks.insert(ask);
    expect(await assignAsk(deps(), ask.id, requester, requester.userId)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const taken = await assignAsk(deps(), ask.id, vendor, vendor.userId);
    expect(taken).toMatchObject({
      ok: true,
      value: { changed: true, entries: [{ action: 'owner', from: 'UVENDOR1', to: 'UVENDOR2' }] },
    });
    expect(await assignAsk(deps(), ask.id, vendor, vendor.userId)).toMatchObject({
      ok: true,
      value: { changed: false },
    });
    expect(await store.asks.findById(ask.id)).toMatchObject({ ownerId: 'UVENDOR2', version: 2 });
    const vendorAsk = anAsk({ kind: 'vendor' });
    await store.asks.insert(vendorAsk);
    expect(await assignAsk(deps(), vendorAsk.id, vendor, vendor.userId)).toMatchObject({
      error: { code: 'not_applicable' },
    });
  });

  it('lets only the requester withdraw, only while open, and only once', async () => {
    const ask = anAsk();
    await store.asks.insert(ask);
    expect(await withdrawAsk(deps(), ask.id, otherCustomer)).toEqual({
      ok: false,
      error: { code: 'forbidden', reason: 'not_the_requester', requesterId: requester.userId, ref: ask.ref },
    });
    expect(await withdrawAsk(deps(), ask.id, requester)).toMatchObject({
      ok: true,
      value: { changed: true, ask: { status: 'withdrawn' } },
    });
    expect(await withdrawAsk(deps(), ask.id, requester)).toMatchObject({
      ok: true,
      value: { changed: false },
    });
    const resolved = anAsk({ status: 'resolved' });
    await store.asks.insert(resolved);
    expect(await withdrawAsk(deps(), resolved.id, requester)).toMatchObject({
      error: { code: 'not_applicable' },
    });
  });

  it('counts each person’s +1 once, even when many vote at the same moment', async () => {
    const ask = anAsk({ kind: 'enhancement', status: 'submitted' });
    await store.asks.insert(ask);
    const voters = Array.from(
      { length: 6 },
      (_, i): Actor => ({ userId: `UV${i}`, teamId: i % 2 ? 'TA' : 'TB', side: 'customer' }),
    );
    await Promise.all([...voters, ...voters].map((v) => voteForAsk(deps(), ask.id, v)));
    const stored = await store.asks.findById(ask.id);
    expect(stored?.voters.map((v) => v.userId).sort()).toEqual(voters.map((v) => v.userId).sort());
    const help = anAsk();
    await store.asks.insert(help);
    expect(await voteForAsk(deps(), help.id, requester)).toMatchObject({ error: { code: 'not_applicable' } });
  });
});
