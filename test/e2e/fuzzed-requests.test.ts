/**
 * Correctly signed but malformed or mutated requests, as an unexpected sender (or an old message's button
 * after an upgrade) would send them, against the real app over HTTP. For every case: never a 5xx, an answer
 * within Slack's 3 s, no unhandled rejection, no error line in the app's log, nothing written to the store.
 * Real time is used only to measure answers. The store kind does not matter for reading requests, so this
 * runs on the embedded store only (which also keeps interactions' replay claims in memory; on MongoDB each
 * accepted interaction's trigger_id is claimed in the store).
 */
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpAcme } from '../support/flows.js';
import { fuzzedRequests } from '../support/fuzzed-payloads.js';
import { type Harness, startHarness } from '../support/rapport-harness.js';
import { storeSnapshot } from '../support/store-snapshot.js';
import { tempDataDir } from '../support/stores.js';

/** Fixed, so a failure replays exactly; CI runs the same cases every time. */
fc.configureGlobal({ seed: 19_019, endOnFailure: true });

const SLACK_GIVES_UP_MS = 3_000;

describe('fuzzed requests (embedded store)', () => {
  const location = { dataDir: tempDataDir() };
  let h: Harness;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  let sent = 0;
  let worstMs = 0;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    process.on('unhandledRejection', onRejection);
    h = await startHarness(location);
    await setUpAcme(h);
    await h.rapport.settled();
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    console.log(
      `fuzzed ${sent} requests; worst answer ${worstMs.toFixed(0)} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    await h?.stop();
  });

  const families = () => fuzzedRequests(h.fake);
  it.each(['commands', 'buttons', 'submissions', 'missingFields', 'events', 'bodies'] as const)(
    '%s: never a 5xx, answered within 3 s, nothing written, no error logged',
    async (family) => {
      const before = await storeSnapshot(location);
      const logsBefore = h.logs.length;
      await fc.assert(
        fc.asyncProperty(families()[family], async (request) => {
          const started = performance.now();
          const { status } = await h.driver.sendRaw(request);
          const ms = performance.now() - started;
          sent += 1;
          worstMs = Math.max(worstMs, ms);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          expect(status).toBeLessThan(500);
          expect(ms).toBeLessThan(SLACK_GIVES_UP_MS);
        }),
        { numRuns: RUNS[family] },
      );
      await h.rapport.settled();
      const errors = h.logs.slice(logsBefore).filter((line) => JSON.parse(line).level === 'error');
      expect(errors).toEqual([]);
      expect(rejections).toEqual([]);
      expect(await storeSnapshot(location)).toEqual(before);
      expect(h.fake.violations).toEqual([]);
    },
    40_000,
  );
});

/** Cases per family: 1,000 requests, a few seconds on a 2-core machine. */
const RUNS = { commands: 150, buttons: 250, submissions: 200, missingFields: 200, events: 120, bodies: 80 };
