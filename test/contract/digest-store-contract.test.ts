import { describe, expect, it } from 'vitest';
import { scheduledDigestId } from '../../src/domain/digests/digest-record.js';
import { DIGEST_LEASE_MS, takeDueDigests } from '../../src/domain/digests/take-due-digests.js';
import type { Partnership } from '../../src/domain/partnerships/partnership.js';
import type { Store } from '../../src/store/open-store.js';
import { aPartnership } from '../support/partnership-fixture.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';

const HOUR = 3_600_000;
const GRACE = 6 * HOUR;
// Mondays 09:00 in Berlin: 08:00 UTC in November.
const monday = new Date('2026-11-23T08:00:00Z');
const weekBefore = new Date('2026-11-16T08:00:00Z');
const later = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe.each(storeKinds())('digest store contract: $name', (kind) => {
  let store: Store;
  let ids = 0;
  const deps = () => ({ ...store, newId: () => `token-${++ids}` });

  storeForEachTest(kind, (opened) => {
    store = opened;
  });

  async function scheduled(nextAt: Date): Promise<Partnership> {
    const p = aPartnership({ digestNextAt: nextAt });
    await store.partnerships.insert(p);
    return p;
  }

  it('takes a due slot once, however many ticks run at the same moment, and moves to the next slot', async () => {
    const p = await scheduled(monday);
    const now = later(monday, 30_000);
    const reports = await Promise.all([1, 2, 3, 4].map(() => takeDueDigests(deps(), now, GRACE)));

    const claims = reports.flatMap((r) => r.claims);
    expect(claims.map((c) => c.record.id)).toEqual([scheduledDigestId(p.id, monday)]);
    expect(claims[0]?.record).toMatchObject({ state: 'posting', missedSlots: 0, trigger: 'schedule' });
    expect((await store.partnerships.findById(p.id))?.digestNextAt).toEqual(new Date('2026-11-30T08:00:00Z'));
    expect((await takeDueDigests(deps(), later(now, 60_000), GRACE)).claims).toEqual([]);
  });

  it('posts a slot missed during downtime once when within the grace, folding the older missed slots', async () => {
    // Down from before the 16th's slot until Monday 13:00 UTC: the 16th's slot folds into the 23rd's, 5 h late.
    const p = await scheduled(weekBefore);
    const { claims, skipped } = await takeDueDigests(deps(), later(monday, 5 * HOUR), GRACE);
    expect(skipped).toEqual([]);
    expect(claims.map((c) => [c.record.id, c.record.missedSlots])).toEqual([
      [scheduledDigestId(p.id, monday), 1],
    ]);
    expect(await store.digests.findById(scheduledDigestId(p.id, weekBefore))).toBeNull();
  });

  it('records a slot found past the grace as skipped, posts nothing, and waits for the next slot', async () => {
    const p = await scheduled(monday);
    const now = later(monday, 7 * HOUR);
    const { claims, skipped } = await takeDueDigests(deps(), now, GRACE);
    expect(claims).toEqual([]);
    expect(skipped.map((r) => r.id)).toEqual([scheduledDigestId(p.id, monday)]);
    expect(await store.digests.findById(scheduledDigestId(p.id, monday))).toMatchObject({
      state: 'skipped',
      lease: null,
      finishedAt: now,
    });
    expect((await store.partnerships.findById(p.id))?.digestNextAt).toEqual(new Date('2026-11-30T08:00:00Z'));
    expect(await takeDueDigests(deps(), later(now, HOUR), GRACE)).toEqual({ claims: [], skipped: [] });
  });

  it('leaves partnerships without a schedule, or not due yet, alone', async () => {
    await scheduled(later(monday, HOUR));
    await store.partnerships.insert(aPartnership({ digest: null, digestNextAt: null }));
    expect(await takeDueDigests(deps(), monday, GRACE)).toEqual({ claims: [], skipped: [] });
  });

  it('hands a digest whose poster died over to one other replica once its lease runs out', async () => {
    const p = await scheduled(monday);
    const [claim] = (await takeDueDigests(deps(), monday, GRACE)).claims;
    if (!claim) throw new Error('expected a claim');
    await store.digests.recordMessage(claim.record.id, claim.token, 'customerMessage', {
      channelId: 'C1',
      ts: '1.1',
    });

    expect((await takeDueDigests(deps(), later(monday, DIGEST_LEASE_MS - 1), GRACE)).claims).toEqual([]);
    const afterLease = later(monday, DIGEST_LEASE_MS);
    const takeovers = await Promise.all([1, 2, 3].map(() => takeDueDigests(deps(), afterLease, GRACE)));
    const taken = takeovers.flatMap((r) => r.claims);
    expect(taken.map((c) => c.record.id)).toEqual([scheduledDigestId(p.id, monday)]);
    // What the first poster already posted travels with the digest, so it is not posted again.
    expect(taken[0]?.record.customerMessage).toEqual({ channelId: 'C1', ts: '1.1' });

    // The old holder has lost its lease: it can neither renew, record nor finish any more.
    const outcome = { state: 'posted' as const, period: null, error: null, finishedAt: afterLease };
    expect(await store.digests.renew(claim.record.id, claim.token, later(afterLease, HOUR))).toBe(false);
    expect(await store.digests.finish(claim.record.id, claim.token, outcome)).toBe(false);
    expect(await store.digests.finish(claim.record.id, taken[0]?.token ?? '', outcome)).toBe(true);
    expect(await store.digests.findById(claim.record.id)).toMatchObject({ state: 'posted', lease: null });
  });

  it('lists a partnership’s digests newest slot first', async () => {
    const p = await scheduled(weekBefore);
    await takeDueDigests(deps(), weekBefore, GRACE);
    await takeDueDigests(deps(), later(monday, 7 * HOUR), GRACE);
    const recent = await store.digests.listRecent(p.id, 5);
    expect(recent.map((r) => [r.slot, r.state])).toEqual([
      [monday, 'skipped'],
      [weekBefore, 'posting'],
    ]);
  });
});
