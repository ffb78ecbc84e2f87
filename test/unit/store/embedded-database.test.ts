import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FollowUp, followUpId } from '../../../src/domain/follow-ups/follow-up.js';
import { repositoryCollections } from '../../../src/store/collections.js';
import type { StoredDocument } from '../../../src/store/documents.js';
import { DATABASE_FILE } from '../../../src/store/embedded/embedded-database.js';
import { keyOf } from '../../../src/store/embedded/read-memo.js';
import { translateFilter } from '../../../src/store/embedded/sql-filter.js';
import { sqliteDriver } from '../../../src/store/embedded/sqlite-driver.js';
import { openDocumentDatabase, openStore } from '../../../src/store/open-store.js';
import { tempDataDir } from '../../support/stores.js';

/** The raw SQLite file of a closed embedded store. */
async function rawDatabase(dataDir: string) {
  return (await sqliteDriver()).open(join(dataDir, DATABASE_FILE));
}

const indexNamesOf = async (dataDir: string, table: string) => {
  const raw = await rawDatabase(dataDir);
  try {
    const rows = raw
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
      .all(table);
    return rows.map((row) => row.name).sort();
  } finally {
    raw.close();
  }
};

describe('embedded store driver', () => {
  it('uses node:sqlite where the runtime has it (Node 22.13 on), better-sqlite3 on older ones', async () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    const builtIn = major > 22 || (major === 22 && minor >= 13);
    expect((await sqliteDriver()).name).toBe(builtIn ? 'node:sqlite' : 'better-sqlite3');
  });
});

describe('embedded store indexes', () => {
  it('drops an index an earlier version declared, and keeps the declared ones', async () => {
    const dataDir = tempDataDir();
    const before = await openDocumentDatabase({ dataDir });
    await before.collection({
      name: 'things',
      indexes: [{ fields: ['channelId'] }, { fields: ['a', 'b'], unique: true }],
    });
    await before.close();
    expect(await indexNamesOf(dataDir, 'things')).toEqual(['things/channelId', 'things/unique:a,b']);

    const after = await openDocumentDatabase({ dataDir });
    await after.collection({
      name: 'things',
      indexes: [
        { fields: ['a', 'b'], unique: true },
        { fields: ['c'], embedded: false },
      ],
    });
    await after.close();
    expect(await indexNamesOf(dataDir, 'things')).toEqual(['things/unique:a,b']);
  });

  it('serves an exact match on every declared index from that index, not a scan', async () => {
    const dataDir = tempDataDir();
    await (await openStore({ dataDir })).close();
    const raw = await rawDatabase(dataDir);
    try {
      for (const spec of repositoryCollections) {
        for (const index of spec.indexes.filter((i) => i.embedded !== false)) {
          const filter = Object.fromEntries(index.fields.map((field) => [field, 'x']));
          const where = translateFilter(filter, new Set(index.fields));
          const plan = raw
            .prepare(`EXPLAIN QUERY PLAN SELECT doc FROM "${spec.name}" WHERE ${where.sql}`)
            .all(...where.params);
          expect({
            spec: spec.name,
            index: index.fields,
            plan: plan.map((row) => row.detail).join('; '),
          }).toEqual({
            spec: spec.name,
            index: index.fields,
            plan: expect.stringMatching(/USING (COVERING )?INDEX/),
          });
        }
      }
    } finally {
      raw.close();
    }
  });

  it('refuses an array in an indexed field, which its SQL could not find', async () => {
    const db = await openDocumentDatabase({ dataDir: tempDataDir() });
    const things = await db.collection({ name: 'things', indexes: [{ fields: ['owner.id'] }] });
    await expect(things.insertOne({ _id: 'a', owner: { id: ['U1'] } } as StoredDocument)).rejects.toThrow(
      'things: indexed field owner.id holds an object or array; the embedded store indexes scalars only',
    );
    expect(await things.count({})).toBe(0);
    await db.close();
  });
});

describe('embedded store documents', () => {
  interface Doc extends StoredDocument {
    [key: string]: unknown;
  }

  it('gives dates back as dates wherever they are, groups by kind and projects dotted paths', async () => {
    const dataDir = tempDataDir();
    const at = new Date('2026-12-01T10:00:00.123Z');
    let db = await openDocumentDatabase({ dataDir });
    let things = await db.collection<Doc>({ name: 'things', indexes: [{ fields: ['at'] }] });
    await things.insertOne({
      _id: 'a',
      at,
      trail: [{ at, by: 'U1' }],
      nested: { at },
      flag: true,
      kind: 'x',
    });
    await things.insertOne({ _id: 'b', at: null, flag: 1, kind: 'x' });
    await things.insertOne({ _id: 'c', kind: 'y' });
    await db.close();

    db = await openDocumentDatabase({ dataDir });
    things = await db.collection<Doc>({ name: 'things', indexes: [{ fields: ['at'] }] });
    expect(await things.findOne({ _id: 'a' })).toEqual({
      _id: 'a',
      at,
      trail: [{ at, by: 'U1' }],
      nested: { at },
      flag: true,
      kind: 'x',
    });
    expect(
      await things.find(
        { at: { $gte: new Date('2026-12-01T10:00:00.123Z') } },
        { fields: ['nested.at', 'kind'] },
      ),
    ).toEqual([{ _id: 'a', nested: { at }, kind: 'x' }]);
    // No field named is the whole document, as MongoDB's empty projection.
    expect(await things.find({ _id: 'c' }, { fields: [] })).toEqual([{ _id: 'c', kind: 'y' }]);
    const groups = await things.countBy(['flag', 'kind']);
    expect(groups).toHaveLength(3);
    expect(groups).toEqual(
      expect.arrayContaining([
        { values: { flag: true, kind: 'x' }, count: 1 },
        { values: { flag: 1, kind: 'x' }, count: 1 },
        { values: { flag: null, kind: 'y' }, count: 1 },
      ]),
    );
    await db.close();
  });

  it('creates an upserted document from the filter’s equalities and the update, once', async () => {
    const db = await openDocumentDatabase({ dataDir: tempDataDir() });
    const things = await db.collection<Doc>({ name: 'things', indexes: [] });
    const created = await things.upsertAndGet(
      { _id: 'k', 'scope.team': 'T1' },
      { $inc: { n: 1 }, $push: { seen: 'U1' } },
    );
    expect(created).toEqual({ _id: 'k', scope: { team: 'T1' }, n: 1, seen: ['U1'] });
    const again = await things.upsertAndGet(
      { _id: 'k', 'scope.team': 'T1' },
      { $inc: { n: 1 }, $addToSet: { seen: 'U1' } },
    );
    expect(again).toEqual({ _id: 'k', scope: { team: 'T1' }, n: 2, seen: ['U1'] });
    expect(await things.count({})).toBe(1);
    expect(await things.claimOne({ _id: 'k', n: 5 }, { $set: { taken: true } })).toBeNull();
    expect(await things.claimOne({ _id: 'k', n: 2 }, { $unset: { seen: true, 'scope.team': true } })).toEqual(
      {
        _id: 'k',
        scope: {},
        n: 2,
      },
    );
    await expect(things.updateOne({ _id: 'k' }, { $push: { n: 1 } })).rejects.toThrow(
      'cannot push to n: not an array',
    );
    await db.close();
  });
});

describe('embedded store readiness', () => {
  it('answers ping while its folder is there, and fails it once the folder is gone', async () => {
    const dataDir = tempDataDir();
    const store = await openStore({ dataDir });
    await expect(store.ping()).resolves.toBeUndefined();
    rmSync(dataDir, { recursive: true, force: true });
    await expect(store.ping()).rejects.toThrow(/ENOENT/);
    await store.close();
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
    for (let n = 0; n < 250; n++) await store.followUps.insert(aFollowUp(n, n % 50 !== 0));
    expect(await store.followUps.purgeClosedMessagesBefore(new Date('2026-11-01T00:00:00Z'))).toBe(245);
    expect((await store.followUps.listOpenByOwner('UVENDOR1')).map((f) => f.id)).toHaveLength(5);
    expect(await store.followUps.countOverdue('p-1', new Date('2026-12-01T11:00:00Z'))).toBe(5);
    expect(
      await store.followUps.claimDue(new Date('2026-12-01T09:30:00Z'), new Date('2026-12-01T09:35:00Z')),
    ).not.toBeNull();
    await store.close();
  });
});

describe('embedded store read memo', () => {
  interface Doc extends StoredDocument {
    channel: string;
    n: number;
  }
  const spec = { name: 'things', indexes: [{ fields: ['channel'] }] };

  it('answers a repeated read again only until the table changes, through any collection on it', async () => {
    const db = await openDocumentDatabase({ dataDir: tempDataDir() });
    const reader = await db.collection<Doc>(spec);
    const writer = await db.collection<Doc>(spec);
    await writer.insertOne({ _id: 'a', channel: 'C1', n: 1 });
    const page = { sort: { n: 1 as const }, skip: 0, limit: 10 };

    const first = await reader.findPage({ channel: 'C1' }, page);
    expect(first).toEqual({ docs: [{ _id: 'a', channel: 'C1', n: 1 }], total: 1 });
    // What a caller does with its copy is its own: the next read is as stored.
    (first.docs[0] as Doc).n = 99;
    expect(await reader.findOne({ channel: 'C1' })).toEqual({ _id: 'a', channel: 'C1', n: 1 });

    await writer.insertOne({ _id: 'b', channel: 'C1', n: 2 });
    expect(await reader.findPage({ channel: 'C1' }, page)).toMatchObject({ total: 2 });
    await writer.updateOne({ _id: 'a' }, { $set: { channel: 'C2' } });
    expect(await reader.findOne({ channel: 'C1' })).toEqual({ _id: 'b', channel: 'C1', n: 2 });
    await writer.replaceOne({ _id: 'b' }, { _id: 'b', channel: 'C1', n: 3 });
    expect(await reader.find({ channel: 'C1' }, { limit: 1 })).toEqual([{ _id: 'b', channel: 'C1', n: 3 }]);
    expect(await writer.claimOne({ _id: 'b' }, { $set: { n: 4 } })).toMatchObject({ n: 4 });
    expect(await reader.findOne({ channel: 'C1' })).toMatchObject({ n: 4 });
    await writer.upsertAndGet({ _id: 'c' }, { $set: { channel: 'C1', n: 5 } });
    expect(await reader.count({ channel: 'C1' })).toBe(2);
    await writer.deleteMany({ channel: 'C1' });
    expect(await reader.findPage({ channel: 'C1' }, page)).toEqual({ docs: [], total: 0 });
    await db.close();
  });
  it('hands each caller its own copy of a kept answer, dates included', async () => {
    const db = await openDocumentDatabase({ dataDir: tempDataDir() });
    const things = await db.collection<Doc & { at: Date; tags: string[] }>(spec);
    await things.insertOne({
      _id: 'a',
      channel: 'C1',
      n: 1,
      at: new Date('2026-12-01T09:00:00Z'),
      tags: ['x'],
    });
    const first = await things.findOne({ channel: 'C1' });
    first?.at.setUTCFullYear(2000);
    first?.tags.push('y');
    const again = await things.findOne({ channel: 'C1' });
    expect(again).toEqual({
      _id: 'a',
      channel: 'C1',
      n: 1,
      at: new Date('2026-12-01T09:00:00Z'),
      tags: ['x'],
    });
    expect(again?.at).toBeInstanceOf(Date);
    await db.close();
  });

  it('never answers one read with another whose arguments only print alike', async () => {
    const db = await openDocumentDatabase({ dataDir: tempDataDir() });
    const things = await db.collection<StoredDocument & { at: unknown; name?: string }>({
      name: 'things',
      indexes: [],
    });
    const iso = '2026-12-01T09:00:00.000Z';
    await things.insertOne({ _id: 'date', at: new Date(iso), name: 'Ada' });
    await things.insertOne({ _id: 'text', at: iso, name: 'ada' });
    expect((await things.findOne({ at: new Date(iso) }))?._id).toBe('date');
    expect((await things.findOne({ at: iso }))?._id).toBe('text');
    expect(await things.count({ name: { $in: ['Ada'] } })).toBe(1);
    expect(await things.count({ name: { $in: ['Ada', 'ada'] } })).toBe(2);
    await db.close();
  });
});

describe('read memo keys', () => {
  it('tell apart dates from their text, patterns by their flags, and missing values from null', () => {
    const when = new Date('2026-12-01T09:00:00Z');
    const keys = [
      [{ at: when }],
      [{ at: when.toISOString() }],
      [{ at: /a/ }],
      [{ at: /a/i }],
      [{ at: null }],
      [{ at: undefined }],
      [{ at: 1 }],
      [{ at: '1' }],
      [{ at: [1, 2] }],
      [{ at: { $in: [1, 2] } }],
    ].map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keyOf([{ at: new Date(when) }])).toBe(keys[0]);
  });

  it('gives no key for a kind of value it does not know, so such a read is never kept', () => {
    expect(keyOf([{ at: new Map() }])).toBeNull();
    expect(keyOf([{ at: () => true }])).toBeNull();
    expect(keyOf([{ at: 1n }])).toBeNull();
  });
});

describe('embedded store and the event loop', () => {
  it('lets timers and requests in while a loop makes nothing but store calls', async () => {
    const db = await openDocumentDatabase({ dataDir: tempDataDir() });
    const things = await db.collection<StoredDocument>({ name: 'things', indexes: [] });
    await things.insertOne({ _id: 'a' });
    let timerFired = false;
    setTimeout(() => {
      timerFired = true;
    }, 0);
    // Each call answers at once: without turns given, the timer could not fire before the loop gave up.
    const began = performance.now();
    while (!timerFired && performance.now() - began < 2_000) await things.findOne({ _id: 'a' });
    expect(timerFired).toBe(true);
    expect(performance.now() - began).toBeLessThan(1_000);
    await db.close();
  });
});
