import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../../src/playground/slack-simulator/index.js';
import { ASK_BLOCKS } from '../../../src/slack/asks/ids.js';
import { INPUT } from '../../../src/slack/shared/ids.js';
import { acmeForEachTest, commandReply, openModalByCommand, raiseHelpRequest } from '../../support/flows.js';
import { aPartnership } from '../../support/partnership-fixture.js';
import { channels, type Harness, people } from '../../support/rapport-harness.js';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.js';
import type { TestClock } from '../../support/test-clock.js';
import { waitFor } from '../../support/wait-for.js';
import { mongoTarget, mongoThroughProxy } from './mongo-through-proxy.js';

/**
 * The outage is a TCP proxy between Rapport and the MongoDB server that resets every connection and
 * refuses new ones (as when the server process stops), then forwards again. The server itself keeps
 * running: the in-memory test server would lose its data on a real restart.
 */
describe.skipIf(mongoTarget === null)('the MongoDB server goes away while Rapport runs', () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxy = await startTcpProxy(mongoTarget as { host: string; port: number });
  });
  afterAll(() => proxy.close());

  const throughProxy = mongoThroughProxy(() => proxy, 'outage');
  let h: Harness;
  let clock: TestClock;
  acmeForEachTest(throughProxy, '2026-11-23T08:00:00Z', (started, startedClock) => {
    h = started;
    clock = startedClock;
  });
  afterEach(() => proxy.restore()); // runs before the harness stops (after hooks run in reverse)

  const status = async (path: string) => (await fetch(`http://127.0.0.1:${h.rapport.port}${path}`)).status;
  const refOf = (text: string) => /\(reference (E-[0-9A-F]{6})\)/.exec(text)?.[1];

  it('tells users to try again within Slack’s 3 s (a form keeps its input), fails /readyz, and recovers by itself', async () => {
    await raiseHelpRequest(h, people.alice, 'Checkout is down', 'urgent');
    await raiseHelpRequest(h, people.alice, 'Login fails for everyone', 'high');
    const form = await openModalByCommand(h, people.alice, 'ask Export to CSV times out');
    const values = { [ASK_BLOCKS.urgency]: { [INPUT]: 'normal' } };

    proxy.cut();
    clock.set('2026-11-23T09:05:00Z'); // both asks are overdue
    const [ready, healthy, reply] = await Promise.all([
      status('/readyz'),
      status('/healthz'),
      commandReply(h, people.alice, 'ask Another one'),
      // Scheduled jobs fail, are logged, and leave the process running.
      h.rapport.runJob('reminders'),
      h.rapport.runJob('digests'),
    ]);
    expect(ready).toBe(503);
    expect(healthy).toBe(200);
    expect(h.logs.filter((line) => line.includes('"scheduled job failed"'))).toHaveLength(2);
    expect(reply.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply.args.text).toMatch(/try again/i);
    expect(h.logs.some((line) => line.includes(refOf(reply.args.text) as string))).toBe(true);

    // The worst case: once the driver has noticed (at its next heartbeat), every call waits out the
    // server selection timeout before it fails.
    await waitFor('the driver to notice the server is gone', async () => {
      const pinged = Date.now();
      await h.rapport.store.ping().catch(() => {});
      return Date.now() - pinged >= 1_000;
    });
    const started = Date.now();
    const refused = await h.driver.viewSubmission({ user: people.alice, view: form, values });
    // Bolt answers 404 by itself at 3001 ms: an errors ack means Rapport answered in time.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ response_action: 'errors' });
    const [message = ''] = Object.values((refused.body as { errors: Record<string, string> }).errors);
    expect(message).toMatch(
      /^Couldn’t save right now \(reference E-[0-9A-F]{6}\)\. Your input is kept: try again\.$/,
    );
    expect(h.fake.stackOf(form.id)).toBeDefined(); // the modal stays open, with what was typed
    expect(h.logs.some((line) => line.includes(refOf(message) as string))).toBe(true);
    expect(h.fake.dmsTo(people.alice.id)).toEqual([]); // no reminder went out without being recorded

    proxy.restore();
    await waitFor('/readyz to answer 200 again', async () => (await status('/readyz')) === 200);

    const accepted = await h.driver.viewSubmission({ user: people.alice, view: form, values });
    expect(accepted.body).toBe('');
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('*ACME-3*'));
    await h.rapport.settled();
    const asks = await h.rapport.store.asks.findByRef('ACME-3');
    expect(asks.map((a) => a.content.title)).toEqual(['Export to CSV times out']);
    for (const [ref, title] of [
      ['ACME-1', 'Checkout is down'],
      ['ACME-2', 'Login fails for everyone'],
    ]) {
      const [ask] = await h.rapport.store.asks.findByRef(ref as string);
      expect(ask?.content.title).toBe(title);
      expect(await h.rapport.store.followUps.findById(`ask:${ask?.id}`)).not.toBeNull();
    }
    clock.set('2026-11-23T09:06:00Z'); // and the jobs work again: the owner is reminded, once
    await h.rapport.runJob('reminders');
    await h.rapport.runJob('reminders');
    expect(h.fake.dmsTo(people.alice.id)).toHaveLength(1);
    const cards = h.fake.messagesIn(channels.shared).map((m: StoredMessage) => m.text.split(' ')[0]);
    expect(cards.filter((ref) => /^ACME-\d+$/.test(ref ?? ''))).toEqual(['ACME-1', 'ACME-2', 'ACME-3']);
  });

  it('loses no acknowledged write when the connection is cut in the middle of a stream of writes', async () => {
    const store = h.rapport.store;
    const acknowledged: string[] = [];
    const failed: string[] = [];
    let n = 0;
    const writer = async () => {
      for (;;) {
        const id = `w-${n++}`;
        try {
          await store.partnerships.insert(aPartnership({ id, channelId: `CW${id}` }));
          acknowledged.push(id);
        } catch {
          failed.push(id);
          return;
        }
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    await waitFor('100 acknowledged writes', () => acknowledged.length >= 100);
    proxy.cut(); // writes are in flight on every connection
    await Promise.all(writers);
    expect(failed).toHaveLength(4);
    proxy.restore();
    await waitFor('the store to answer again', () =>
      store.ping().then(
        () => true,
        () => false,
      ),
    );

    const missing: string[] = [];
    for (const id of acknowledged) if (!(await store.partnerships.findById(id))) missing.push(id);
    expect(missing).toEqual([]);
  });
});
