import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as NedbModule from '@seald-io/nedb';
import { describe, expect, it } from 'vitest';
import { type FollowUp, followUpId } from '../../../src/domain/follow-ups/follow-up.js';
import { openStore } from '../../../src/store/open-store.js';
import { tempDataDir } from '../../support/stores.js';

// As in the adapter: NeDB is CommonJS while its typings declare a default export.
const Datastore = createRequire(import.meta.url)('@seald-io/nedb') as typeof NedbModule.default.default;

const indexesOf = async (file: string) => {
  const raw = new Datastore({ filename: file });
  await raw.loadDatabaseAsync();
  return Object.keys((raw as unknown as { indexes: Record<string, unknown> }).indexes).sort();
};

describe('embedded store indexes', () => {
  it('drops an index a data file kept from an earlier version, and keeps the declared ones', async () => {
    const dataDir = tempDataDir();
    const file = join(dataDir, 'trackedMessages.db');
    // An earlier version indexed tracked messages by channel alone: NeDB would keep choosing it.
    const old = new Datastore({ filename: file });
    await old.loadDatabaseAsync();
    await old.ensureIndexAsync({ fieldName: 'channelId' });
    await old.compactDatafileAsync();

    const store = await openStore({ dataDir });
    await store.close();
    expect(await indexesOf(file)).toEqual(['_id', 'channelId,open']);
    // A compound index is named by its sorted fields: one declared in another order is kept too.
    expect(await indexesOf(join(dataDir, 'asks.db'))).toContain('number,partnershipId');
  });
});

describe('embedded store readiness', () => {
  it('answers ping while its folder is there, and fails it once the folder is gone', async () => {
    const dataDir = tempDataDir();
    const store = await openStore({ dataDir });
    await expect(store.ping()).resolves.toBeUndefined();
    rmSync(dataDir, { recursive: true, force: true });
    await expect(store.ping()).rejects.toThrow(/ENOENT/);
  });
});

describe('embedded store bulk deletion', () => {
  const closedAt = new Date('2026-10-01T09:00:00Z');
  const aFollowUp = (n: number, closed: boolean): FollowUp => ({
    id: followUpId('message', `CA:${n}`),
    subject: { type: 'message', id: `CA:${n}` },
    partnershipId: 'p-1',
    ownerId: 'UVENDOR1',
    side: 'vendor',
    target: closed ? null : 'reply',
    dueAt: closed ? null : new Date('2026-12-01T10:00:00Z'),
    closed,
    nextNagAt: closed ? null : new Date('2026-12-01T09:30:00Z'),
    round: { dueAt: null, warned: false, overdueNags: 0, lastNagAt: null, reached: [], claims: 0 },
    snooze: null,
    trail: [],
    updatedAt: closedAt,
    version: 2,
  });

  it('deletes many documents sharing index keys, and its indexes serve as before afterwards', async () => {
    const dataDir = tempDataDir();
    const store = await openStore({ dataDir });
    // Past the bulk threshold: every closed one shares the null of nextNagAt and [UVENDOR1, true].
    for (let n = 0; n < 250; n++) await store.followUps.insert(aFollowUp(n, n % 50 !== 0));
    expect(await store.followUps.purgeClosedMessagesBefore(new Date('2026-11-01T00:00:00Z'))).toBe(245);
    expect((await store.followUps.listOpenByOwner('UVENDOR1')).map((f) => f.id)).toHaveLength(5);
    expect(await store.followUps.countOverdue('p-1', new Date('2026-12-01T11:00:00Z'))).toBe(5);
    expect(
      await store.followUps.claimDue(new Date('2026-12-01T09:30:00Z'), new Date('2026-12-01T09:35:00Z')),
    ).not.toBeNull();
    await store.close();
    expect(await indexesOf(join(dataDir, 'followUps.db'))).toEqual([
      '_id',
      'closed,ownerId',
      'closed,partnershipId',
      'nextNagAt',
    ]);
  });
});
