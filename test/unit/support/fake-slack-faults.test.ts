import { WebAPIHTTPError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../../src/playground/slack-simulator/index.js';

let fake: FakeSlack;
let client: WebClient;

beforeAll(async () => {
  fake = await FakeSlack.start();
  client = new WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });
  fake.addChannel({ id: 'C1' });
  fake.addChannel({ id: 'C2' });
});
afterEach(() => fake.reset());
afterAll(() => fake.stop());

const post = (channel: string, text = 'hi') => client.chat.postMessage({ channel, text });

/** A post the client gives up on (as when its process dies): the connection closes while it is held. */
async function abandoned(channel: string) {
  const controller = new AbortController();
  const res = fetch(`${fake.apiUrl}chat.postMessage`, {
    method: 'POST',
    headers: { authorization: 'Bearer xoxb-test', 'content-type': 'application/json' },
    body: JSON.stringify({ channel, text: 'lost' }),
    signal: controller.signal,
  }).catch(() => 'aborted');
  await fake.waitForHeld(1);
  controller.abort();
  expect(await res).toBe('aborted');
  await fake.waitForDropped(1);
}

describe('FakeSlack holding calls', () => {
  it('answers the first `after` calls, holds the next ones until released, then holds nothing', async () => {
    fake.holdCalls('chat.postMessage', { after: 1 });
    await post('C1', 'one');
    const second = post('C1', 'two');
    await fake.waitForHeld(1);
    expect(fake.messagesIn('C1').map((m) => m.text)).toEqual(['one']);
    fake.releaseHeld();
    expect((await second).ok).toBe(true);
    await post('C1', 'three');
    expect(fake.messagesIn('C1').map((m) => m.text)).toEqual(['one', 'two', 'three']);
    expect(fake.heldCalls).toEqual([]);
  });

  it('holds only matching calls', async () => {
    fake.holdCalls('chat.postMessage', { when: (args) => args.channel === 'C2' });
    await post('C1');
    const held = post('C2');
    await fake.waitForHeld(1);
    expect(fake.heldCalls.map((c) => c.args.channel)).toEqual(['C2']);
    fake.releaseHeld();
    await held;
  });

  it("holds every method called with one team's token ('*' and `team`), and no other team's calls", async () => {
    fake.holdCalls('*', { team: 'TOTHER01' });
    expect((await post('C1')).ok).toBe(true);
    fake.releaseHeld();

    fake.holdCalls('*', { team: fake.tokenTeam('xoxb-test') });
    const calls = [post('C1'), client.conversations.info({ channel: 'C2' })];
    await fake.waitForHeld(2);
    expect(fake.heldCalls.map((c) => c.method).sort()).toEqual(['chat.postMessage', 'conversations.info']);
    fake.releaseHeld();
    for (const answered of await Promise.all(calls)) expect(answered.ok).toBe(true);
  });

  it('drops a held call whose client went away: nothing stored, nothing recorded', async () => {
    fake.holdCalls('chat.postMessage');
    await abandoned('C1');
    expect(fake.droppedCalls).toMatchObject([{ method: 'chat.postMessage', stage: 'before' }]);
    expect(fake.messagesIn('C1')).toEqual([]);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it("with stage 'after', acts on the call and withholds only the answer", async () => {
    fake.holdCalls('chat.postMessage', { stage: 'after' });
    await abandoned('C1');
    expect(fake.messagesIn('C1').map((m) => m.text)).toEqual(['lost']);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('FakeSlack outages', () => {
  it('fails every call while the condition holds, on the arguments too, and counts what it served', async () => {
    let down = true;
    fake.failWhile(
      'chat.postMessage',
      { kind: 'http', status: 503 },
      (args) => down && args.channel === 'C1',
    );
    await expect(post('C1')).rejects.toBeInstanceOf(WebAPIHTTPError);
    await expect(post('C1')).rejects.toBeInstanceOf(WebAPIHTTPError);
    expect((await post('C2')).ok).toBe(true);
    down = false;
    expect((await post('C1')).ok).toBe(true);
    expect(fake.failuresServedCount('chat.postMessage')).toBe(2);
  });
});
