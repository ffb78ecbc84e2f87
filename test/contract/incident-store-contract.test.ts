import { describe, expect, it } from 'vitest';
import type { Announcement } from '../../src/domain/announcements/announcement.js';
import type { IncidentUpdateDelivery } from '../../src/domain/incidents/incident.js';
import type { Store } from '../../src/store/open-store.js';
import { aSentIncident } from '../support/announcement-fixture.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';

const NOW = new Date('2026-11-23T08:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const anIncident = (id: string, partnershipIds: string[]): Announcement =>
  aSentIncident(NOW, { id, partnershipIds });

const update = (number: number, status: 'identified' | 'resolved' = 'identified') => ({
  number,
  status,
  text: `update ${number}`,
  at: later(number),
  by: 'UV1',
});

const delivery = (partnershipId: string): IncidentUpdateDelivery => ({
  id: `i-1:1:${partnershipId}`,
  announcementId: 'i-1',
  update: 1,
  partnershipId,
  channelId: `C-${partnershipId}`,
  threadTs: '1.0001',
  state: 'pending',
  lease: null,
  attempts: 0,
  replyTs: null,
  error: null,
});

describe.each(storeKinds())('incident store contract: $name', (kind) => {
  let store: Store;
  storeForEachTest(kind, (opened) => {
    store = opened;
  });

  it('stores one update per count however many race, and keeps it sending until its last update settles', async () => {
    await store.announcements.insert(anIncident('i-1', ['p-1', 'p-2']));
    const raced = await Promise.all(
      [1, 2, 3].map(() => store.incidents.addUpdate('i-1', 0, update(1), null)),
    );
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await store.incidents.addUpdate('i-1', 1, update(2, 'resolved'), later(2))).toBe(true);
    let stored = (await store.announcements.findById('i-1'))?.incident;
    expect(stored).toMatchObject({ status: 'resolved', count: 2, resolvedAt: later(2), sending: true });
    expect(stored?.updates.map((u) => u.number)).toEqual([1, 2]);
    expect((await store.incidents.listSending()).map((a) => a.id)).toEqual(['i-1']);

    expect(await store.incidents.markStarted('i-1', 2)).toBe(false); // 1 has not started
    expect(await store.incidents.markStarted('i-1', 1)).toBe(true);
    expect(await store.incidents.markSettled('i-1', 1)).toBe(true);
    expect((await store.incidents.listSending()).map((a) => a.id)).toEqual(['i-1']);
    await store.incidents.recordProgress('i-1', 2, { channel: 'D1', ts: '9.0002' });
    expect(await store.incidents.markSettled('i-1', 2)).toBe(true);
    expect(await store.incidents.markSettled('i-1', 2)).toBe(false);
    stored = (await store.announcements.findById('i-1'))?.incident;
    expect(stored).toMatchObject({
      settledThrough: 2,
      sending: false,
      progress: { u2: { channel: 'D1', ts: '9.0002' } },
    });
    expect(await store.incidents.listSending()).toEqual([]);
  });

  it('lists the incidents sent to a partnership, newest first, and only incidents', async () => {
    await store.announcements.insert(anIncident('i-1', ['p-1', 'p-2']));
    await store.announcements.insert({ ...anIncident('i-2', ['p-2']), createdAt: later(5) });
    await store.announcements.insert({ ...anIncident('a-1', ['p-2']), incident: null });
    await store.announcements.insert({ ...anIncident('i-3', ['p-2']), state: 'draft' });
    expect((await store.incidents.listSentTo('p-2', 10)).map((a) => a.id)).toEqual(['i-2', 'i-1']);
    expect((await store.incidents.listSentTo('p-1', 10)).map((a) => a.id)).toEqual(['i-1']);
    expect((await store.incidents.listRecent(1)).map((a) => a.id)).toEqual(['i-2']);
  });

  it('gives each delivery to one holder, back after its lease runs out, and settles it only for its holder', async () => {
    for (const p of ['p-1', 'p-2']) await store.incidentUpdateDeliveries.insert(delivery(p));
    expect(await store.incidentUpdateDeliveries.insert(delivery('p-1'))).toBe('duplicate');
    const lease = (token: string, minutes: number) => ({ token, until: later(minutes) });
    const claims = await Promise.all(
      ['a', 'b', 'c'].map((t) =>
        store.incidentUpdateDeliveries.claim('i-1', 1, 'pending', NOW, lease(t, 10)),
      ),
    );
    expect(
      claims
        .filter((c) => c !== null)
        .map((c) => c?.partnershipId)
        .sort(),
    ).toEqual(['p-1', 'p-2']);
    expect(
      await store.incidentUpdateDeliveries.claim('i-1', 1, 'pending', later(5), lease('d', 15)),
    ).toBeNull();
    const taken = await store.incidentUpdateDeliveries.claim('i-1', 1, 'pending', later(11), lease('d', 21));
    expect(taken?.attempts).toBe(2);
    // Its first holder, back late, can no longer settle it.
    const first = claims.find((c) => c?.id === taken?.id)?.lease?.token ?? '';
    expect(await store.incidentUpdateDeliveries.finish(taken?.id ?? '', first, { state: 'edited' })).toBe(
      false,
    );
    expect(await store.incidentUpdateDeliveries.renew(taken?.id ?? '', 'd', later(30))).toBe(true);
    const replied = { state: 'replied' as const, replyTs: '1.0002' };
    expect(await store.incidentUpdateDeliveries.finish(taken?.id ?? '', 'd', replied)).toBe(true);
    const edit = await store.incidentUpdateDeliveries.claim('i-1', 1, 'replied', later(12), lease('e', 22));
    expect(edit).toMatchObject({ id: taken?.id, replyTs: '1.0002', state: 'replied' });
    expect(await store.incidentUpdateDeliveries.count('i-1', 1)).toEqual({
      pending: 1,
      replied: 1,
      edited: 0,
      failed: 0,
    });
  });
});
