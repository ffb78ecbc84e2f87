import { describe, expect, it } from 'vitest';
import { createPersonLimiter } from '../../src/app/limits/person-limiter.js';
import type { Actor } from '../../src/domain/actors.js';
import type { Store } from '../../src/store/open-store.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';

const T0 = new Date('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const carol: Actor = { userId: 'UCAROL001', teamId: 'TCUST0001', side: 'customer' };
const alice: Actor = { userId: 'UALICE001', teamId: 'TVENDOR01', side: 'vendor' };

describe.each(storeKinds())('limit counter store contract: $name', (kind) => {
  let store: Store;

  storeForEachTest(kind, (opened) => {
    store = opened;
  });

  it('counts every increment exactly once, however many arrive at the same moment', async () => {
    const counts = await Promise.all(
      Array.from({ length: 50 }, () => store.limits.increment('raise:UCAROL001:1', at(60))),
    );
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await store.limits.increment('raise:UDAVE0001:1', at(60))).toBe(1);
  });

  it('deletes counters once their window is over, and only those', async () => {
    await store.limits.increment('form:UCAROL001:1', at(1));
    await store.limits.increment('form:UCAROL001:2', at(2));
    expect(await store.limits.purgeExpired(at(1))).toBe(1);
    expect(await store.limits.increment('form:UCAROL001:2', at(2))).toBe(2);
    expect(await store.limits.increment('form:UCAROL001:1', at(1))).toBe(1);
  });

  it('lets a customer do an action `max` times a window, refuses the rest, tells once, and never counts the vendor', async () => {
    let now = at(0);
    const seen: string[] = [];
    const limiter = createPersonLimiter({
      limits: {
        raise: { max: 2, windowMs: 3_600_000 },
        react: { max: 0, windowMs: 3_600_000 },
        details: { max: 1, windowMs: 3_600_000 },
        vote: { max: 1, windowMs: 3_600_000 },
        form: { max: 1, windowMs: 60_000 },
      },
      clock: { now: () => now },
      observe: (action, actor, allowed) => seen.push(`${action} ${actor.side} ${allowed}`),
    });
    const attempts = [];
    for (let i = 0; i < 4; i++) attempts.push(await limiter.attempt(store.limits, carol, 'raise'));
    expect(attempts).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: false, firstRefusal: true, max: 2, retryAfterMs: 3_600_000 },
      { allowed: false, firstRefusal: false, max: 2, retryAfterMs: 3_600_000 },
    ]);
    for (let i = 0; i < 5; i++)
      expect(await limiter.attempt(store.limits, alice, 'raise')).toEqual({ allowed: true });
    expect(await limiter.attempt(store.limits, carol, 'react')).toEqual({ allowed: true }); // 0: off
    now = at(60); // the next hour: a new window
    expect(await limiter.attempt(store.limits, carol, 'raise')).toEqual({ allowed: true });
    expect(seen.filter((s) => s === 'raise customer false')).toHaveLength(2);
    expect(seen.filter((s) => s === 'raise vendor true')).toHaveLength(5);
  });
});
