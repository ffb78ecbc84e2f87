import { describe, expect, it } from 'vitest';
import type { Ask } from '../../src/domain/asks/ask.js';
import { NO_TRACKER } from '../../src/domain/trackers/tracker.js';
import type { Store } from '../../src/store/open-store.js';
import { anAsk } from '../support/ask-fixture.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';

describe.each(storeKinds())('ask store contract: $name', (kind) => {
  let store: Store;

  storeForEachTest(kind, (opened) => {
    store = opened;
  });

  it('stores an ask with its history, actors and dates intact', async () => {
    const ask = anAsk({
      source: { channelId: 'CSHARED', messageTs: '1700000000.000200' },
      voters: [{ userId: 'UC9', teamId: 'TOTHER', at: new Date('2026-03-04T08:00:00Z') }],
      internalNotes: [
        {
          at: new Date('2026-03-03T10:00:00Z'),
          by: { userId: 'UV', teamId: 'TV', side: 'vendor' },
          text: 'secret',
        },
      ],
    });
    expect(await store.asks.insert(ask)).toBe('inserted');
    expect(await store.asks.findById(ask.id)).toEqual(ask);
    expect(await store.asks.findBySource('CSHARED', '1700000000.000200')).toEqual(ask);
    expect(await store.asks.findBySource('CSHARED', '1700000000.000999')).toBeNull();
  });

  it('lists every ask of a kind across partnerships, with the enhancements judged not the same', async () => {
    const idea = anAsk({
      kind: 'enhancement',
      status: 'submitted',
      partnershipId: 'p-a',
      notSameAs: ['ask-x'],
    });
    const other = anAsk({ kind: 'enhancement', status: 'shipped', partnershipId: 'p-b' });
    await Promise.all([idea, other, anAsk({ kind: 'help' })].map((a) => store.asks.insert(a)));
    const listed = await store.asks.listByKind('enhancement');
    expect(listed.map((a) => a.id).sort()).toEqual([idea.id, other.id].sort());
    expect(listed.find((a) => a.id === idea.id)).toEqual(idea);
  });

  it('keeps reference numbers unique per partnership', async () => {
    await store.asks.insert(anAsk({ partnershipId: 'p-a', number: 7 }));
    expect(await store.asks.insert(anAsk({ partnershipId: 'p-a', number: 7 }))).toBe('duplicate');
    expect(await store.asks.insert(anAsk({ partnershipId: 'p-b', number: 7 }))).toBe('inserted');
  });

  it('replaces by compare-and-set and records the card without a new version', async () => {
    const ask = anAsk();
    await store.asks.insert(ask);
    expect(await store.asks.replace({ ...ask, status: 'resolved', version: 2 }, 1)).toBe('replaced');
    expect(await store.asks.replace({ ...ask, status: 'in_progress', version: 2 }, 1)).toBe('conflict');
    await store.asks.recordCard(ask.id, { channelId: 'CSHARED', ts: '1.2' });
    expect(await store.asks.findById(ask.id)).toMatchObject({
      status: 'resolved',
      version: 2,
      card: { channelId: 'CSHARED', ts: '1.2' },
    });
  });

  it('keeps an ask’s tracker side, finds asks by issue, and records a created issue or a refusal without a new version', async () => {
    const requested = {
      at: new Date('2026-03-05T09:00:00Z'),
      by: { userId: 'UV', teamId: 'TV', side: 'vendor' as const },
    };
    const tracker = { ...NO_TRACKER, requested };
    const sent = anAsk({ tracker, createdAt: new Date('2026-03-05T09:00:00Z') });
    const other = anAsk({ partnershipId: 'p-other', tracker, createdAt: new Date('2026-03-06T09:00:00Z') });
    await store.asks.insert(sent);
    await store.asks.insert(other);
    expect(await store.asks.findById(sent.id)).toEqual(sent);
    const issue = {
      tracker: 'github' as const,
      key: 'acme/app#3',
      url: 'https://github.com/acme/app/issues/3',
    };
    const told = { history: 1, votes: 0 };
    await store.asks.recordIssue(
      other.id,
      { ...issue, status: { phase: 'open', label: 'open' }, due: '2026-04-01', assignees: [] },
      told,
    );
    await store.asks.recordIssue(
      sent.id,
      { ...issue, status: { phase: 'open', label: 'open' }, due: null, assignees: [] },
      told,
    );
    expect((await store.asks.findByIssue('github', 'acme/app#3')).map((a) => a.id)).toEqual([
      sent.id,
      other.id,
    ]);
    expect(await store.asks.findById(other.id)).toMatchObject({
      version: 1,
      tracker: { issue, due: '2026-04-01', told },
    });
    await store.asks.recordIssueTold(other.id, { history: 3, votes: 2 });
    expect((await store.asks.findById(other.id))?.tracker?.told).toEqual({ history: 3, votes: 2 });
    const at = new Date('2026-03-07T09:00:00Z');
    const gone = anAsk({
      partnershipId: 'p-gone',
      tracker: { ...tracker, unlinked: { issue, why: 'deleted', at } },
      createdAt: at,
    });
    await store.asks.insert(gone);
    expect((await store.asks.findById(gone.id))?.tracker?.unlinked).toEqual({ issue, why: 'deleted', at });
    await store.asks.recordUnlinkTold(gone.id, new Date('2026-03-07T09:01:00Z')); // a later unlink: kept
    expect((await store.asks.findById(gone.id))?.tracker?.unlinked).not.toBeNull();
    await store.asks.recordUnlinkTold(gone.id, at);
    expect(await store.asks.findById(gone.id)).toMatchObject({ version: 1, tracker: { unlinked: null } });
    expect(await store.asks.findByIssue('github', 'acme/app#4')).toEqual([]);
    expect((await store.asks.listWithIssue(['open'], { limit: 1, skip: 1 })).map((a) => a.id)).toHaveLength(
      1,
    );
    expect(await store.asks.listWithIssue(['shipped'], { limit: 10, skip: 0 })).toEqual([]);
    await store.asks.recordTrackerFailure(sent.id, 'GitHub refused the token.');
    expect((await store.asks.findById(sent.id))?.tracker?.failure).toBe('GitHub refused the token.');
  });

  it('lists a partnership’s asks newest first, filtered and paginated, with the total', async () => {
    const asks = [
      anAsk({ partnershipId: 'p-x', status: 'open' }),
      anAsk({ partnershipId: 'p-x', status: 'resolved', ownerId: 'UOTHER' }),
      anAsk({
        partnershipId: 'p-x',
        status: 'in_progress',
        requester: { userId: 'UME', teamId: 'TC', side: 'customer' },
      }),
      anAsk({ partnershipId: 'p-x', status: 'open' }),
      anAsk({ partnershipId: 'p-other', status: 'open' }),
    ];
    for (const a of asks) await store.asks.insert(a);
    const ids = (r: { asks: { id: string }[] }) => r.asks.map((a) => a.id);

    const all = await store.asks.list({ partnershipId: 'p-x' }, { limit: 2, skip: 0 });
    expect(all.total).toBe(4);
    expect(ids(all)).toEqual([asks[3]?.id, asks[2]?.id]);
    // Summaries only: the history, notes and the rest stay in the store.
    const newest = asks[3] as Ask;
    expect(all.asks[0]).toEqual({
      id: newest.id,
      ref: newest.ref,
      title: newest.content.title,
      status: 'open',
      ownerId: newest.ownerId,
    });
    expect(ids(await store.asks.list({ partnershipId: 'p-x' }, { limit: 2, skip: 2 }))).toEqual([
      asks[1]?.id,
      asks[0]?.id,
    ]);

    const open = await store.asks.list(
      { partnershipId: 'p-x', statuses: ['open', 'in_progress'] },
      { limit: 10, skip: 0 },
    );
    expect(ids(open)).toEqual([asks[3]?.id, asks[2]?.id, asks[0]?.id]);
    expect(
      ids(await store.asks.list({ partnershipId: 'p-x', requesterId: 'UME' }, { limit: 10, skip: 0 })),
    ).toEqual([asks[2]?.id]);
    expect(
      ids(await store.asks.list({ partnershipId: 'p-x', ownerId: 'UOTHER' }, { limit: 10, skip: 0 })),
    ).toEqual([asks[1]?.id]);
  });

  it('counts every partnership’s asks by kind and status in one answer, changes included', async () => {
    expect(await store.asks.countByKindAndStatus()).toEqual([]);
    const changing = anAsk({ partnershipId: 'p-a', status: 'open' });
    await store.asks.insert(changing);
    await store.asks.insert(anAsk({ partnershipId: 'p-b', status: 'open' }));
    await store.asks.insert(anAsk({ partnershipId: 'p-b', status: 'resolved' }));
    await store.asks.insert(anAsk({ partnershipId: 'p-a', kind: 'enhancement', status: 'in_progress' }));
    await store.asks.insert(anAsk({ partnershipId: 'p-a', kind: 'vendor', status: 'in_progress' }));
    await store.asks.replace({ ...changing, status: 'resolved', version: 2 }, 1);

    const byKey = (counts: { kind: string; status: string; count: number }[]) =>
      Object.fromEntries(counts.map((c) => [`${c.kind}/${c.status}`, c.count]));
    const counts = await store.asks.countByKindAndStatus();
    expect(byKey(counts)).toEqual({
      'help/open': 1,
      'help/resolved': 2,
      'enhancement/in_progress': 1,
      'vendor/in_progress': 1,
    });
    expect(counts).toHaveLength(4);
  });
});
