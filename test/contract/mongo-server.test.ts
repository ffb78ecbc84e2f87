/**
 * Proves the test MongoDB (mongo-java-server, or MONGODB_URI) supports, through the real mongodb driver,
 * exactly the operations the store adapter relies on.
 *
 * Known mongo-java-server 1.47 gaps (verified, so do not rely on them in the adapter or tests):
 * - partialFilterExpression is accepted but NOT honoured: documents outside the filter still take part in a
 *   unique index. Use `sparse: true` instead (honoured, tested below).
 * - no sessions/transactions ("Current topology does not support sessions"), no change streams, no
 *   pipeline-style updates (`updateOne(f, [{ $set: ... }])`), collation is ignored, TTL indexes never expire,
 *   no `hello` command (the driver falls back to isMaster), E11000 errors carry no keyPattern/keyValue, and
 *   dropping a missing collection throws "ns not found" without code 26.
 */
import { type Db, MongoClient, MongoServerError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasMongo, mongoUri, uniqueDbName } from '../support/mongo.js';
import { javaToolsAvailable, startMongoJavaServer } from '../support/mongo-server.js';

type Counter = { _id: string; value: number };
type Doc = { _id: string; version: number; tags?: string[]; owner?: string; note?: string; n?: number };

async function duplicateKeyCode(op: Promise<unknown>): Promise<number | undefined> {
  try {
    await op;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(MongoServerError);
    return (error as MongoServerError).code as number;
  }
}

describe.skipIf(!hasMongo())('test MongoDB server via the mongodb driver', () => {
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    client = new MongoClient(mongoUri(), { serverSelectionTimeoutMS: 10_000 });
    await client.connect();
    db = client.db(uniqueDbName('contract'));
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
  });

  it('connects, pings and reports a wire version the driver accepts', async () => {
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
    const isMaster = await db.admin().command({ isMaster: 1 });
    expect(isMaster.maxWireVersion).toBeGreaterThanOrEqual(9);
  });

  it('enforces unique indexes with E11000', async () => {
    const col = db.collection('unique');
    await col.createIndex({ teamId: 1, slackId: 1 }, { unique: true });
    await col.insertOne({ teamId: 'T1', slackId: 'U1' });
    await col.insertOne({ teamId: 'T2', slackId: 'U1' });
    expect(await duplicateKeyCode(col.insertOne({ teamId: 'T1', slackId: 'U1' }))).toBe(11000);
    expect(await duplicateKeyCode(col.updateOne({ teamId: 'T2' }, { $set: { teamId: 'T1' } }))).toBe(11000);
  });

  it('supports compound unique sparse indexes (partialFilterExpression is not honoured)', async () => {
    const col = db.collection('sparse');
    await col.createIndex({ externalId: 1, source: 1 }, { unique: true, sparse: true });
    await col.insertMany([{ name: 'a' }, { name: 'b' }]); // both fields missing: not indexed
    await col.insertOne({ externalId: 'x', source: 'jira' });
    expect(await duplicateKeyCode(col.insertOne({ externalId: 'x', source: 'jira' }))).toBe(11000);
    expect(await col.countDocuments()).toBe(3);
  });

  it('hands out a sequence with findOneAndUpdate + upsert + $inc, atomically under concurrency', async () => {
    const col = db.collection<Counter>('counters');
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        col.findOneAndUpdate(
          { _id: 'ticket' },
          { $inc: { value: 1 } },
          { upsert: true, returnDocument: 'after' },
        ),
      ),
    );
    const values = results.map((doc) => doc?.value ?? -1).sort((a, b) => a - b);
    expect(values).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await col.findOne({ _id: 'ticket' })).toEqual({ _id: 'ticket', value: 50 });
  });

  it('compare-and-sets on a version field', async () => {
    const col = db.collection<Doc>('cas');
    await col.insertOne({ _id: 'd1', version: 1 });
    const cas = (expected: number) =>
      col.updateOne(
        { _id: 'd1', version: expected },
        { $set: { version: expected + 1, note: `v${expected}` } },
      );
    expect((await cas(1)).matchedCount).toBe(1);
    expect((await cas(1)).matchedCount).toBe(0);
    const racing = await Promise.all(Array.from({ length: 10 }, () => cas(2)));
    expect(racing.map((r) => r.matchedCount).sort()).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(await col.findOne({ _id: 'd1' })).toEqual({ _id: 'd1', version: 3, note: 'v2' });
  });

  it('finds with sort + skip + limit', async () => {
    const col = db.collection<Doc>('paging');
    await col.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: `p${i}`, version: 0, n: i % 3 })));
    const page = await col.find({}).sort({ n: -1, _id: 1 }).skip(2).limit(3).toArray();
    expect(page.map((d) => d._id)).toEqual(['p8', 'p1', 'p4']);
  });

  it('applies $set/$push/$addToSet/$unset', async () => {
    const col = db.collection<Doc>('updates');
    await col.insertOne({ _id: 'u1', version: 0, tags: ['a'], note: 'tmp' });
    await col.updateOne({ _id: 'u1' }, { $set: { owner: 'U1' }, $push: { tags: 'b' }, $unset: { note: '' } });
    await col.updateOne({ _id: 'u1' }, { $addToSet: { tags: { $each: ['b', 'c'] } } });
    expect(await col.findOne({ _id: 'u1' })).toEqual({
      _id: 'u1',
      version: 0,
      tags: ['a', 'b', 'c'],
      owner: 'U1',
    });
  });

  it('deletes many and counts documents', async () => {
    const col = db.collection<Doc>('deletes');
    await col.insertMany(Array.from({ length: 6 }, (_, i) => ({ _id: `x${i}`, version: i % 2 })));
    expect((await col.deleteMany({ version: 1 })).deletedCount).toBe(3);
    expect(await col.countDocuments()).toBe(3);
    expect(await col.countDocuments({ version: 0 })).toBe(3);
  });
});

describe.skipIf(!javaToolsAvailable().ok)('mongo-java-server lifecycle', () => {
  it('stops and restarts on the same port; an existing client reconnects', { timeout: 180_000 }, async () => {
    const first = await startMongoJavaServer();
    const client = new MongoClient(first.uri, { serverSelectionTimeoutMS: 2_000 });
    try {
      const col = client.db(uniqueDbName('restart')).collection('c');
      await col.insertOne({ a: 1 });
      await first.stop();
      await expect(col.countDocuments()).rejects.toThrow();
      const second = await startMongoJavaServer({ port: first.port });
      try {
        expect(second.port).toBe(first.port);
        expect(await col.countDocuments()).toBe(0); // in-memory: a restart starts empty
        await col.insertOne({ a: 2 });
        expect(await col.countDocuments()).toBe(1);
      } finally {
        await second.stop();
      }
    } finally {
      await client.close();
      await first.stop();
    }
  });
});
