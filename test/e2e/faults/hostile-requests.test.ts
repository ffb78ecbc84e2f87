import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../../src/playground/slack-simulator/signing.js';
import { BUTTON_GONE, FORM_GONE } from '../../../src/slack/bolt/answer-unhandled.js';
import type { StoreLocation } from '../../../src/store/open-store.js';
import {
  channels,
  type Harness,
  people,
  SIGNING_SECRET,
  startHarness,
} from '../../support/rapport-harness.js';
import { storeSnapshot } from '../../support/store-snapshot.js';
import { storeKinds } from '../../support/stores.js';

/** Bolt's HTTPReceiver buffers at most this much of a body (its `bodyLimit` default) and answers 413 beyond. */
const BOLT_BODY_LIMIT = 4 * 1024 * 1024;
const FORM = 'application/x-www-form-urlencoded';
const now = () => Math.floor(Date.now() / 1000);

describe.each(storeKinds())('requests that are not from Slack, or not now ($name store)', (kind) => {
  let h: Harness;
  let location: StoreLocation;
  beforeAll(async () => {
    if (!kind.available) return;
    location = kind.freshLocation();
    h = await startHarness(location);
  });
  afterAll(() => h?.stop());

  /** A slash command that opens a modal when it is let in: an effect on Slack. */
  const command = () =>
    new URLSearchParams({
      team_id: people.alice.teamId,
      channel_id: channels.shared,
      user_id: people.alice.id,
      command: '/rapport',
      text: 'setup',
      response_url: h.fake.responseUrl({ channelId: channels.shared, userId: people.alice.id }),
      trigger_id: h.fake.issueTriggerId(),
    }).toString();
  /** A message event: when it is let in, its event_id is claimed in the store (a write). */
  const event = (eventId = `Ev${h.fake.nextId('')}`) =>
    JSON.stringify({
      type: 'event_callback',
      team_id: people.alice.teamId,
      api_app_id: h.fake.appId,
      event_id: eventId,
      event_time: now(),
      event: {
        type: 'message',
        channel: channels.shared,
        user: people.carol.id,
        text: 'hello',
        ts: '1795000000.000100',
        channel_type: 'channel',
      },
    });
  const events = () => `http://127.0.0.1:${h.rapport.port}/slack/events`;

  /** Sends, lets any work the request started finish, and reports the status and what changed. */
  async function effectOf(send: () => Promise<number>) {
    const before = await storeSnapshot(location);
    const calls = h.fake.calls.length;
    const status = await send();
    await h.rapport.settled();
    return {
      status,
      storeChanged: JSON.stringify(await storeSnapshot(location)) !== JSON.stringify(before),
      slackCalls: h.fake.calls.slice(calls).map((c) => c.method),
    };
  }
  const raw = (req: Parameters<Harness['driver']['sendRaw']>[0]) => async () =>
    (await h.driver.sendRaw(req)).status;

  it.skipIf(!kind.available).each([
    ['an unsigned command', 401, () => raw({ body: command(), contentType: FORM, unsigned: true })],
    [
      'a command with a made-up signature',
      401,
      () => raw({ body: command(), contentType: FORM, signature: `v0=${'0'.repeat(64)}` }),
    ],
    [
      'a command signed with another secret',
      401,
      () => {
        const body = command();
        return raw({ body, contentType: FORM, signature: signSlackRequest('not-our-secret', now(), body) });
      },
    ],
    [
      'an event whose body was changed after signing',
      401,
      () => raw({ body: event(), signature: signSlackRequest(SIGNING_SECRET, now(), event()) }),
    ],
    [
      'a command replayed 6 minutes later',
      401,
      () => raw({ body: command(), contentType: FORM, timestamp: now() - 360 }),
    ],
    ['an event replayed 6 minutes later', 401, () => raw({ body: event(), timestamp: now() - 360 })],
    ['a signed event that is not JSON', 400, () => raw({ body: event().slice(0, -7) })],
    [
      'a signed interaction whose payload is not JSON',
      400,
      () => raw({ body: 'payload=%7Bnot-json', contentType: FORM }),
    ],
    [
      'a signed event over the body limit',
      413,
      () => raw({ body: JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(BOLT_BODY_LIMIT) }) }),
    ],
    [
      'an event over the body limit, streamed without a length',
      413,
      () => async () => {
        const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent > BOLT_BODY_LIMIT) controller.close();
            else controller.enqueue(chunk);
            sent += chunk.length;
          },
        });
        const ts = now();
        const res = await fetch(events(), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-slack-request-timestamp': String(ts),
            'x-slack-signature': signSlackRequest(SIGNING_SECRET, ts, ''),
          },
          body,
          duplex: 'half',
        } as RequestInit);
        return res.status;
      },
    ],
  ] as const)('refuses %s (HTTP %i) without writing or calling Slack', async (_name, expected, request) => {
    expect(await effectOf(request())).toEqual({ status: expected, storeChanged: false, slackCalls: [] });
  });

  const interaction = (payload: object) => ({
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: FORM,
  });
  const alice = { id: people.alice.id, team_id: people.alice.teamId };
  const team = { id: people.alice.teamId };

  it.skipIf(!kind.available).each([
    ['a signed JSON body of null', () => raw({ body: 'null' })],
    ['a signed interaction whose payload is null', () => raw({ body: 'payload=null', contentType: FORM })],
    ['a signed JSON array after a space', () => raw({ body: ' []' })],
    ['a payload of null under an encoded name', () => raw({ body: 'pay%6Coad=null', contentType: FORM })],
    ['a second payload of null', () => raw({ body: 'payload=%7B%7D&payload=null', contentType: FORM })],
    [
      'a click that names no team',
      () => raw(interaction({ type: 'block_actions', user: alice, actions: [] })),
    ],
    [
      'a click whose value is an object (a query operator, were it passed on)',
      () =>
        raw(
          interaction({
            type: 'block_actions',
            team,
            user: alice,
            actions: [{ action_id: 'digest.edit_schedule', type: 'button', value: { $ne: null } }],
          }),
        ),
    ],
    [
      'a form submitted without its view',
      () => raw(interaction({ type: 'view_submission', team, user: alice })),
    ],
    [
      'a command without a response_url',
      () => {
        const fields = new URLSearchParams(command());
        fields.delete('response_url');
        return raw({ body: fields.toString(), contentType: FORM });
      },
    ],
    [
      'an event of a type Rapport is not subscribed to',
      () => raw({ body: event().replace('"type":"message"', '"type":"file_shared"') }),
    ],
  ] as const)('refuses %s at once (HTTP 400), writing nothing', async (_name, request) => {
    const logsBefore = h.logs.length;
    expect(await effectOf(request())).toEqual({ status: 400, storeChanged: false, slackCalls: [] });
    const logged = h.logs.slice(logsBefore).map((line) => JSON.parse(line) as { level: string; msg: string });
    expect(logged.filter((line) => line.level !== 'debug').map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'malformed request refused'],
    ]);
  });

  it.skipIf(!kind.available)(
    'answers a button and a form no listener knows (an old message after an upgrade) at once, saying so',
    async () => {
      const responseUrl = h.fake.responseUrl({ channelId: channels.shared, userId: people.alice.id });
      const started = Date.now();
      const click = await effectOf(
        raw(
          interaction({
            type: 'block_actions',
            team,
            user: alice,
            // No trigger_id: on MongoDB its claim against replays is stored, the one write a click makes.
            channel: { id: channels.shared },
            response_url: responseUrl,
            actions: [{ action_id: 'ask.retired_button', type: 'button', value: 'x' }],
          }),
        ),
      );
      expect(click).toEqual({ status: 200, storeChanged: false, slackCalls: ['response_url'] });
      const told = await h.fake.waitForCall('response_url', (c) =>
        responseUrl.endsWith(`/${c.args.responseUrlId}`),
      );
      expect(told.args).toMatchObject({ response_type: 'ephemeral', text: BUTTON_GONE });

      const form = await h.driver.sendRaw(
        interaction({
          type: 'view_submission',
          team,
          user: alice,
          view: {
            id: 'VRETIRED1',
            callback_id: 'rapport.retired_form',
            blocks: [{ type: 'input', block_id: 'only' }],
            state: { values: {} },
          },
        }),
      );
      expect(form.body).toEqual({ response_action: 'errors', errors: { only: FORM_GONE } });
      expect(Date.now() - started).toBeLessThan(1_000);
    },
  );

  it.skipIf(!kind.available)(
    'acts on the same requests when they are signed and fresh, and on an event or a command once however often it is replayed within the 5 minutes',
    async () => {
      const signed = command();
      const opened = await effectOf(raw({ body: signed, contentType: FORM }));
      expect(opened).toMatchObject({ status: 200, slackCalls: expect.arrayContaining(['views.open']) });
      // A captured command sent again within its 5 minutes: validly signed, but its trigger_id is spent.
      const again = await effectOf(raw({ body: signed, contentType: FORM }));
      expect(again).toEqual({ status: 200, storeChanged: false, slackCalls: [] });

      const body = event();
      const timestamp = now();
      const first = await effectOf(raw({ body, timestamp }));
      expect(first).toMatchObject({ status: 200, storeChanged: true });
      // Byte for byte the same delivery, signature included: Slack's own retries look like this.
      const replayed = await effectOf(raw({ body, timestamp }));
      expect(replayed).toEqual({ status: 200, storeChanged: false, slackCalls: [] });
    },
  );
});
