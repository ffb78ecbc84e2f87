import { WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { FakeSlack } from '../../../src/playground/slack-simulator/index.js';
import { effectMetadata, findPosted } from '../../../src/slack/shared/post-once.js';
import { silentLogger } from '../../support/silent-logger.js';

let fake: FakeSlack;
let client: WebClient;
beforeAll(async () => {
  fake = await FakeSlack.start({ vendorTeamId: 'TVENDOR', botUserId: 'UBOT' });
  client = new WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logger: silentLogger,
  });
  fake.addChannel({ id: 'CSHARED', name: 'acme-vendor', isExtShared: true, members: [] });
});
afterEach(() => fake.reset());
afterAll(async () => {
  await fake.stop();
});

it('adopts only a message Rapport’s own bot posted, not one another app planted with the same key', async () => {
  const key = 'ask:A1:card';
  const target = { channel: 'CSHARED', threadTs: null };
  fake.addMessage('CSHARED', {
    text: 'looks like a card',
    bot_id: 'BOTHERAPP',
    metadata: effectMetadata(key),
  });
  expect(await findPosted(client, key, target)).toBeNull();

  const ours = await client.chat.postMessage({
    channel: 'CSHARED',
    text: 'the card',
    metadata: effectMetadata(key),
  });
  expect(await findPosted(client, key, target)).toBe(ours.ts);
  expect(await findPosted(client, 'ask:A1:twin', target)).toBeNull();
});
