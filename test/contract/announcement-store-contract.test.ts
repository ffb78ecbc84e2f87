import { describe, expect, it } from 'vitest';
import {
  type AnnouncementDelivery,
  deliveryId,
  NOTHING_SINCE_POSTED,
} from '../../src/domain/announcements/announcement.js';
import type { Store } from '../../src/store/open-store.js';
import { anAnnouncement, aSentIncident } from '../support/announcement-fixture.js';
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

describe.each(storeKinds())('announcement store contract: $name', (kind) => {
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

  it('lists the announcements sent to a partnership, newest first, without incidents or unsent ones', async () => {
    const sent = (id: string, minutes: number, partnershipIds = ['p-1']) =>
      anAnnouncement(later(minutes), { id, partnershipIds });
    await store.announcements.insert(sent('a-1', 0, ['p-1', 'p-2']));
    await store.announcements.insert({ ...sent('a-2', 5), state: 'sending' });
    await store.announcements.insert({ ...sent('a-3', 6), state: 'deleted' });
    await store.announcements.insert({ ...sent('a-4', 7), state: 'scheduled' });
    await store.announcements.insert(aSentIncident(later(8), { id: 'i-1', partnershipIds: ['p-1'] }));
    // A plain announcement has no incident field, or a null one.
    await store.announcements.insert({ ...sent('a-0', -5), incident: null });
    expect((await store.announcements.listSentTo('p-1', 10)).map((a) => a.id)).toEqual(['a-2', 'a-1', 'a-0']);
    expect((await store.announcements.listSentTo('p-1', 1)).map((a) => a.id)).toEqual(['a-2']);
    expect((await store.announcements.listSentTo('p-2', 10)).map((a) => a.id)).toEqual(['a-1']);

    await store.announcementDeliveries.insert(delivery('p-1', NOW));
    await store.announcementDeliveries.insert(delivery('p-2', NOW));
    const found = await store.announcementDeliveries.findByIds([deliveryId('a-1', 'p-2'), 'a-9:p-1']);
    expect(found.map((d) => d.partnershipId)).toEqual(['p-2']);
    expect(await store.announcementDeliveries.findByIds([])).toEqual([]);
  });
});
