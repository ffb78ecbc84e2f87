import { afterEach, describe, expect, it } from 'vitest';
import { ASK_BLOCKS } from '../../src/slack/asks/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { WEBHOOK_ACTIONS } from '../../src/slack/webhooks/ids.js';
import type { WebhookSettings } from '../../src/webhook-settings.js';
import {
  commandReply,
  modalOpenedAfter,
  openModalByCommand,
  raiseHelpRequest,
  setUpAcme,
} from '../support/flows.js';
import { type Harness, people, startHarness } from '../support/rapport-harness.js';
import { type StoreKind, storeKinds } from '../support/stores.js';
import { TestClock } from '../support/test-clock.js';
import {
  addEndpoint,
  clickInList,
  listButtons,
  submitEndpoint,
  updateAsk,
  webhookList,
  webhookSettings,
} from '../support/webhook-flows.js';
import { type ReceivedWebhook, verifySignature, WebhookReceiver } from '../support/webhook-receiver.js';

describe.each(storeKinds())('delivering webhooks ($name store)', (kind: StoreKind) => {
  let h: Harness | null = null;
  let receiver: WebhookReceiver | null = null;
  let clock: TestClock;

  async function start(
    context: { skip(): void },
    settings: (receiverUrl: string) => Partial<WebhookSettings> = () => ({}),
  ) {
    if (!kind.available) context.skip();
    clock = new TestClock('2026-11-24T09:00:00Z');
    receiver = await WebhookReceiver.start();
    h = await startHarness(kind.freshLocation(), {
      clock,
      webhooks: webhookSettings(settings(receiver.url)),
    });
    await setUpAcme(h);
    return { h, receiver };
  }
  afterEach(async () => {
    if (h) {
      expect(h.fake.violations).toEqual([]);
      await h.stop();
    }
    await receiver?.stop();
    h = null;
    receiver = null;
  });

  const deliveriesOf = async (h: Harness, endpointId: string) =>
    (await h.rapport.store.webhookDeliveries.listRecent(endpointId, 50)).reverse();

  /** Another ask raised by Alice (no update flow needed: each raise is an event of its own ask). */
  const raise = (h: Harness, title: string) => raiseHelpRequest(h, people.alice, title, 'normal');

  it('retries a failing receiver with backoff (30 s, then doubling), the same message each time', async (context) => {
    const { h, receiver } = await start(context);
    const { id } = await addEndpoint(h, `${receiver.url}/hooks`);
    let failing = true;
    receiver.answer(() => (failing ? 500 : 204));

    await raise(h, 'Invoices show the wrong currency');
    let [first] = await deliveriesOf(h, id);
    expect(first).toMatchObject({ type: 'ask.raised', status: 'pending', attempts: 1, lastStatus: 500 });
    expect(first?.nextAttemptAt).toEqual(new Date(clock.now().getTime() + 30_000));

    // Not yet due: nothing is sent.
    await h.rapport.runJob('webhooks');
    expect(receiver.at('/hooks')).toHaveLength(1);
    clock.advance(1);
    await h.rapport.runJob('webhooks');
    [first] = await deliveriesOf(h, id);
    expect(first).toMatchObject({ attempts: 2 });
    expect(first?.nextAttemptAt).toEqual(new Date(clock.now().getTime() + 60_000));

    failing = false;
    clock.advance(1);
    await h.rapport.runJob('webhooks');
    expect(receiver.at('/hooks').map((w) => [w.json.type, w.answered])).toEqual([
      ['ask.raised', 500],
      ['ask.raised', 500],
      ['ask.raised', 204],
    ]);
    expect(new Set(receiver.at('/hooks').map((w) => w.id)).size).toBe(1);
    expect((await deliveriesOf(h, id)).map((d) => d.status)).toEqual(['delivered']);
  });

  it('keeps one ask’s events in order behind its failing one, while another ask’s go through', async (context) => {
    const { h, receiver } = await start(context);
    const { id } = await addEndpoint(h, `${receiver.url}/hooks`);
    await raise(h, 'First ask');
    let acmeOneFails = true;
    const refOf = (w: ReceivedWebhook) => (w.json.data.ask as { ref: string }).ref;
    receiver.answer((w) => (acmeOneFails && refOf(w) === 'ACME-1' ? 503 : 204));
    await updateAsk(h, 'ACME-1', 'in_progress');
    await updateAsk(h, 'ACME-1', 'resolved');
    await raise(h, 'Second ask');
    const seen = () =>
      receiver.at('/hooks').map((w) => [refOf(w), w.json.type, w.json.data.statusAfter ?? null, w.answered]);
    expect(seen()).toEqual([
      ['ACME-1', 'ask.raised', null, 204],
      ['ACME-1', 'ask.changed', 'in_progress', 503],
      ['ACME-2', 'ask.raised', null, 204],
    ]);

    acmeOneFails = false;
    clock.advance(1);
    await h.rapport.runJob('webhooks');
    expect(seen().slice(3)).toEqual([
      ['ACME-1', 'ask.changed', 'in_progress', 204],
      ['ACME-1', 'ask.changed', 'resolved', 204],
    ]);
    expect((await deliveriesOf(h, id)).every((d) => d.status === 'delivered')).toBe(true);
  });

  it('gives a delivery up after 24 hours of failures, and records it in the log', async (context) => {
    const { h, receiver } = await start(context);
    const { id } = await addEndpoint(h, `${receiver.url}/hooks`);
    receiver.answer(() => 500);
    await raise(h, 'Never acknowledged');
    for (let hour = 0; hour < 26; hour += 2) {
      clock.advance(120);
      await h.rapport.runJob('webhooks');
    }
    const [delivery] = await deliveriesOf(h, id);
    expect(delivery).toMatchObject({ status: 'given_up', lastStatus: 500 });
    const attempts = receiver.at('/hooks').length;
    expect(delivery?.attempts).toBe(attempts);
    // Backoff: 30 s doubling to 2 h apart, so about a dozen attempts in 24 h rather than one a minute.
    expect(attempts).toBeGreaterThan(8);
    expect(attempts).toBeLessThan(20);
    clock.advance(240);
    await h.rapport.runJob('webhooks');
    expect(receiver.at('/hooks')).toHaveLength(attempts);
  });

  it('disables an endpoint that answers 410 Gone and tells the admin who added it, privately', async (context) => {
    const { h, receiver } = await start(context);
    const { id } = await addEndpoint(h, `${receiver.url}/gone`);
    receiver.answer(() => 410);
    await raise(h, 'Anything');
    const endpoint = await h.rapport.store.webhookEndpoints.findById(id);
    expect(endpoint?.disabledAt).toEqual(clock.now());
    const dm = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === people.alice.id);
    expect(dm).toHaveLength(1);
    expect(String(dm[0]?.args.text)).toContain('answered 410 Gone');

    await raise(h, 'Later');
    clock.advance(60);
    await h.rapport.runJob('webhooks');
    expect(receiver.at('/gone')).toHaveLength(1);
    const list = await webhookList(h);
    expect(JSON.stringify(list.args.blocks)).toContain('*disabled* (410 Gone');

    // Resend is refused while disabled, and says why; saving the endpoint again enables it.
    let before = h.fake.callsTo('views.open').length;
    await clickInList(h, list, WEBHOOK_ACTIONS.log, id);
    const log = await modalOpenedAfter(h, before);
    const resendValue = (log.blocks as { accessory?: { value?: string } }[]).find((b) => b.accessory)
      ?.accessory?.value;
    await h.driver.blockAction({
      user: people.alice,
      view: log,
      actions: [{ action_id: WEBHOOK_ACTIONS.resend, value: String(resendValue) }],
    });
    await h.rapport.settled();
    const refused = await h.fake.waitForCall('views.update', (c) => c.args.view_id === log.id);
    expect(JSON.stringify(refused.args.view)).toContain('This endpoint is disabled: save it again first.');
    expect(receiver.at('/gone')).toHaveLength(1);

    receiver.answer(() => 204);
    before = h.fake.callsTo('views.open').length;
    await clickInList(h, list, WEBHOOK_ACTIONS.edit, id);
    const form = await modalOpenedAfter(h, before);
    const saved = await submitEndpoint(h, form, `${receiver.url}/gone`);
    expect(saved.body).toBe('');
    expect((await h.rapport.store.webhookEndpoints.findById(id))?.disabledAt).toBeNull();
    await raise(h, 'After saving again');
    expect(receiver.at('/gone').map((w) => w.answered)).toEqual([410, 204]);
  });

  it('refuses loopback and private addresses unless allowed: literal, IPv6, IPv4-mapped, and names resolving to them', async (context) => {
    const { h, receiver } = await start(context, () => ({ allowPrivateAddresses: false }));
    const port = new URL(receiver.url).port;
    const literal = await addEndpoint(h, `http://127.0.0.1:${port}/literal`);
    const named = await addEndpoint(h, `http://localhost:${port}/named`);
    const v6 = await addEndpoint(h, `http://[::1]:${port}/v6`);
    const mapped = await addEndpoint(h, `http://[::ffff:10.0.0.1]:${port}/mapped`);
    await raise(h, 'Reach inside');
    expect(receiver.received).toEqual([]);
    for (const { id } of [literal, named, v6, mapped]) {
      const [delivery] = await deliveriesOf(h, id);
      expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatus: null });
      expect(delivery?.lastError).toMatch(/private address/);
    }
  });

  it('does not follow a redirect: the attempt fails and is retried at the same URL', async (context) => {
    const { h, receiver } = await start(context);
    const { id } = await addEndpoint(h, `${receiver.url}/moved`);
    receiver.answer((w) => (w.path === '/moved' ? { redirectTo: '/elsewhere' } : 204));
    await raise(h, 'Redirected');
    expect(receiver.at('/elsewhere')).toEqual([]);
    const [delivery] = await deliveriesOf(h, id);
    expect(delivery).toMatchObject({ status: 'pending', lastStatus: 307, lastError: 'HTTP 307' });
  });

  it('a hanging endpoint slows neither the Slack answer nor another endpoint', async (context) => {
    const { h, receiver } = await start(context);
    await addEndpoint(h, `${receiver.url}/slow`);
    await addEndpoint(h, `${receiver.url}/fast`);
    receiver.answer((w) => (w.path === '/slow' ? 'hold' : 204));

    const view = await openModalByCommand(h, people.alice, 'ask Hanging receiver');
    const res = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [ASK_BLOCKS.urgency]: { [INPUT]: 'high' } },
    });
    expect(res.status).toBe(200);
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('this is now'));
    await receiver.waitFor(() => receiver.at('/fast').length === 1 && receiver.at('/slow').length === 1);
    expect(receiver.at('/fast')[0]?.answered).toBe(204);
    expect(receiver.at('/slow')[0]?.answered).toBeNull();
    receiver.release();
    await h.rapport.settled();
  });

  it('sends each delivery once when several replicas run the job at the same time', async (context) => {
    if (kind.name !== 'mongo') context.skip(); // the embedded store is single-process by design
    const { h, receiver } = await start(context);
    const { id } = await addEndpoint(h, `${receiver.url}/hooks`);
    let failing = true;
    receiver.answer(() => (failing ? 500 : 204));
    await raise(h, 'Raced');
    await raise(h, 'Raced again');
    const replica = await h.startReplica();
    failing = false;
    clock.advance(1);
    await Promise.all([h.rapport.runJob('webhooks'), replica.runJob('webhooks')]);
    const delivered = receiver.at('/hooks').filter((w) => w.answered === 204);
    expect(delivered.map((w) => (w.json.data.ask as { ref: string }).ref).sort()).toEqual([
      'ACME-1',
      'ACME-2',
    ]);
    expect((await deliveriesOf(h, id)).map((d) => d.status)).toEqual(['delivered', 'delivered']);
  });

  it('sends to the endpoint of the settings (one workspace), signed with the secret given there, for its tags only', async (context) => {
    const secret = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
    const { h, receiver } = await start(context, (url) => ({
      endpoint: { url: `${url}/env`, secret, events: ['ask.raised'], tags: ['enterprise'], internal: false },
    }));
    await raise(h, 'Before the partnership is tagged');
    expect(receiver.at('/env')).toEqual([]);
    await commandReply(h, people.alice, 'tags Enterprise, eu');
    await raise(h, 'From the settings');
    const [got, ...more] = receiver.at('/env');
    expect(more).toEqual([]);
    expect(got?.json.type).toBe('ask.raised');
    expect(got?.json.data.ask).toMatchObject({ title: 'From the settings' });
    expect(got?.json.data.partnership).toMatchObject({ name: 'Acme Corp', tags: ['enterprise', 'eu'] });
    expect(verifySignature(got as ReceivedWebhook, secret, clock.now())).toBe(true);
    const list = await webhookList(h);
    const text = JSON.stringify(list.args.blocks);
    expect(text).toContain('from the settings (WEBHOOK_URL)');
    expect(text).toContain('partnerships tagged enterprise');
    expect(listButtons(list, WEBHOOK_ACTIONS.edit)).toEqual([]);
    expect(listButtons(list, WEBHOOK_ACTIONS.log)).toEqual(['env']);
  });

  it('leaves a delivery claimed by a replica that died alone until its lease runs out, then sends it', async (context) => {
    const { h, receiver } = await start(context);
    const { id } = await addEndpoint(h, `${receiver.url}/hooks`);
    receiver.answer(() => 500);
    await raise(h, 'Claimed then orphaned');
    receiver.answer(() => 204);
    const [pending] = await deliveriesOf(h, id);
    // Another replica claims it for 10 minutes and dies before sending.
    const now = clock.now();
    expect(
      await h.rapport.store.webhookDeliveries.claim(
        pending?.id as string,
        now,
        new Date(now.getTime() + 600_000),
      ),
    ).not.toBeNull();
    clock.advance(5);
    await h.rapport.runJob('webhooks');
    expect(receiver.at('/hooks')).toHaveLength(1);
    clock.advance(6);
    await h.rapport.runJob('webhooks');
    expect(receiver.at('/hooks').map((w) => w.answered)).toEqual([500, 204]);
    expect((await deliveriesOf(h, id)).map((d) => d.status)).toEqual(['delivered']);
  });
});
