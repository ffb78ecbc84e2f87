import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ASK_ACTIONS, ASK_BLOCKS } from '../../../src/slack/asks/ids.js';
import { INPUT } from '../../../src/slack/shared/ids.js';
import {
  acmeForEachTest,
  buttonValue,
  openModalByCommand,
  raiseHelpRequest,
  replyThrough,
} from '../../support/flows.js';
import { channels, type Harness, people } from '../../support/rapport-harness.js';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.js';
import { waitFor } from '../../support/wait-for.js';
import { mongoTarget, mongoThroughProxy } from './mongo-through-proxy.js';

/** Slack gives up at 3 s; Rapport promises 2.5 s, whatever the store does. */
const ANSWER_WITHIN_MS = 2_500;

/** Real time taken by `work`. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

/**
 * A network black hole between Rapport and MongoDB: the proxy holds every connection open and forwards
 * nothing, so no error ever comes back; only Rapport's own deadlines end the waits. When it forwards
 * again, what it held reaches the server, as TCP would deliver it once the network heals. MongoDB only:
 * the embedded store lives in the process and its files, and cannot go silent this way.
 */
describe.skipIf(mongoTarget === null)('the MongoDB server stops answering while Rapport runs', () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxy = await startTcpProxy(mongoTarget as { host: string; port: number });
  });
  afterAll(() => proxy.close());

  let h: Harness;
  acmeForEachTest(
    mongoThroughProxy(() => proxy, 'silent'),
    '2026-11-23T08:00:00Z',
    (started) => {
      h = started;
    },
  );
  afterEach(() => proxy.restore()); // runs before the harness stops (after hooks run in reverse)

  const status = async (path: string) => (await fetch(`http://127.0.0.1:${h.rapport.port}${path}`)).status;
  const cardOf = (ref: string) => {
    const card = h.fake.messagesIn(channels.shared).find((m) => m.text.startsWith(`${ref} `));
    if (!card) throw new Error(`no card for ${ref}`);
    return card;
  };

  it('answers a command, a click and a form within 2.5 s, fails /readyz within 5 s, and writes nothing twice', async () => {
    await raiseHelpRequest(h, people.alice, 'Checkout is down', 'urgent');
    const card = cardOf('ACME-1');
    const ownerBefore = (await h.rapport.store.asks.findByRef('ACME-1'))[0]?.ownerId;
    const form = await openModalByCommand(h, people.alice, 'ask Export to CSV times out');
    const values = { [ASK_BLOCKS.urgency]: { [INPUT]: 'normal' } };

    proxy.silence();
    const job = timed(() => h.rapport.runJob('reminders'));
    const [ready, command, click, submission] = await Promise.all([
      timed(() => status('/readyz')),
      timed(async () => {
        const { responseUrl } = await h.driver.command({
          user: people.alice,
          channelId: channels.shared,
          text: 'ask Another one',
        });
        return replyThrough(h, responseUrl);
      }),
      timed(async () => {
        const { responseUrl } = await h.driver.blockAction({
          user: people.bob,
          channelId: channels.shared,
          message: card,
          actions: [{ action_id: ASK_ACTIONS.take, value: buttonValue(card, ASK_ACTIONS.take) }],
        });
        return replyThrough(h, responseUrl);
      }),
      timed(() => h.driver.viewSubmission({ user: people.alice, view: form, values })),
    ]);
    expect(ready.value).toBe(503);
    expect(ready.ms).toBeLessThan(5_000);
    for (const answered of [command, click, submission]) expect(answered.ms).toBeLessThan(ANSWER_WITHIN_MS);
    for (const reply of [command.value, click.value]) {
      expect(reply.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(reply.args.text).toMatch(/try again.*\(reference E-[0-9A-F]{6}\)/i);
    }
    expect(submission.value.status).toBe(200);
    expect(submission.value.body).toMatchObject({ response_action: 'errors' });
    const [message = ''] = Object.values(
      (submission.value.body as { errors: Record<string, string> }).errors,
    );
    expect(message).toMatch(/^Couldn’t save right now \(reference E-[0-9A-F]{6}\)\. Your input is kept/);
    expect(h.fake.stackOf(form.id)).toBeDefined(); // the modal stays open, with what was typed
    for (const text of [command.value.args.text, click.value.args.text, message]) {
      const ref = /\(reference (E-[0-9A-F]{6})\)/.exec(String(text))?.[1] as string;
      expect(h.logs.some((line) => line.includes(ref) && line.includes('"code":"store_deadline"'))).toBe(
        true,
      );
    }

    // No request is left waiting on the silent store: all listener work ends (the drain would give up
    // after 10 s), and a scheduled job fails once the driver gives up, instead of hanging.
    const settled = await timed(() => h.rapport.settled());
    const jobRun = await job;
    console.info(
      `silent store: command ${command.ms} ms, click ${click.ms} ms, form ${submission.ms} ms, ` +
        `/readyz ${ready.ms} ms; work settled ${settled.ms} ms later, job failed after ${jobRun.ms} ms`,
    );
    expect(settled.ms).toBeLessThan(3_000);
    expect(jobRun.ms).toBeLessThan(10_000);
    expect(h.logs.filter((line) => line.includes('"scheduled job failed"'))).toHaveLength(1);

    proxy.restore(); // what was held reaches the server now
    await waitFor('/readyz to answer 200 again', async () => (await status('/readyz')) === 200);
    const retried = await h.driver.viewSubmission({ user: people.alice, view: form, values });
    expect(retried.body).toBe('');
    await h.fake.waitForCall('chat.postEphemeral', (c) => /this is now \*ACME-2\*/.test(String(c.args.text)));
    await h.rapport.settled();
    const raised = await h.rapport.store.asks.listRaisedBy(people.alice.id, 10);
    expect(raised.map((ask) => ask.content.title).sort()).toEqual([
      'Checkout is down',
      'Export to CSV times out',
    ]);
    const [first] = await h.rapport.store.asks.findByRef('ACME-1'); // the click changed nothing
    expect(first?.ownerId).toBe(ownerBefore);
  });
});
