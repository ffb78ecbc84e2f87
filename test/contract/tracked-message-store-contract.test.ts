import { describe, expect, it } from 'vitest';
import { type TrackedMessage, trackedMessageId } from '../../src/domain/conversations/tracked-message.js';
import { followUpId } from '../../src/domain/follow-ups/follow-up.js';
import { track } from '../../src/domain/follow-ups/track.js';
import { runPurgeClosedMessages } from '../../src/jobs/purge-closed-messages.js';
import { createLogger } from '../../src/logger.js';
import type { Store } from '../../src/store/open-store.js';
import { anAsk } from '../support/ask-fixture.js';
import { aPartnership } from '../support/partnership-fixture.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9));

function aMessage(channelId: string, ts: string, postedAt: Date, closedAt: Date | null): TrackedMessage {
  return {
    id: trackedMessageId(channelId, ts),
    partnershipId: `p-${channelId}`,
    channelId,
    ts,
    author: { userId: 'UCUST1', teamId: 'TCUST', side: 'customer' },
    preview: `message ${ts}`,
    postedAt,
    ownerId: 'UVENDOR1',
    closed: closedAt && { at: closedAt, by: 'UVENDOR1', reason: 'reply' },
  };
}

describe.each(storeKinds())('tracked message store contract: $name', (kind) => {
  let store: Store;
  storeForEachTest(kind, (opened) => {
    store = opened;
  });

  it('purges closed messages posted before the cut in every channel, never an open one', async () => {
    const messages = [
      aMessage('CA', '1', day(1), day(2)), // closed, old: purged
      aMessage('CA', '2', day(1), null), // open, old: kept, it still wants an answer
      aMessage('CA', '3', day(20), day(20)), // closed, recent: kept
      aMessage('CB', '4', day(3), day(4)), // closed, old, another channel: purged
    ];
    for (const m of messages) await store.trackedMessages.insert(m);
    expect(await store.trackedMessages.purgeClosedBefore(day(10))).toBe(2);
    const left = [
      ...(await store.trackedMessages.listActive('CA', day(1))),
      ...(await store.trackedMessages.listActive('CB', day(1))),
    ];
    expect(left.map((m) => m.ts)).toEqual(['2', '3']);
    expect(await store.trackedMessages.purgeClosedBefore(day(10))).toBe(0);
  });

  it('keeps answered messages and their follow-ups 30 days through the daily purge job', async () => {
    const partnership = aPartnership({ channelId: 'CA' });
    // Each message tracked as the app does: watched when posted, closed when answered.
    const tracked = async (m: TrackedMessage) => {
      await store.trackedMessages.insert({ ...m, closed: null });
      await track(
        { followUps: store.followUps, clock: { now: () => m.postedAt } },
        { type: 'message', message: { ...m, closed: null } },
        partnership,
      );
      if (m.closed) {
        await store.trackedMessages.close(m.id, m.closed);
        await track(
          { followUps: store.followUps, clock: { now: () => m.closed?.at as Date } },
          { type: 'message', message: m },
          partnership,
        );
      }
    };
    await tracked(aMessage('CA', '1', day(1), day(1)));
    await tracked(aMessage('CA', '2', day(2), day(2)));
    await tracked(aMessage('CA', '3', day(1), null)); // never answered: kept, and still owed
    // An ask's follow-up closed as long ago, kept: only message follow-ups go with their messages.
    const ask = anAsk({ partnershipId: partnership.id, createdAt: day(1) });
    for (const status of ['open', 'resolved'] as const) {
      await track(
        { followUps: store.followUps, clock: { now: () => day(1) } },
        { type: 'ask', ask: { ...ask, status } },
        partnership,
      );
    }
    const logger = createLogger('error', () => {});
    // 1 Dec, 09:00:01: message 1 (1 Nov, 09:00) is over 30 days old, message 2 (2 Nov) is not.
    await runPurgeClosedMessages(
      { trackedMessages: store.trackedMessages, followUps: store.followUps, logger },
      new Date(Date.UTC(2026, 11, 1, 9, 0, 1)),
    );
    expect((await store.trackedMessages.listActive('CA', day(1))).map((m) => m.ts)).toEqual(['3', '2']);
    const ids = ['1', '2', '3'].map((ts) => followUpId('message', trackedMessageId('CA', ts)));
    const left = await store.followUps.findByIds(ids);
    expect(left.map((f) => f.id).sort()).toEqual(ids.slice(1).sort());
    expect(left.find((f) => f.id === ids[2])?.closed).toBe(false);
    expect((await store.followUps.findById(followUpId('ask', ask.id)))?.closed).toBe(true);
  });
});
