import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RawDocument, readCollection } from '../../../bench/support/store-reader.js';
import { generateYear, YEAR_DEFAULTS, type YearCounts } from '../../../bench/support/year/generate-year.js';
import type { Ask } from '../../../src/domain/asks/ask.js';
import { isClosed, nextStatuses } from '../../../src/domain/asks/lifecycle.js';
import { CLOSED_MESSAGES_KEPT_DAYS } from '../../../src/jobs/purge-closed-messages.js';
import { openStore } from '../../../src/store/open-store.js';
import { tempDataDir } from '../../support/stores.js';

const DAY = 86_400_000;
const end = new Date('2026-11-24T09:00:00Z');
const options = { ...YEAR_DEFAULTS, partnerships: 3, days: 120, end };

async function generated(): Promise<{ dataDir: string; counts: YearCounts }> {
  const dataDir = tempDataDir();
  const store = await openStore({ dataDir });
  const counts = await generateYear(store, options);
  await store.close();
  return { dataDir, counts };
}

const everything = (dataDir: string, collection: string) => readCollection({ dataDir }, collection, []);
const dated = (doc: RawDocument, field: string) => doc[field] as Date;

describe('a generated year', () => {
  let dataDir: string;
  let counts: YearCounts;
  const docs: Record<string, RawDocument[]> = {};

  beforeAll(async () => {
    ({ dataDir, counts } = await generated());
    for (const name of ['asks', 'followUps', 'trackedMessages', 'digests', 'approvals', 'stakeholders']) {
      docs[name] = await everything(dataDir, name);
    }
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stores what it counts, and something of every kind', () => {
    expect(docs.asks).toHaveLength(counts.asks);
    expect(docs.followUps).toHaveLength(counts.followUps);
    expect(docs.trackedMessages).toHaveLength(counts.trackedMessages);
    expect(docs.digests).toHaveLength(counts.digests);
    expect(docs.approvals).toHaveLength(counts.approvals);
    expect(docs.stakeholders).toHaveLength(counts.stakeholders);
    for (const [kind, n] of Object.entries(counts))
      if (!['reminders', 'pendingApprovals'].includes(kind)) expect(n, kind).toBeGreaterThan(0);
  });

  it('moves every ask only along its lifecycle, numbered without gaps, its effects all carried out', () => {
    const byPartnership = new Map<string, number[]>();
    for (const doc of docs.asks ?? []) {
      const ask = doc as unknown as Ask & { effects: { owedAt: Date | null } };
      const [created, ...moves] = ask.history;
      expect(created?.action).toBe('created');
      let status = created?.to as Ask['status'];
      for (const move of moves) {
        expect(nextStatuses(ask.kind, status)).toContain(move.to);
        status = move.to as Ask['status'];
      }
      expect(ask.status).toBe(status);
      expect(ask.version).toBe(ask.history.length);
      expect(ask.effects.owedAt).toBeNull();
      expect(ask.updatedAt.getTime()).toBeLessThanOrEqual(end.getTime());
      byPartnership.set(ask.partnershipId, [...(byPartnership.get(ask.partnershipId) ?? []), ask.number]);
    }
    for (const numbers of byPartnership.values()) {
      expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, k) => k + 1));
    }
  });

  it('keeps a follow-up for every ask and watched message, closed once its subject is', () => {
    const followUps = new Map((docs.followUps ?? []).map((f) => [f._id, f]));
    for (const doc of docs.asks ?? []) {
      const ask = doc as unknown as Ask;
      const followUp = followUps.get(`ask:${ask.id}`);
      if (followUp === undefined) continue; // an enhancement acknowledged at once owed nothing
      expect(followUp.closed, ask.id).toBe(isClosed(ask.kind, ask.status));
    }
    const messageFollowUps = [...followUps.values()].filter(
      (f) => (f.subject as { type: string }).type === 'message',
    );
    expect(messageFollowUps).toHaveLength(counts.messages);
    for (const message of docs.trackedMessages ?? []) {
      expect(followUps.get(`message:${message._id}`)?.closed).toBe(message.closed !== null);
    }
  });

  it('keeps only the answered messages the retention job would keep', () => {
    const keptFrom = end.getTime() - CLOSED_MESSAGES_KEPT_DAYS * DAY;
    for (const message of docs.trackedMessages ?? []) {
      const closed = message.closed as { at: Date } | null;
      if (closed) expect(closed.at.getTime()).toBeGreaterThan(keptFrom);
    }
  });

  it('posts one digest a week per partnership, none after the end', () => {
    const slots = (docs.digests ?? []).map((d) => dated(d, 'slot').getTime());
    expect(new Set((docs.digests ?? []).map((d) => d._id)).size).toBe(slots.length);
    for (const d of docs.digests ?? []) {
      expect(d.state).toBe('posted');
      expect(dated(d, 'slot').getTime()).toBeLessThanOrEqual(end.getTime());
      expect(dated(d, 'slot').getUTCDay()).toBe(1);
    }
  });

  it('settles approvals by the rules: settled ones have no next check, pending ones have one', () => {
    for (const a of docs.approvals ?? []) {
      const settled = a.state !== 'pending';
      expect(a.settledAt === null).toBe(!settled);
      expect(a.checkAt === null).toBe(settled);
    }
  });

  it('is the same year for the same options', async () => {
    const again = await generated();
    try {
      expect(again.counts).toEqual(counts);
      const ids = (rows: RawDocument[]) => rows.map((r) => `${r._id}@${String(r.version)}`).sort();
      expect(ids(await everything(again.dataDir, 'asks'))).toEqual(ids(docs.asks ?? []));
    } finally {
      rmSync(again.dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
