import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ask } from '../../../src/domain/asks/ask.js';
import { createEffectRunner, type EffectSubject } from '../../../src/effects/effect-runner.js';
import { createLogger } from '../../../src/logger.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { anAsk } from '../../support/ask-fixture.js';
import { tempDataDir } from '../../support/stores.js';
import { TestClock } from '../../support/test-clock.js';

const T0 = '2026-03-02T10:00:00Z';
type Workspace = { key: string; store: Store };

/**
 * The runner against the embedded store, with a subject whose presenting the test controls: what each
 * pass showed, a change stored while a pass is under way, a Slack that fails, a second runner.
 */
describe('effect runner', () => {
  let store: Store;
  let workspace: Workspace;
  let clock: TestClock;
  let shown: number[];
  let present: (ask: Ask) => Promise<void>;
  const logs: string[] = [];

  const subject: EffectSubject<Workspace, Ask> = {
    type: 'ask',
    store: (w) => w.store.askEffects,
    load: (w, id) => w.store.asks.findById(id),
    history: (ask) => ({ entries: ask.history, notes: ask.internalNotes }),
    present: (ask) => present(ask),
  };
  const newRunner = () =>
    createEffectRunner([subject], { clock, logger: createLogger('debug', (l) => logs.push(l)) });
  const change = async (ask: Ask, version: number) =>
    store.asks.replace({ ...ask, status: 'acknowledged', updatedAt: clock.now(), version }, version - 1);

  beforeEach(async () => {
    store = await openStore({ dataDir: tempDataDir() });
    workspace = { key: 'T1', store };
    clock = new TestClock(T0);
    shown = [];
    present = async (ask) => {
      shown.push(ask.version);
    };
  });
  afterEach(async () => {
    await store.close();
  });

  it('goes again when a change is stored while a pass is under way, and settles only the last version', async () => {
    const ask = anAsk({ createdAt: clock.now(), updatedAt: clock.now() });
    await store.asks.insert(ask);
    present = async (current) => {
      shown.push(current.version);
      if (current.version === 1) await change(ask, 2);
    };
    const runner = newRunner();
    runner.consequencesIn(workspace).owe('ask', ask.id);
    await runner.drain();
    expect(shown).toEqual([1, 2]);
    expect(await store.askEffects.listOwed(clock.now(), clock.now(), 10)).toEqual([]);
  });

  it('leaves a record another runner holds to that runner, which carries out the later change too', async () => {
    const ask = anAsk({ createdAt: clock.now(), updatedAt: clock.now() });
    await store.asks.insert(ask);
    let release: () => void = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    let presenting: () => void = () => {};
    const firstPresenting = new Promise<void>((resolve) => {
      presenting = resolve;
    });
    present = async (current) => {
      shown.push(current.version);
      if (current.version === 1) {
        presenting();
        await blocked;
      }
    };
    const first = newRunner();
    const second = newRunner();
    first.consequencesIn(workspace).owe('ask', ask.id);
    await firstPresenting;
    await change(ask, 2);
    second.consequencesIn(workspace).owe('ask', ask.id);
    await second.drain();
    expect(shown).toEqual([1]);
    release();
    await first.drain();
    expect(shown).toEqual([1, 2]);
  });

  it('keeps a failed pass owed, retried by the reconciler after 1 then 2 minutes, never before', async () => {
    const ask = anAsk({ createdAt: clock.now(), updatedAt: clock.now() });
    await store.asks.insert(ask);
    present = async () => {
      throw new Error('Slack is down');
    };
    const runner = newRunner();
    runner.consequencesIn(workspace).owe('ask', ask.id);
    await runner.drain();
    clock.advance(0.5);
    expect(await runner.reconcile(workspace, clock.now(), 10)).toBe(0);
    clock.advance(0.5);
    expect(await runner.reconcile(workspace, clock.now(), 10)).toBe(1);
    clock.advance(1.5);
    expect(await runner.reconcile(workspace, clock.now(), 10)).toBe(0);
    present = async (current) => {
      shown.push(current.version);
    };
    clock.advance(0.5);
    expect(await runner.reconcile(workspace, clock.now(), 10)).toBe(1);
    expect(shown).toEqual([1]);
    expect(await runner.reconcile(workspace, clock.now(), 10)).toBe(0);
    expect(logs.filter((l) => l.includes('effects not carried out yet'))).toHaveLength(2);
  });

  it('leaves a change younger than 30 seconds to the runner of the request that stored it', async () => {
    const ask = anAsk({ createdAt: clock.now(), updatedAt: clock.now() });
    await store.asks.insert(ask);
    const runner = newRunner();
    expect(await runner.reconcile(workspace, clock.now(), 10)).toBe(0);
    clock.advance(0.5);
    expect(await runner.reconcile(workspace, clock.now(), 10)).toBe(1);
    expect(shown).toEqual([1]);
  });

  it('runs a pass a request starts detached from it, as the wiring says (the request’s store budget)', async () => {
    const ask = anAsk({ createdAt: clock.now(), updatedAt: clock.now() });
    await store.asks.insert(ask);
    const scope = new AsyncLocalStorage<string>();
    const seenIn: (string | undefined)[] = [];
    present = async () => {
      seenIn.push(scope.getStore());
    };
    const runner = createEffectRunner([subject], {
      clock,
      logger: createLogger('debug', (l) => logs.push(l)),
      detached: (work) => scope.run('background', work),
    });
    scope.run('request', () => runner.consequencesIn(workspace).owe('ask', ask.id));
    await runner.drain();
    expect(seenIn).toEqual(['background']);
  });
});
