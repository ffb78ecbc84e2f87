import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, verifySlackRequest } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack, SlackDriver, type StoredView } from '../../../src/playground/slack-simulator/index.js';

const SECRET = 'test-signing-secret';
const alice = { id: 'UALICE', teamId: 'TVENDOR' };
const external = { id: 'UEXT', teamId: 'TCUSTOMER' };

interface Captured {
  raw: string;
  headers: IncomingMessage['headers'];
}

const verify = (c: Captured, secret = SECRET, nowMilliseconds?: number) =>
  verifySlackRequest({
    signingSecret: secret,
    body: c.raw,
    headers: {
      'x-slack-signature': String(c.headers['x-slack-signature']),
      'x-slack-request-timestamp': Number(c.headers['x-slack-request-timestamp']),
    },
    ...(nowMilliseconds === undefined ? {} : { nowMilliseconds }),
  });

let fake: FakeSlack;

beforeAll(async () => {
  fake = await FakeSlack.start({ vendorTeamId: 'TVENDOR', botUserId: 'UBOT' });
  fake.addUser({ id: 'UALICE', teamId: 'TVENDOR', name: 'alice' });
  fake.addUser({ id: 'UEXT', teamId: 'TCUSTOMER', isStranger: true });
  fake.addChannel({ id: 'CSHARED', name: 'acme', isExtShared: true, members: ['UALICE', 'UEXT'] });
});
afterAll(async () => {
  await fake.stop();
});

describe('SlackDriver signatures (checked with Bolt’s verifySlackRequest)', () => {
  const captured: Captured[] = [];
  let server: Server;
  let driver: SlackDriver;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        captured.push({ raw: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    driver = new SlackDriver({ appUrl, signingSecret: SECRET, fake });
  });
  afterEach(() => {
    captured.length = 0;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('signs commands, interactions and events so Bolt accepts them', async () => {
    const cmd = await driver.command({ user: alice, channelId: 'CSHARED', text: 'new acme' });
    expect(cmd).toMatchObject({ status: 200, body: '' });
    await driver.blockAction({ user: external, channelId: 'CSHARED', actions: [{ action_id: 'ack' }] });
    await driver.globalShortcut({ user: alice, callbackId: 'sc' });
    await driver.event({
      event: { type: 'app_mention', user: 'UALICE', text: 'hi', channel: 'CSHARED', ts: '1.1' },
    });
    expect(captured).toHaveLength(4);
    for (const c of captured) expect(() => verify(c)).not.toThrow();
    expect(() => verify(captured[0] as Captured, 'other-secret')).toThrow(/signature mismatch/);
    const form = new URLSearchParams(captured[0]?.raw);
    expect(form.get('command')).toBe('/rapport');
    expect(form.get('trigger_id')).toBe(cmd.triggerId);
    expect(form.get('response_url')).toBe(cmd.responseUrl);
    expect(captured[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(JSON.parse(new URLSearchParams(captured[1]?.raw).get('payload') ?? '{}')).toMatchObject({
      type: 'block_actions',
      // As Slack does in a shared channel: the clicker's team on the user, the app's installing team as `team`.
      user: { id: 'UEXT', team_id: 'TCUSTOMER' },
      team: { id: 'TVENDOR' },
    });
  });

  it('sends retry headers, stale timestamps, bad signatures and unsigned requests on demand', async () => {
    await driver.event({
      event: { type: 'app_mention' },
      eventId: 'Ev1',
      retryNum: 2,
      retryReason: 'timeout',
    });
    expect(captured[0]?.headers).toMatchObject({
      'x-slack-retry-num': '2',
      'x-slack-retry-reason': 'timeout',
    });
    expect(JSON.parse(captured[0]?.raw ?? '{}')).toMatchObject({ type: 'event_callback', event_id: 'Ev1' });
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    await driver.sendRaw({ body: '{}', timestamp: tenMinutesAgo });
    expect(() => verify(captured[1] as Captured)).toThrow(/stale/);
    await driver.sendRaw({ body: '{}', signature: 'v0=deadbeef' });
    expect(() => verify(captured[2] as Captured)).toThrow(/signature mismatch/);
    await driver.sendRaw({ body: '{}', unsigned: true });
    expect(captured[3]?.headers['x-slack-signature']).toBeUndefined();
  });

  it('refuses slash commands from another team (not shared in Slack Connect)', async () => {
    await expect(driver.command({ user: external, channelId: 'CSHARED', text: '' })).rejects.toThrow(
      /not shared/,
    );
  });
});

describe('SlackDriver against a real Bolt app', () => {
  let app: App;
  let driver: SlackDriver;
  const seen: Record<string, unknown[]> = { values: [], actions: [], mentions: [] };
  const modal = {
    type: 'modal' as const,
    callback_id: 'new_partnership',
    title: { type: 'plain_text' as const, text: 'New partnership' },
    submit: { type: 'plain_text' as const, text: 'Create' },
    blocks: [
      {
        type: 'input',
        block_id: 'name',
        label: { type: 'plain_text' as const, text: 'Name' },
        element: { type: 'plain_text_input' as const, action_id: 'v' },
      },
    ],
  };

  beforeAll(async () => {
    app = new App({
      token: 'xoxb-test',
      signingSecret: SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/rapport', async ({ ack, body, client }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: modal });
    });
    app.view('new_partnership', async ({ ack, view }) => {
      const name = view.state.values.name?.v?.value ?? '';
      seen.values?.push(view.state.values);
      if (name.length < 3) await ack({ response_action: 'errors', errors: { name: 'Too short' } });
      else await ack();
    });
    app.action('ack', async ({ ack, body, respond }) => {
      await ack();
      seen.actions?.push(body.user.id);
      await respond({ text: 'Acknowledged', replace_original: true });
    });
    app.event('app_mention', async ({ event, client }) => {
      seen.mentions?.push(event.text);
      await client.chat.postMessage({ channel: event.channel, text: 'Hello!', thread_ts: event.ts });
    });
    const server = (await app.start(0)) as Server;
    driver = new SlackDriver({
      appUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      signingSecret: SECRET,
      fake,
    });
  });
  afterEach(() => {
    expect(fake.violations).toEqual([]);
    fake.reset();
  });
  afterAll(async () => {
    await app.stop();
  });

  it('command → views.open → view_submission with errors, then a valid submission closes the modal', async () => {
    expect((await driver.command({ user: alice, channelId: 'CSHARED', text: '' })).status).toBe(200);
    const opened = await fake.waitForCall('views.open');
    expect(opened.response.ok).toBe(true);
    const view = opened.response.view as StoredView;
    const bad = await driver.viewSubmission({ user: alice, view, values: { name: { v: 'A' } } });
    expect(bad.body).toEqual({ response_action: 'errors', errors: { name: 'Too short' } });
    expect(fake.openModals()).toHaveLength(1);
    const good = await driver.viewSubmission({ user: external, view, values: { name: { v: 'Acme' } } });
    expect(good).toMatchObject({ status: 200, body: '' });
    expect(seen.values?.at(-1)).toEqual({ name: { v: { type: 'plain_text_input', value: 'Acme' } } });
    expect(fake.openModals()).toEqual([]);
    await expect(driver.viewSubmission({ user: alice, view })).rejects.toThrow(/not open any more/);
  });

  it('block action on a message the app posted, answered through response_url', async () => {
    const message = fake.addMessage('CSHARED', {
      text: 'Please ack',
      bot_id: fake.botId,
      user: 'UBOT',
      blocks: [
        {
          type: 'actions',
          block_id: 'acts',
          elements: [
            { type: 'button', action_id: 'ack', value: 'x', text: { type: 'plain_text', text: 'Ack' } },
          ],
        },
      ],
    });
    const res = await driver.blockAction({ user: external, message, actions: [{ action_id: 'ack' }] });
    expect(res.status).toBe(200);
    const call = await fake.waitForCall('response_url');
    expect(call.args).toMatchObject({ text: 'Acknowledged', replace_original: true });
    expect(fake.message('CSHARED', message.ts)?.text).toBe('Acknowledged');
    expect(seen.actions).toEqual(['UEXT']);
    await expect(
      driver.blockAction({ user: alice, message, actions: [{ action_id: 'nope' }] }),
    ).rejects.toThrow(/no element with action_id 'nope'/);
  });

  it('user message event → threaded reply; unsigned requests are refused by Bolt', async () => {
    const { ts } = await driver.userMessage({ user: external, channelId: 'CSHARED', text: 'hi' });
    await driver.event({
      event: { type: 'app_mention', user: 'UEXT', text: '<@UBOT> hello', channel: 'CSHARED', ts },
    });
    const reply = await fake.waitForCall('chat.postMessage');
    expect(reply.args).toMatchObject({ channel: 'CSHARED', thread_ts: ts, text: 'Hello!' });
    expect(fake.messagesIn('CSHARED', { threadTs: ts }).map((m) => m.text)).toEqual(['Hello!']);
    const unsigned = await driver.sendRaw({
      body: JSON.stringify({ type: 'event_callback' }),
      unsigned: true,
    });
    expect(unsigned.status).toBe(401);
  });
});
