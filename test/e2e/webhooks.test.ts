import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredView } from '../../src/playground/slack-simulator/index.js';
import { WEBHOOK_ACTIONS, WEBHOOK_BLOCKS } from '../../src/slack/webhooks/ids.js';
import { modalOpenedAfter, raiseHelpRequest, setUpAcme } from '../support/flows.js';
import { type Harness, people, startHarness } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import { TestClock } from '../support/test-clock.js';
import {
  addEndpoint,
  clickInList,
  listButtons,
  secretShownIn,
  submitEndpoint,
  updateAsk,
  webhookList,
  webhookSettings,
} from '../support/webhook-flows.js';
import { verifySignature, WebhookReceiver } from '../support/webhook-receiver.js';

describe.each(storeKinds())('outbound webhooks, configured in Slack ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;
  let receiver: WebhookReceiver;

  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    clock = new TestClock('2026-11-24T09:00:00Z');
    receiver = await WebhookReceiver.start();
    h = await startHarness(kind.freshLocation(), { clock, webhooks: webhookSettings() });
    await setUpAcme(h);
  });
  afterEach(async () => {
    if (!kind.available) return;
    expect(h.fake.violations).toEqual([]);
    await h.stop();
    await receiver.stop();
  });

  it('is for Slack admins only; an admin adds an endpoint, its secret shown once, and a bad URL is refused at its field', async () => {
    const refused = await webhookList(h, people.bob);
    expect(refused.args.text).toBe('Only admins and owners of this Slack workspace can manage webhooks.');

    const reply = await webhookList(h);
    expect(reply.args.response_type).toBe('ephemeral');
    const before = h.fake.callsTo('views.open').length;
    await clickInList(h, reply, WEBHOOK_ACTIONS.add, 'new');
    const view = await modalOpenedAfter(h, before);
    for (const [url, message] of [
      ['ftp://files.example.com/in', 'Only http and https URLs can receive events.'],
      ['not a url', 'Enter a full URL, such as https://hooks.example.com/rapport.'],
      [
        'https://user:pw@hooks.example.com/',
        'Leave credentials out of the URL; requests are signed instead.',
      ],
    ] as const) {
      const res = await submitEndpoint(h, view, url);
      expect(res.body).toEqual({
        response_action: 'errors',
        errors: { [WEBHOOK_BLOCKS.url]: message },
      });
    }
    const badTag = await submitEndpoint(h, view, `${receiver.url}/hooks`, { tags: 'enterprise, <!channel>' });
    expect(badTag.body).toMatchObject({
      response_action: 'errors',
      errors: { [WEBHOOK_BLOCKS.tags]: expect.stringContaining('Tags are single words') },
    });
    expect(await h.rapport.store.webhookEndpoints.list()).toEqual([]);

    const { secret } = await addEndpoint(h, `${receiver.url}/hooks`);
    const stored = await h.rapport.store.webhookEndpoints.list();
    expect(stored).toHaveLength(1);
    // Sealed at rest: the store never holds the secret itself.
    expect(JSON.stringify(stored)).not.toContain(secret.slice(6));
    const list = await webhookList(h);
    expect(JSON.stringify(list.args.blocks)).toContain(`${receiver.url}/hooks`);
    expect(JSON.stringify(list.args.blocks)).not.toContain(secret);
  });

  it('sends each ask change once, signed per Standard Webhooks, with the partnership and actors, and no internal note', async () => {
    const { secret } = await addEndpoint(h, `${receiver.url}/hooks`);
    await raiseHelpRequest(h, people.alice, 'Export fails on large files', 'high');
    await updateAsk(h, 'ACME-1', 'in_progress', 'Root cause: the customer is on the old cluster');

    const got = receiver.at('/hooks');
    expect(got.map((w) => w.json.type)).toEqual(['ask.raised', 'ask.changed']);
    for (const webhook of got) expect(verifySignature(webhook, secret, clock.now())).toBe(true);
    expect(verifySignature(got[0] as never, 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', clock.now())).toBe(
      false,
    );
    expect(new Set(got.map((w) => w.id)).size).toBe(2);
    const [raised, changed] = got.map((w) => w.json.data) as Record<string, never>[];
    expect(raised).toMatchObject({
      ask: { ref: 'ACME-1', kind: 'help', title: 'Export fails on large files' },
      partnership: { name: 'Acme Corp' },
      actor: { userId: people.alice.id, side: 'vendor' },
    });
    expect(changed).toMatchObject({
      statusBefore: 'open',
      statusAfter: 'in_progress',
      actor: { userId: people.bob.id, teamId: people.bob.teamId, side: 'vendor' },
    });
    for (const webhook of got) {
      expect(webhook.body).not.toContain('old cluster');
      expect(webhook.json.data).not.toHaveProperty('internalNotes');
    }
  });

  it('gives internal notes to an internal endpoint only, and an endpoint only the event types it chose', async () => {
    await addEndpoint(h, `${receiver.url}/crm`, { events: ['ask.changed'] });
    await addEndpoint(h, `${receiver.url}/internal`, { internal: true });
    await raiseHelpRequest(h, people.alice, 'SSO login loops', 'urgent');
    await updateAsk(h, 'ACME-1', 'in_progress', 'Escalated to the identity team');

    expect(receiver.at('/crm').map((w) => w.json.type)).toEqual(['ask.changed']);
    expect(receiver.at('/crm')[0]?.body).not.toContain('identity team');
    const internal = receiver.at('/internal');
    expect(internal.map((w) => w.json.type)).toEqual(['ask.raised', 'ask.changed']);
    expect(internal[1]?.json.data.internalNotes).toEqual([
      expect.objectContaining({
        text: 'Escalated to the identity team',
        by: expect.objectContaining({ userId: people.bob.id }),
      }),
    ]);
  });

  it('rotates a secret with overlap: both signatures for 24 hours, then only the new one', async () => {
    const { id, secret: old } = await addEndpoint(h, `${receiver.url}/hooks`);
    const reply = await webhookList(h);
    const before = h.fake.callsTo('views.open').length;
    await clickInList(h, reply, WEBHOOK_ACTIONS.rotate, id);
    const fresh = secretShownIn(await modalOpenedAfter(h, before));
    expect(fresh).not.toBe(old);

    await raiseHelpRequest(h, people.alice, 'Webhook test', 'low');
    const [during] = receiver.at('/hooks');
    expect(during?.signatures).toHaveLength(2);
    expect(verifySignature(during as never, old, clock.now())).toBe(true);
    expect(verifySignature(during as never, fresh, clock.now())).toBe(true);

    clock.advance(24 * 60 + 1);
    await updateAsk(h, 'ACME-1', 'resolved');
    const after = receiver.at('/hooks')[1];
    expect(after?.signatures).toHaveLength(1);
    expect(verifySignature(after as never, fresh, clock.now())).toBe(true);
    expect(verifySignature(after as never, old, clock.now())).toBe(false);
  });

  it('shows the delivery log privately, and Resend sends the same message again', async () => {
    const { id } = await addEndpoint(h, `${receiver.url}/hooks`);
    await raiseHelpRequest(h, people.alice, 'Reports are slow', 'normal');
    const reply = await webhookList(h);
    expect(listButtons(reply, WEBHOOK_ACTIONS.log)).toEqual([id]);
    const before = h.fake.callsTo('views.open').length;
    await clickInList(h, reply, WEBHOOK_ACTIONS.log, id);
    const log = await modalOpenedAfter(h, before);
    const logText = JSON.stringify(log.blocks);
    expect(logText).toContain('*ask.raised* · delivered');
    expect(logText).toContain('1 attempt · HTTP 204');

    const resendValue = (log.blocks as { accessory?: { value?: string } }[]).find((b) => b.accessory)
      ?.accessory?.value;
    await h.driver.blockAction({
      user: people.alice,
      view: log as StoredView,
      actions: [{ action_id: WEBHOOK_ACTIONS.resend, value: String(resendValue) }],
    });
    await h.rapport.settled();
    const [first, again] = receiver.at('/hooks');
    expect(again?.id).toBe(first?.id);
    expect(again?.body).toBe(first?.body);
    const updated = await h.fake.waitForCall('views.update', (c) => c.args.view_id === log.id);
    const shown = (
      typeof updated.args.view === 'string' ? JSON.parse(updated.args.view) : updated.args.view
    ) as {
      blocks: { accessory?: unknown }[];
    };
    expect(shown.blocks.filter((b) => b.accessory)).toHaveLength(2);
  });

  it('edits an endpoint’s events, and removes one with its log', async () => {
    const { id } = await addEndpoint(h, `${receiver.url}/hooks`);
    let reply = await webhookList(h);
    const before = h.fake.callsTo('views.open').length;
    await clickInList(h, reply, WEBHOOK_ACTIONS.edit, id);
    const form = await modalOpenedAfter(h, before);
    const saved = await submitEndpoint(h, form, `${receiver.url}/hooks`, { events: ['ask.changed'] });
    expect(saved.body).toBe('');
    await raiseHelpRequest(h, people.alice, 'Only changes wanted', 'low');
    expect(receiver.at('/hooks')).toEqual([]);
    await updateAsk(h, 'ACME-1', 'in_progress');
    expect(receiver.at('/hooks').map((w) => w.json.type)).toEqual(['ask.changed']);

    reply = await webhookList(h);
    const removed = await clickInList(h, reply, WEBHOOK_ACTIONS.remove, id);
    const replaced = await h.fake.waitForCall('response_url', (c) =>
      Boolean(removed.responseUrl?.endsWith(`/${String(c.args.responseUrlId)}`)),
    );
    expect(replaced.args.replace_original).toBe(true);
    expect(JSON.stringify(replaced.args.blocks)).toContain('No webhook endpoints yet.');
    expect(await h.rapport.store.webhookEndpoints.list()).toEqual([]);
    expect(await h.rapport.store.webhookDeliveries.listRecent(id, 10)).toEqual([]);
  });
});
