import { expect } from 'vitest';
import type {
  DriverUser,
  RecordedCall,
  StoredMessage,
  StoredView,
} from '../../src/playground/slack-simulator/index.js';
import { ASK_ACTIONS, UPDATE_BLOCKS } from '../../src/slack/asks/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { WEBHOOK_ACTIONS, WEBHOOK_BLOCKS } from '../../src/slack/webhooks/ids.js';
import type { WebhookSettings } from '../../src/webhook-settings.js';
import { buttonValue, commandReply, modalOpenedAfter } from './flows.js';
import { channels, type Harness, people } from './rapport-harness.js';

/** Webhooks on, with a key to seal secrets; the local receiver's loopback address allowed only when told. */
export const webhookSettings = (over: Partial<WebhookSettings> = {}): WebhookSettings => ({
  secretKeys: [{ id: 'k1', key: Buffer.alloc(32, 9) }],
  allowPrivateAddresses: true,
  timeoutMs: 5_000,
  endpoint: null,
  ...over,
});

/** `/rapport webhooks` as `user`: the private list. */
export const webhookList = (h: Harness, user: DriverUser = people.alice) => commandReply(h, user, 'webhooks');

/** The list's buttons, as they carry an endpoint id: the first of `actionId`, or the one with `value`. */
export function listButtons(reply: RecordedCall, actionId: string): string[] {
  const blocks = reply.args.blocks as { elements?: { action_id?: string; value?: string }[] }[];
  return blocks
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.action_id === actionId)
    .map((e) => String(e.value));
}

/** Clicks a button of the private list (an ephemeral message). */
export async function clickInList(
  h: Harness,
  reply: RecordedCall,
  actionId: string,
  value: string,
  user = people.alice,
) {
  const res = await h.driver.blockAction({
    user,
    channelId: channels.shared,
    message: { ts: '1700000000.000100', text: reply.args.text, blocks: reply.args.blocks },
    isEphemeral: true,
    actions: [{ action_id: actionId, value }],
  });
  await h.rapport.settled();
  return res;
}

/** The secret shown once in a view. */
export function secretShownIn(view: object): string {
  const match = /`(whsec_[A-Za-z0-9+/=]+)`/.exec(JSON.stringify(view));
  if (!match?.[1]) throw new Error('no secret shown');
  return match[1];
}

/** Adds an endpoint through the list and its form; resolves to its id and the secret shown once. */
export async function addEndpoint(
  h: Harness,
  url: string,
  opts: { events?: string[]; tags?: string; internal?: boolean } = {},
): Promise<{ id: string; secret: string }> {
  const reply = await webhookList(h);
  const before = h.fake.callsTo('views.open').length;
  await clickInList(h, reply, WEBHOOK_ACTIONS.add, 'new');
  const view = await modalOpenedAfter(h, before);
  const res = await submitEndpoint(h, view, url, opts);
  expect(res.status).toBe(200);
  const shown = res.body as { response_action: string; view: StoredView };
  expect(shown.response_action).toBe('update');
  const endpoints = await h.rapport.store.webhookEndpoints.list();
  const added = endpoints.find((e) => e.url === new URL(url).toString());
  if (!added) throw new Error('endpoint not stored');
  return { id: added.id, secret: secretShownIn(shown.view) };
}

export function submitEndpoint(
  h: Harness,
  view: StoredView,
  url: string,
  opts: { events?: string[]; tags?: string; internal?: boolean } = {},
  user: DriverUser = people.alice,
) {
  return h.driver.viewSubmission({
    user,
    view,
    values: {
      [WEBHOOK_BLOCKS.url]: { [INPUT]: url },
      [WEBHOOK_BLOCKS.events]: { [INPUT]: opts.events ?? [] },
      [WEBHOOK_BLOCKS.tags]: { [INPUT]: opts.tags ?? '' },
      [WEBHOOK_BLOCKS.internal]: { [INPUT]: opts.internal ? ['internal'] : [] },
    },
  });
}

/** Bob updates an ask through its card's form: a new status, and an internal note if given. */
export async function updateAsk(h: Harness, ref: string, status: string, internalNote = '') {
  const message = h.fake
    .messagesIn(channels.shared)
    .find((m) => String(m.text).startsWith(`${ref} `)) as StoredMessage;
  const before = h.fake.callsTo('views.open').length;
  await h.driver.blockAction({
    user: people.bob,
    channelId: channels.shared,
    message,
    actions: [{ action_id: ASK_ACTIONS.update, value: buttonValue(message, ASK_ACTIONS.update) }],
  });
  const view = await modalOpenedAfter(h, before);
  await h.driver.viewSubmission({
    user: people.bob,
    view,
    values: {
      [UPDATE_BLOCKS.status]: { [INPUT]: status },
      ...(internalNote ? { [UPDATE_BLOCKS.internalNote]: { [INPUT]: internalNote } } : {}),
    },
  });
  await h.rapport.settled();
}
