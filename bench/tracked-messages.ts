/**
 * Tracked customer messages in one busy channel on the embedded store: how listing the open ones,
 * watching a new one and closing it, and reading the digest's window grow with the messages ever
 * tracked there. The baseline is the same channel at 1,000 messages, in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrackedMessage } from '../src/domain/conversations/tracked-message.js';
import { openStore } from '../src/store/open-store.js';

const SIZES = (process.env.SIZES ?? '1000,10000,40000').split(',').map(Number);
/** One message in this many stays open (unanswered); the others are answered at once. */
const OPEN_EVERY = 50;
const base = Date.parse('2026-01-01T00:00:00Z');

const message = (i: number): TrackedMessage => ({
  id: `m${i}`,
  partnershipId: 'P1',
  channelId: 'C1',
  ts: `${1_700_000_000 + i}.000100`,
  author: { userId: 'UCUST', teamId: 'TC', side: 'customer' },
  preview: 'Any news?',
  postedAt: new Date(base + i * 1000),
  ownerId: 'UOWNER',
  closed: null,
});
const answered = (at: number): NonNullable<TrackedMessage['closed']> => ({
  at: new Date(at),
  by: 'UVENDOR',
  reason: 'reply',
});

const dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-tracked-'));
const store = await openStore({ dataDir });
const repo = store.trackedMessages;
const time = async (runs: number, work: (k: number) => Promise<unknown>) => {
  const start = performance.now();
  for (let k = 0; k < runs; k++) await work(k);
  return (performance.now() - start) / runs;
};

console.log(`embedded store (SQLite), one channel; 1 in ${OPEN_EVERY} messages left unanswered`);
const rows: { size: number; list: number; watch: number; window: number }[] = [];
let stored = 0;
try {
  for (const size of SIZES) {
    for (; stored < size; stored++) {
      await repo.insert(message(stored));
      if (stored % OPEN_EVERY !== 0) await repo.close(`m${stored}`, answered(base + stored * 1000 + 500));
    }
    const now = new Date(base + size * 1000);
    const list = await time(50, () => repo.listOpenInChannel('C1', now));
    const watch = await time(20, async (k) => {
      const extra = message(10_000_000 + size + k);
      await repo.insert(extra);
      await repo.close(extra.id, answered(base));
    });
    const window = await time(5, () => repo.listActive('C1', new Date(now.getTime() - 7 * 86_400_000)));
    rows.push({ size, list, watch, window });
    console.log(
      `${String(size).padStart(6)} tracked: list open ${list.toFixed(2)} ms · watch + answer one ${watch.toFixed(2)} ms · digest window ${window.toFixed(1)} ms`,
    );
  }
  const [first, last] = [rows[0], rows.at(-1)];
  if (first && last && last !== first) {
    const r = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
    console.log(
      `ratio ${last.size}/${first.size} tracked (${r(last.size, first.size)} the messages): list open ${r(last.list, first.list)}, watch + answer ${r(last.watch, first.watch)}, digest window ${r(last.window, first.window)}`,
    );
  }
} finally {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
