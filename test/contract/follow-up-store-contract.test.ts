import { describe, expect, it } from 'vitest';
import type { Ask } from '../../src/domain/asks/ask.js';
import { followUpId } from '../../src/domain/follow-ups/follow-up.js';
import { type ReminderItem, sweep } from '../../src/domain/follow-ups/sweep.js';
import { track } from '../../src/domain/follow-ups/track.js';
import type { Store } from '../../src/store/open-store.js';
import { anAsk } from '../support/ask-fixture.js';
import { aPartnership } from '../support/partnership-fixture.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';

// Monday 23 November 2026; the partnership works 08:00–16:00 UTC (Europe/Berlin).
const at = (time: string) => new Date(`2026-11-23T${time}:00Z`);

describe.each(storeKinds())('follow-up store contract: $name', (kind) => {
  let store: Store;
  const partnership = aPartnership();

  storeForEachTest(kind, async (opened) => {
    store = opened;
    await opened.partnerships.insert(partnership);
  });

  /** Urgent help requests raised at 08:00: due at 09:00, each tracked like the app does. */
  async function urgentAsks(n: number): Promise<Ask[]> {
    const asks: Ask[] = [];
    for (let i = 0; i < n; i++) {
      const ask = anAsk({
        partnershipId: partnership.id,
        createdAt: at('08:00'),
        content: { ...anAsk().content, urgency: 'urgent' },
      });
      await store.asks.insert(ask);
      await track(
        { followUps: store.followUps, clock: { now: () => at('08:00') } },
        { type: 'ask', ask },
        partnership,
      );
      asks.push(ask);
    }
    return asks;
  }

  it('claims only due follow-ups, each once, and hides a claimed one until its lease ends', async () => {
    const asks = await urgentAsks(6);
    expect(await store.followUps.claimDue(at('08:30'), at('08:35'))).toBeNull(); // heads-up at 08:48
    const claims = await Promise.all(
      Array.from({ length: 10 }, () => store.followUps.claimDue(at('09:05'), at('09:10'))),
    );
    const claimed = claims.filter((c) => c !== null).map((c) => c?.id);
    expect(claimed.sort()).toEqual(asks.map((a) => followUpId('ask', a.id)).sort());
    expect(
      claims.every(
        (c) =>
          c === null ||
          (c.nextNagAt?.getTime() === at('09:10').getTime() && c.version === 2 && c.round.claims === 1),
      ),
    ).toBe(true);
    expect(await store.followUps.claimDue(at('09:09'), at('09:20'))).toBeNull();
    // The lease ran out: the claim says an earlier one never recorded what it may have sent.
    expect((await store.followUps.claimDue(at('09:10'), at('09:20')))?.round.claims).toBe(2);
  });

  it('lists what someone owes soonest first and counts the overdue', async () => {
    await urgentAsks(3);
    const owed = await store.followUps.listOpenByOwner('UVENDOR1');
    expect(owed).toHaveLength(3);
    expect(owed.every((f) => f.dueAt?.getTime() === at('09:00').getTime())).toBe(true);
    expect(await store.followUps.countOverdue(partnership.id, at('08:59'))).toBe(0);
    expect(await store.followUps.countOverdue(partnership.id, at('09:00'))).toBe(3);
    expect(await store.followUps.listOpenByOwner('USOMEONE')).toEqual([]);
  });

  it('reminds once about a follow-up planned again while the sweep holds it, with its latest claim', async () => {
    const [ask, other] = await urgentAsks(2);
    const id = followUpId('ask', (ask as Ask).id);
    const delivered: string[][] = [];
    let replanned = false;
    const deps = {
      ...store,
      // Called once the sweep holds a follow-up: the ask's effects plan it again meanwhile, as after a change.
      async timeZoneOf() {
        if (!replanned) {
          replanned = true;
          const clock = { now: () => at('09:05') };
          await track({ followUps: store.followUps, clock }, { type: 'ask', ask: ask as Ask }, partnership);
        }
        return 'Europe/Berlin';
      },
      sender: {
        async send(_to: { id: string }, items: ReminderItem[]) {
          delivered.push(items.map((i) => i.followUp.id));
        },
      },
    };
    const report = await sweep(deps, at('09:05'));
    expect(report.claimed).toBe(3);
    expect(report.failedBatches).toBe(0);
    expect(delivered.map((batch) => [...batch].sort())).toEqual([
      [id, followUpId('ask', (other as Ask).id)].sort(),
    ]);
    const recorded = await store.followUps.findById(id);
    expect(recorded?.round).toMatchObject({ overdueNags: 1, claims: 0 });
    expect(recorded?.nextNagAt).toEqual(at('11:05'));
  });

  it('two sweeps at once remind about each follow-up exactly once', async () => {
    const asks = await urgentAsks(25);
    const delivered: string[] = [];
    const deps = {
      ...store,
      timeZoneOf: async () => 'Europe/Berlin',
      sender: {
        async send(_to: { id: string }, items: ReminderItem[]) {
          delivered.push(...items.map((i) => i.followUp.id));
        },
      },
    };
    const reports = await Promise.all([sweep(deps, at('09:05')), sweep(deps, at('09:05'))]);
    expect(delivered.sort()).toEqual(asks.map((a) => followUpId('ask', a.id)).sort());
    expect(reports.reduce((n, r) => n + r.claimed, 0)).toBe(25);
    const recorded = await Promise.all(asks.map((a) => store.followUps.findById(followUpId('ask', a.id))));
    expect(
      recorded.every(
        (f) =>
          f?.round.overdueNags === 1 &&
          f.round.claims === 0 &&
          f.nextNagAt?.getTime() === at('11:05').getTime(),
      ),
    ).toBe(true);
  });
});
