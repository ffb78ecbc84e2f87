import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyViewSubmissionAck, FakeSlack } from '../../../src/playground/slack-simulator/index.js';
import { silentLogger } from '../../support/silent-logger.js';

const modal = (title = 'Hello') => ({
  type: 'modal' as const,
  callback_id: 'cb',
  title: { type: 'plain_text' as const, text: title },
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }],
});

const platformError = async (p: Promise<unknown>): Promise<WebAPIPlatformError> => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebAPIPlatformError);
  return error as WebAPIPlatformError;
};

let fake: FakeSlack;
let client: WebClient;

beforeAll(async () => {
  fake = await FakeSlack.start({ vendorTeamId: 'TVENDOR', botUserId: 'UBOT' });
  client = new WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: silentLogger,
  });
  fake.addUser({ id: 'UALICE', teamId: 'TVENDOR', name: 'alice', tz: 'Europe/Paris' });
  fake.addUser({ id: 'UEXT', teamId: 'TCUSTOMER', isStranger: true, tz: null });
  fake.addChannel({ id: 'CSHARED', name: 'acme-vendor', isExtShared: true, members: ['UALICE', 'UEXT'] });
  fake.addChannel({ id: 'COUT', name: 'no-bot', botIsMember: false });
});
afterEach(() => {
  fake.reset();
});
afterAll(async () => {
  await fake.stop();
});

describe('FakeSlack with the real WebClient', () => {
  it('answers auth.test as the vendor bot and records the bearer token', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({ ok: true, team_id: 'TVENDOR', user_id: 'UBOT', bot_id: fake.botId });
    expect(fake.callsTo('auth.test')[0]?.token).toBe('xoxb-test');
    expect(fake.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('answers 429 with Retry-After, which the WebClient surfaces as a rate-limited error', async () => {
    fake.rateLimitNext('chat.postMessage', 7);
    const error = await client.chat.postMessage({ channel: 'CSHARED', text: 'hi' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBe(7);
    expect(fake.callsTo('chat.postMessage')[0]).toMatchObject({ status: 429 });
    expect(fake.failuresServedCount('chat.postMessage')).toBe(1);
    expect(fake.pendingFailures()).toBe(0);
    await expect(client.chat.postMessage({ channel: 'CSHARED', text: 'again' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('injects platform errors and HTTP errors a given number of times', async () => {
    fake.failNext('users.info', 'internal_error', 2);
    fake.failHttpNext('conversations.info', 503);
    expect((await platformError(client.users.info({ user: 'UALICE' }))).data.error).toBe('internal_error');
    expect((await platformError(client.users.info({ user: 'UALICE' }))).data.error).toBe('internal_error');
    await expect(client.users.info({ user: 'UALICE' })).resolves.toMatchObject({ ok: true });
    const http = await client.conversations.info({ channel: 'CSHARED' }).catch((e: unknown) => e);
    expect(http).toBeInstanceOf(WebAPIHTTPError);
    expect((http as WebAPIHTTPError).statusCode).toBe(503);
    expect(fake.failuresServed.map((f) => f.method)).toEqual([
      'users.info',
      'users.info',
      'conversations.info',
    ]);
  });

  it('opens a modal once per trigger id: reused, unknown and expired triggers fail', async () => {
    const trigger = fake.issueTriggerId();
    const opened = await client.views.open({ trigger_id: trigger, view: modal() });
    expect(opened.view?.id).toMatch(/^V/);
    expect(fake.view(opened.view?.id ?? '')).toMatchObject({ callback_id: 'cb', hash: opened.view?.hash });
    expect((await platformError(client.views.open({ trigger_id: trigger, view: modal() }))).data.error).toBe(
      'exchanged_trigger_id',
    );
    expect((await platformError(client.views.open({ trigger_id: 'nope', view: modal() }))).data.error).toBe(
      'invalid_trigger_id',
    );
    const expired = fake.issueTriggerId({ ttlMs: -1 });
    expect((await platformError(client.views.open({ trigger_id: expired, view: modal() }))).data.error).toBe(
      'expired_trigger_id',
    );
  });

  it('rejects invalid Block Kit with invalid_blocks and records the violation', async () => {
    const error = await platformError(
      client.chat.postMessage({
        channel: 'CSHARED',
        blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }],
      }),
    );
    expect(error.data.error).toBe('invalid_blocks');
    expect(fake.violations).toEqual([
      'chat.postMessage: /blocks/0/text/text: header text is 151 chars (max 150)',
      'chat.postMessage: /text: a message with blocks must carry a top-level `text` fallback',
    ]);
    expect(fake.messagesIn('CSHARED')).toEqual([]);
    await platformError(
      client.views.open({ trigger_id: fake.issueTriggerId(), view: modal('x'.repeat(25)) }),
    );
    expect(fake.violations[2]).toMatch(/^views\.open: \/title\/text: modal title is 25 chars/);
  });

  it('keeps a message store: post (decoded blocks), thread, update in place, delete, pins, DMs', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }];
    const first = await client.chat.postMessage({ channel: 'CSHARED', text: 'hi', blocks });
    const second = await client.chat.postMessage({
      channel: 'CSHARED',
      text: 'reply',
      thread_ts: first.ts ?? '',
    });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(fake.callsTo('chat.postMessage')[0]?.args.blocks).toEqual(blocks);
    await client.chat.update({ channel: 'CSHARED', ts: first.ts ?? '', text: 'edited' });
    expect(fake.messagesIn('CSHARED').map((m) => [m.text, m.thread_ts])).toEqual([
      ['edited', undefined],
      ['reply', first.ts],
    ]);
    expect(fake.message('CSHARED', first.ts ?? '')?.blocks).toEqual(blocks);
    await client.pins.add({ channel: 'CSHARED', timestamp: first.ts ?? '' });
    expect(fake.pinsIn('CSHARED')).toEqual([first.ts]);
    await client.chat.delete({ channel: 'CSHARED', ts: second.ts ?? '' });
    expect(fake.messagesIn('CSHARED')).toHaveLength(1);
    expect((await platformError(client.chat.postMessage({ channel: 'COUT', text: 'x' }))).data.error).toBe(
      'not_in_channel',
    );
    const dm = await client.conversations.open({ users: 'UEXT' });
    expect(dm.channel?.id).toMatch(/^D/);
    await client.chat.postMessage({ channel: dm.channel?.id ?? '', text: 'psst' });
    expect(fake.dmsTo('UEXT').map((m) => m.text)).toEqual(['psst']);
  });

  it('serves users, channels and ephemerals from registered state', async () => {
    const ext = await client.users.info({ user: 'UEXT' });
    expect(ext.user).toMatchObject({ id: 'UEXT', team_id: 'TCUSTOMER', is_stranger: true });
    expect(ext.user?.tz).toBeUndefined();
    expect((await client.users.info({ user: 'UALICE' })).user).toMatchObject({
      tz: 'Europe/Paris',
      is_stranger: false,
    });
    expect((await platformError(client.users.info({ user: 'UNOBODY' }))).data.error).toBe('user_not_found');
    expect((await client.conversations.info({ channel: 'CSHARED' })).channel).toMatchObject({
      id: 'CSHARED',
      is_ext_shared: true,
      is_member: true,
    });
    expect((await platformError(client.conversations.info({ channel: 'CNOPE' }))).data.error).toBe(
      'channel_not_found',
    );
    await client.chat.postEphemeral({ channel: 'CSHARED', user: 'UEXT', text: 'only you' });
    expect(fake.ephemeralsTo('UEXT').map((e) => e.text)).toEqual(['only you']);
    expect(fake.messagesIn('CSHARED')).toEqual([]);
  });

  it('answers unknown_method for unhandled methods and still records them', async () => {
    expect((await platformError(client.apiCall('admin.teams.list'))).data.error).toBe('unknown_method');
    expect(fake.callsTo('admin.teams.list')).toHaveLength(1);
  });

  it('waitForCall resolves on a later call and times out listing the calls seen', async () => {
    const waiting = fake.waitForCall('chat.postMessage', (c) => c.args.text === 'second');
    await client.chat.postMessage({ channel: 'CSHARED', text: 'first' });
    await client.chat.postMessage({ channel: 'CSHARED', text: 'second' });
    expect((await waiting).args.text).toBe('second');
    await expect(fake.waitForCall('views.open', undefined, 50)).rejects.toThrow(
      /no views\.open call within 50 ms\. 2 call\(s\) seen:\n {2}- chat\.postMessage .*"first"/,
    );
  });

  it('response_url: records the body, applies replace_original and allows 5 uses', async () => {
    const posted = await client.chat.postMessage({ channel: 'CSHARED', text: 'original' });
    const url = fake.responseUrl({ channelId: 'CSHARED', userId: 'UALICE', messageTs: posted.ts ?? '' });
    const post = (body: object) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ text: 'replaced', replace_original: true })).status).toBe(200);
    expect(fake.message('CSHARED', posted.ts ?? '')?.text).toBe('replaced');
    expect(fake.callsTo('response_url')[0]?.args).toMatchObject({
      text: 'replaced',
      responseUrlId: expect.any(String),
    });
    for (let i = 0; i < 4; i += 1) expect((await post({ text: `eph ${i}` })).status).toBe(200);
    expect(fake.ephemeralsTo('UALICE')).toHaveLength(4);
    const sixth = await post({ text: 'too many' });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toMatchObject({ error: 'used_url' });
  });

  it('supports files.uploadV2 through the fake upload URL', async () => {
    await client.filesUploadV2({
      channel_id: 'CSHARED',
      content: 'a,b\n1,2\n',
      filename: 'report.csv',
      title: 'Report',
    });
    const [file] = [...fake.files.values()];
    expect(file?.content?.toString()).toBe('a,b\n1,2\n');
    expect(file).toMatchObject({
      filename: 'report.csv',
      title: 'Report',
      completed: true,
      channelId: 'CSHARED',
    });
  });

  it('views.push stacks at most 3 views; views.update checks the hash', async () => {
    const root = await client.views.open({
      trigger_id: fake.issueTriggerId(),
      view: { ...modal(), external_id: 'ext-1' },
    });
    const rootId = root.view?.id ?? '';
    await client.views.push({ trigger_id: fake.issueTriggerId({ viewId: rootId }), view: modal('Second') });
    await client.views.push({ trigger_id: fake.issueTriggerId({ viewId: rootId }), view: modal('Third') });
    const fourth = client.views.push({
      trigger_id: fake.issueTriggerId({ viewId: rootId }),
      view: modal('Fourth'),
    });
    expect((await platformError(fourth)).data.error).toBe('push_limit_reached');
    expect(fake.openModals()[0]?.map((v) => v.title.text)).toEqual(['Hello', 'Second', 'Third']);
    const stale = client.views.update({ external_id: 'ext-1', hash: 'stale', view: modal('Updated') });
    expect((await platformError(stale)).data.error).toBe('hash_conflict');
    const updated = await client.views.update({
      external_id: 'ext-1',
      hash: root.view?.hash ?? '',
      view: modal('Updated'),
    });
    expect(updated.view?.id).toBe(rootId);
    expect(fake.view(rootId)?.title).toEqual({ type: 'plain_text', text: 'Updated' });
  });

  it('applies view_submission acks to the modal stack and checks them', async () => {
    const opened = await client.views.open({ trigger_id: fake.issueTriggerId(), view: modal() });
    const id = opened.view?.id ?? '';
    applyViewSubmissionAck(fake, id, { response_action: 'push', view: modal('Pushed') });
    expect(fake.openModals()[0]?.map((v) => v.title.text)).toEqual(['Hello', 'Pushed']);
    applyViewSubmissionAck(fake, id, { response_action: 'errors', errors: { nope: 'Bad' } });
    applyViewSubmissionAck(fake, id, { response_action: 'update', view: modal('x'.repeat(30)) });
    expect(fake.violations).toEqual([
      `view_submission.ack: /errors/nope: 'nope' is not the block_id of an input block in view ${id}`,
      'view_submission.ack: /title/text: modal title is 30 chars (max 24)',
    ]);
    applyViewSubmissionAck(fake, id, { response_action: 'clear' });
    expect(fake.openModals()).toEqual([]);
  });
});

describe('FakeSlack posting limits (limitPosting)', () => {
  let now = 0;
  const post = (channel: string, text = 'hi') => client.chat.postMessage({ channel, text });
  const retryAfterOf = async (p: Promise<unknown>): Promise<number> => {
    const error = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    return (error as WebAPIRateLimitedError).retryAfter;
  };

  beforeAll(() => {
    fake.addChannel({ id: 'CLIM1', name: 'limited-1' });
    fake.addChannel({ id: 'CLIM2', name: 'limited-2' });
    fake.addChannel({ id: 'CLIM3', name: 'limited-3' });
  });

  it('is off by default and after reset()', async () => {
    for (let i = 0; i < 5; i += 1) await post('CLIM1');
    fake.limitPosting({ perChannelPerSecond: 1, now: () => now });
    fake.reset();
    for (let i = 0; i < 5; i += 1) await post('CLIM1');
    expect(fake.messagesIn('CLIM1')).toHaveLength(5);
    expect(fake.rateLimitedCount).toBe(0);
  });

  it('answers 429 over the per-channel rate, stores nothing, and lets other channels post', async () => {
    now = 0;
    fake.limitPosting({ perChannelPerSecond: 1, burst: 1, now: () => now });
    await post('CLIM1', 'first');
    now = 999;
    expect(await retryAfterOf(post('CLIM1', 'too soon'))).toBe(1);
    await post('CLIM2', 'elsewhere');
    now = 1000;
    await post('CLIM1', 'second');
    expect(fake.messagesIn('CLIM1').map((m) => m.text)).toEqual(['first', 'second']);
    expect(fake.callsTo('chat.postMessage').map((c) => [c.status, c.response.error])).toEqual([
      [200, undefined],
      [429, 'ratelimited'],
      [200, undefined],
      [200, undefined],
    ]);
    expect(fake.rateLimitedBy).toEqual({ channel: 1, workspace: 0, random: 0 });
  });

  it('allows a burst, then gives Retry-After from when the next slot frees up', async () => {
    now = 0;
    fake.limitPosting({ perChannelPerSecond: 0.2, burst: 3, now: () => now });
    for (let i = 0; i < 3; i += 1) await post('CLIM1');
    now = 1000;
    expect(await retryAfterOf(post('CLIM1'))).toBe(4);
    now = 4500;
    expect(await retryAfterOf(post('CLIM1'))).toBe(1);
    now = 5000;
    await post('CLIM1');
    expect(fake.messagesIn('CLIM1')).toHaveLength(4);
    expect(fake.rateLimitedCount).toBe(2);
  });

  it('caps the workspace across channels', async () => {
    now = 0;
    fake.limitPosting({ perChannelPerSecond: 1, workspacePerSecond: 2, now: () => now });
    await post('CLIM1');
    await post('CLIM2');
    expect(await retryAfterOf(post('CLIM3'))).toBe(1);
    now = 500;
    await post('CLIM3');
    expect(await retryAfterOf(post('CLIM3'))).toBe(1);
    expect(fake.rateLimitedBy).toEqual({ channel: 1, workspace: 1, random: 0 });
    expect(fake.messagesIn('CLIM3')).toHaveLength(1);
  });

  it('answers random 429s at the configured rate with retryAfterSeconds', async () => {
    const draws = [0.05, 0.5, 0.09, 0.95];
    fake.limitPosting({
      perChannelPerSecond: 100,
      burst: 100,
      random429Rate: 0.1,
      retryAfterSeconds: 5,
      random: () => draws.shift() ?? 1,
    });
    expect(await retryAfterOf(post('CLIM1', 'a'))).toBe(5);
    await post('CLIM1', 'b');
    expect(await retryAfterOf(post('CLIM1', 'c'))).toBe(5);
    await post('CLIM1', 'd');
    expect(fake.messagesIn('CLIM1').map((m) => m.text)).toEqual(['b', 'd']);
    expect(fake.rateLimitedBy).toEqual({ channel: 0, workspace: 0, random: 2 });
  });
});

describe('FakeSlack editing limits (limitUpdating)', () => {
  let now = 0;
  const edit = (channel: string, ts: string) => client.chat.update({ channel, ts, text: 'edited' });

  it('caps chat.update across the workspace at its rate per minute, after a burst', async () => {
    fake.addChannel({ id: 'CEDIT1', name: 'edit-1' });
    fake.addChannel({ id: 'CEDIT2', name: 'edit-2' });
    const [a, b] = ['CEDIT1', 'CEDIT2'].map((c) => fake.addMessage(c, { text: 'top', bot_id: fake.botId }));
    now = 0;
    fake.limitUpdating({ perMinute: 50, burst: 2, now: () => now });
    await edit('CEDIT1', a?.ts ?? '');
    await edit('CEDIT2', b?.ts ?? '');
    const refused = await edit('CEDIT1', a?.ts ?? '').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WebAPIRateLimitedError);
    expect((refused as WebAPIRateLimitedError).retryAfter).toBe(2); // 1.2 s to the next edit, in whole seconds
    now = 1200;
    await edit('CEDIT1', a?.ts ?? '');
    expect(fake.updateRateLimitedBy).toEqual({ channel: 1, workspace: 0, random: 0 });
    // Posting is not limited by it.
    await client.chat.postMessage({ channel: 'CEDIT1', text: 'hi' });
    expect(fake.rateLimitedCount).toBe(0);
  });
});

describe('message metadata, history and replies', () => {
  const metadata = { event_type: 'rapport_effect', event_payload: { key: 'ask:A1:card' } };

  it('keeps metadata and returns it from history and replies only with include_all_metadata', async () => {
    const parent = await client.chat.postMessage({ channel: 'CSHARED', text: 'card', metadata });
    await client.chat.postMessage({
      channel: 'CSHARED',
      thread_ts: parent.ts as string,
      text: 'notice',
      metadata: { event_type: 'rapport_effect', event_payload: { key: 'ask:A1:notice:2' } },
    });
    await client.chat.postMessage({ channel: 'CSHARED', text: 'later, no metadata' });

    const plain = await client.conversations.history({ channel: 'CSHARED' });
    expect(plain.messages?.map((m) => m.text)).toEqual(['later, no metadata', 'card']);
    expect(plain.messages?.some((m) => 'metadata' in m)).toBe(false);

    const rich = await client.conversations.history({ channel: 'CSHARED', include_all_metadata: true });
    expect(rich.messages?.[1]?.metadata).toEqual(metadata);
    const thread = await client.conversations.replies({
      channel: 'CSHARED',
      ts: parent.ts as string,
      include_all_metadata: true,
    });
    expect(thread.messages?.map((m) => m.metadata?.event_payload)).toEqual([
      { key: 'ask:A1:card' },
      { key: 'ask:A1:notice:2' },
    ]);
  });

  it('pages history newest first within oldest and latest', async () => {
    const posted: string[] = [];
    for (const text of ['one', 'two', 'three']) {
      posted.push((await client.chat.postMessage({ channel: 'CSHARED', text })).ts as string);
    }
    const oldest = posted[0] as string;
    const first = await client.conversations.history({ channel: 'CSHARED', oldest, limit: 1 });
    expect(first.messages?.map((m) => m.text)).toEqual(['three']);
    expect(first.has_more).toBe(true);
    const next = await client.conversations.history({
      channel: 'CSHARED',
      oldest,
      limit: 1,
      cursor: first.response_metadata?.next_cursor as string,
    });
    expect(next.messages?.map((m) => m.text)).toEqual(['two']);
    expect(next.has_more).toBe(false);
  });

  it('refuses metadata without an event type or payload, as Slack does', async () => {
    const error = await platformError(
      client.chat.postMessage({
        channel: 'CSHARED',
        text: 'x',
        metadata: { event_type: '', event_payload: {} },
      }),
    );
    expect(error.data.error).toBe('invalid_metadata_format');
  });
});
