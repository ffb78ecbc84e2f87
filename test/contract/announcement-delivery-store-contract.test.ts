import { describe, expect, it } from 'vitest';
import {
  type AnnouncementDelivery,
  deliveryId,
  NOTHING_SINCE_POSTED,
} from '../../src/domain/announcements/announcement.js';
import type { Store } from '../../src/store/open-store.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';

const NOW = new Date('2026-11-23T08:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const lease = (token: string) => ({ token, until: later(120) });

const delivery = (partnershipId: string, dueAt: Date): AnnouncementDelivery => ({
  id: deliveryId('a-1', partnershipId),
  announcementId: 'a-1',
  partnershipId,
  channelId: `C-${partnershipId}`,
  state: 'pending',
  lease: null,
  dueAt,
  attempts: 0,
  ts: null,
  error: null,
  ...NOTHING_SINCE_POSTED,
});

describe.each(storeKinds())('announcement delivery store contract: $name', (kind) => {
  let store: Store;
  storeForEachTest(kind, (opened) => {
    store = opened;
  });

  it('claims only deliveries due by now, each once, and one stored without a due time as due now', async () => {
    const deliveries = store.announcementDeliveries;
    await deliveries.insert(delivery('p-due', NOW));
    await deliveries.insert(delivery('p-later', later(60)));
    // What an earlier version stored: no due time at all.
    const { dueAt: _none, ...legacy } = delivery('p-legacy', NOW);
    await deliveries.insert(legacy as AnnouncementDelivery);

    const claimed = [];
    for (let round = 0; round < 4; round++) {
      const next = await deliveries.claimPending('a-1', NOW, lease(`t-${round}`));
      if (next) claimed.push(next);
    }
    expect(claimed.map((d) => d.partnershipId).sort()).toEqual(['p-due', 'p-legacy']);
    expect(claimed.find((d) => d.partnershipId === 'p-legacy')).toMatchObject({
      state: 'pending',
      attempts: 1,
      dueAt: new Date(0),
    });
    expect(await deliveries.claimPending('a-1', later(60), lease('t-late'))).toMatchObject({
      partnershipId: 'p-later',
    });
    expect(await deliveries.claimPending('a-1', later(60), lease('t-none'))).toBeNull();
  });
});
