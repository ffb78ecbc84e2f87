/**
 * Nag sweep cost against the number of stored asks, with the same 100 due each time.
 * Run: npm run bench:sweep   (SIZES=1000,100000,1000000 STORES=embedded,mongo to choose)
 * MongoDB: BENCH_MONGODB_URI points at a real server; without it the test suite's mongo-java-server is
 * started, which has no range indexes (it scans), so only small sizes are sensible there.
 */
import { MongoClient } from 'mongodb';
import { followUpId } from '../src/domain/follow-ups/follow-up.js';
import { sweep } from '../src/domain/follow-ups/sweep.js';
import { openStore, type StoreLocation } from '../src/store/open-store.js';
import { type AskDocument, toAskDocument } from '../src/store/repositories/ask-repository.js';
import type { FollowUpDocument } from '../src/store/repositories/follow-up-repository.js';
import { anAsk } from '../test/support/ask-fixture.js';
import { startMongoJavaServer } from '../test/support/mongo-server.js';
import { aPartnership } from '../test/support/partnership-fixture.js';
import { tempDataDir } from '../test/support/stores.js';
import { openBulkWriter } from './support/bulk-insert.js';

const SIZES = (process.env.SIZES ?? '1000,100000,1000000').split(',').map(Number);
const STORES = (process.env.STORES ?? 'embedded,mongo').split(',');
const DUE = 100;
const RUNS = 4;
const BATCH = 10_000;
// Monday 23 November 2026: asks raised at 08:00 UTC, urgent, first response due 09:00.
const RAISED = new Date('2026-11-23T08:00:00Z');
const FAR = new Date('2030-01-01T00:00:00Z');
// Escalation out of reach, so every run reminds one owner about the same 100 items.
const partnership = aPartnership({
  id: 'p-bench',
  escalation: { backupAfterNags: 9, finalAfterNags: 10, userId: null },
});

function documents(from: number, to: number): { asks: AskDocument[]; followUps: FollowUpDocument[] } {
  const asks: AskDocument[] = [];
  const followUps: FollowUpDocument[] = [];
  for (let i = from; i < to; i++) {
    const ask = anAsk({
      id: `ask-${i}`,
      number: i + 1,
      ref: `ACME-${i + 1}`,
      partnershipId: partnership.id,
      createdAt: RAISED,
      content: { ...anAsk().content, urgency: 'urgent' },
    });
    asks.push(toAskDocument(ask));
    const due = i < DUE;
    followUps.push({
      _id: followUpId('ask', ask.id),
      subject: { type: 'ask', id: ask.id },
      partnershipId: partnership.id,
      ownerId: partnership.ownerId,
      side: 'vendor',
      target: 'first_response',
      dueAt: due ? new Date('2026-11-23T09:00:00Z') : FAR,
      closed: false,
      nextNagAt: due ? new Date('2026-11-23T08:48:00Z') : FAR,
      round: {
        dueAt: due ? new Date('2026-11-23T09:00:00Z') : FAR,
        warned: false,
        overdueNags: 0,
        lastNagAt: null,
        reached: [],
        claims: 0,
      },
      snooze: null,
      trail: [],
      updatedAt: RAISED,
      version: 1,
    });
  }
  return { asks, followUps };
}

async function seedMongo(uri: string, size: number): Promise<void> {
  const client = await MongoClient.connect(uri);
  const db = client.db();
  for (let from = 0; from < size; from += BATCH) {
    const { asks, followUps } = documents(from, Math.min(size, from + BATCH));
    await db.collection<AskDocument>('asks').insertMany(asks, { ordered: false });
    await db.collection<FollowUpDocument>('followUps').insertMany(followUps, { ordered: false });
  }
  await client.close();
}

async function seedEmbedded(dataDir: string, size: number): Promise<void> {
  const writer = await openBulkWriter(dataDir);
  try {
    for (let from = 0; from < size; from += BATCH) {
      const docs = documents(from, Math.min(size, from + BATCH));
      writer.insert('asks', docs.asks);
      writer.insert('followUps', docs.followUps);
    }
  } finally {
    writer.close();
  }
}

/** Median time of a sweep that reminds about the 100 due asks (each run 2 business hours after the last). */
async function measure(location: StoreLocation): Promise<number> {
  const store = await openStore(location);
  try {
    await store.partnerships.insert(partnership);
    let sent = 0;
    const deps = {
      ...store,
      timeZoneOf: async () => 'Europe/Berlin',
      sender: {
        async send(_to: unknown, items: unknown[]) {
          sent += items.length;
        },
      },
    };
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const now = new Date(Date.UTC(2026, 10, 23, 9 + 2 * run, 5 + run));
      const began = performance.now();
      const report = await sweep(deps, now);
      times.push(performance.now() - began);
      if (report.claimed !== DUE) throw new Error(`run ${run}: claimed ${report.claimed}, expected ${DUE}`);
    }
    if (sent !== DUE * RUNS) throw new Error(`sent ${sent} reminders, expected ${DUE * RUNS}`);
    return [...times].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
  } finally {
    await store.close();
  }
}

const mongoServer =
  STORES.includes('mongo') && !process.env.BENCH_MONGODB_URI ? await startMongoJavaServer() : null;
try {
  for (const kind of STORES) {
    const label = kind === 'mongo' ? (mongoServer ? 'mongo-java-server' : 'MongoDB') : 'embedded (SQLite)';
    const results: [number, number][] = [];
    for (const size of SIZES) {
      const began = performance.now();
      let location: StoreLocation;
      if (kind === 'mongo') {
        const base = process.env.BENCH_MONGODB_URI ?? (mongoServer?.uri as string);
        const uri = base.replace(
          /^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?([^?]*)/,
          `$1/rapport_bench_${size}_${Date.now()}`,
        );
        await seedMongo(uri, size);
        location = { mongodbUri: uri };
      } else {
        const dataDir = tempDataDir();
        await seedEmbedded(dataDir, size);
        location = { dataDir };
      }
      const seeded = performance.now() - began;
      const ms = await measure(location);
      results.push([size, ms]);
      console.log(
        `${label.padEnd(18)} ${String(size).padStart(9)} asks: sweep of ${DUE} due ${ms.toFixed(1)} ms (median of ${RUNS}; seeding took ${(seeded / 1000).toFixed(1)} s)`,
      );
    }
    const first = results[0];
    const last = results.at(-1);
    if (first && last && results.length > 1) {
      console.log(
        `${label.padEnd(18)} ratio ${last[0]} / ${first[0]} asks: ${(last[1] / first[1]).toFixed(2)}x`,
      );
    }
  }
} finally {
  await mongoServer?.stop();
}
