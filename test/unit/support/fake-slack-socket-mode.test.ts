import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeSlack, SlackDriver } from '../../../src/playground/slack-simulator/index.js';

let fake: FakeSlack;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  fake = await FakeSlack.start();
});
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await fake.stop();
});

const call = async (method: string, token: string) => {
  const res = await fetch(`${fake.apiUrl}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  return (await res.json()) as { ok: boolean; error?: string; url?: string };
};

/** Opens a connection the way Bolt's client does; resolves once connected, with every message it gets. */
async function connect(): Promise<{ ws: WebSocket; messages: Record<string, unknown>[] }> {
  const { url } = await call('apps.connections.open', 'xapp-1-test');
  const ws = new WebSocket(url as string);
  sockets.push(ws);
  const messages: Record<string, unknown>[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return { ws, messages };
}

const until = async (what: string, condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error(`no ${what}`);
};

describe('FakeSlack Socket Mode', () => {
  it('opens connections for app-level tokens only, and app-level tokens do nothing else', async () => {
    expect(await call('apps.connections.open', 'xoxb-test')).toEqual({
      ok: false,
      error: 'not_allowed_token_type',
    });
    expect(await call('auth.test', 'xapp-1-test')).toMatchObject({ error: 'not_allowed_token_type' });
    const { url } = await call('apps.connections.open', 'xapp-1-test');
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=[\w-]+&app_id=AAPP00001$/);
  });

  it('greets each connection with hello, and refuses a URL used once already', async () => {
    const { ws, messages } = await connect();
    await until('hello', () => messages.length === 1);
    expect(messages[0]).toEqual({
      type: 'hello',
      num_connections: 1,
      debug_info: expect.objectContaining({ host: 'fake-slack' }),
      connection_info: { app_id: fake.appId },
    });
    const again = new WebSocket(ws.url);
    const refused = await new Promise((resolve) =>
      again.once('unexpected-response', (_req, res) => resolve(res.statusCode)),
    );
    expect(refused).toBe(401);
  });

  it('delivers envelopes, resolves with the ack, and re-sends an unacknowledged one after a reconnect', async () => {
    const waiting = fake.socketMode.deliver('slash_commands', { command: '/rapport', text: 'help' });
    const first = await connect();
    await until('the envelope', () => first.messages.length === 2);
    const envelope = first.messages[1] as { envelope_id: string };
    expect(envelope).toMatchObject({
      type: 'slash_commands',
      accepts_response_payload: true,
      retry_attempt: 0,
    });
    fake.socketMode.dropConnections(); // before any ack: Slack sends it again on the next connection

    const second = await connect();
    await until('the re-sent envelope', () => second.messages.length === 2);
    expect(second.messages[1]).toMatchObject({
      envelope_id: envelope.envelope_id,
      retry_attempt: 1,
      retry_reason: 'timeout',
    });
    second.ws.send(JSON.stringify({ envelope_id: envelope.envelope_id, payload: { text: 'hi' } }));
    expect(await waiting).toEqual({ envelope_id: envelope.envelope_id, payload: { text: 'hi' } });
    expect(fake.socketMode.unacknowledged).toBe(0);

    second.ws.send(JSON.stringify({ envelope_id: envelope.envelope_id }));
    await until('a violation', () => fake.violations.length === 1);
    expect(fake.violations[0]).toContain('no such envelope is waiting');
  });

  it('announces disconnects, and loses an ack on request by dropping its connection', async () => {
    const { ws, messages } = await connect();
    fake.socketMode.announceDisconnect('refresh_requested');
    await until('the announcement', () => messages.length === 2);
    expect(messages[1]).toMatchObject({ type: 'disconnect', reason: 'refresh_requested' });

    const closed = new Promise((resolve) => ws.once('close', resolve));
    fake.socketMode.dropConnectionOnNextAck();
    void fake.socketMode.deliver('events_api', { type: 'event_callback' }); // never acked
    await until('the envelope', () => messages.length === 3);
    ws.send(JSON.stringify({ envelope_id: (messages[2] as { envelope_id: string }).envelope_id }));
    await closed;
    expect(fake.socketMode.unacknowledged).toBe(1);
    expect(fake.socketMode.acks).toEqual([]);
  });

  it("lets the driver's requests travel as envelopes, reading acks as HTTP answers would", async () => {
    const driver = new SlackDriver({ transport: 'socket', fake });
    const { ws, messages } = await connect();
    ws.on('message', (data) => {
      const { envelope_id } = JSON.parse(String(data)) as { envelope_id?: string };
      if (envelope_id) ws.send(JSON.stringify({ envelope_id, payload: {} }));
    });
    const res = await driver.event({ event: { type: 'app_home_opened', user: 'U1' }, retryNum: 2 });
    expect(res).toMatchObject({ status: 200, body: '' });
    expect(messages[1]).toMatchObject({
      type: 'events_api',
      retry_attempt: 2,
      accepts_response_payload: false,
    });
    await expect(driver.sendRaw({ body: '{}' })).rejects.toThrow('sendRaw speaks HTTP');
  });
});
