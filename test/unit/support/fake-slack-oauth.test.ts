import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type OauthV2AccessResponse, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  FAKE_CLIENT_ID,
  FAKE_CLIENT_SECRET,
  FakeSlack,
  SlackDriver,
} from '../../../src/playground/slack-simulator/index.js';

let fake: FakeSlack;
let noToken: WebClient;
const credentials = { client_id: FAKE_CLIENT_ID, client_secret: FAKE_CLIENT_SECRET };

beforeAll(async () => {
  fake = await FakeSlack.start({ vendorTeamId: 'TVENDOR', botUserId: 'UBOT', appId: 'AAPP' });
  fake.addUser({ id: 'UADMIN', teamId: 'TACME', name: 'ada' });
  noToken = new WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
});
afterEach(() => {
  vi.useRealTimers();
  fake.setTokenRotation(null);
  fake.reset();
});
afterAll(() => fake.stop());

const client = (token: string) =>
  new WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });

/** Calls a method and returns Slack's error code ('ok' when it succeeded). */
const outcome = (token: string, method = 'auth.test') =>
  client(token)
    .apiCall(method)
    .then(
      () => 'ok',
      (e: { data?: { error?: string } }) => e.data?.error,
    );

const refresh = (refreshToken: string | undefined) =>
  noToken.oauth.v2.access({ ...credentials, grant_type: 'refresh_token', refresh_token: refreshToken ?? '' });

const install = (opts: { userScopes?: string[] } = {}): Promise<OauthV2AccessResponse> =>
  noToken.oauth.v2.access({
    ...credentials,
    code: fake.approveInstall({ teamId: 'TACME', teamName: 'Acme Corp', userId: 'UADMIN', ...opts }),
  });

describe('FakeSlack OAuth installs', () => {
  it('exchanges an approved code once, like oauth.v2.access', async () => {
    const code = fake.approveInstall({
      teamId: 'TACME',
      teamName: 'Acme Corp',
      userId: 'UADMIN',
      scopes: ['commands', 'chat:write'],
      userScopes: ['search:read'],
    });
    const res = await noToken.oauth.v2.access({ ...credentials, code });
    expect(res).toMatchObject({
      ok: true,
      app_id: 'AAPP',
      authed_user: { id: 'UADMIN', scope: 'search:read', token_type: 'user' },
      scope: 'commands,chat:write',
      token_type: 'bot',
      bot_user_id: 'UBOT',
      team: { id: 'TACME', name: 'Acme Corp' },
      enterprise: null,
      is_enterprise_install: false,
    });
    expect(res.access_token).toMatch(/^xoxb-fake-/);
    expect(res.authed_user?.access_token).toMatch(/^xoxp-fake-/);
    expect(res.refresh_token).toBeUndefined();
    expect(fake.botTokenOf('TACME')).toBe(res.access_token);
    expect(fake.tokenTeam(res.access_token ?? '')).toBe('TACME');
    await expect(noToken.oauth.v2.access({ ...credentials, code })).rejects.toMatchObject({
      data: { error: 'invalid_code' },
    });
  });

  it('answers a bot-only install with just the user id in authed_user', async () => {
    const res = await install();
    expect(res.authed_user).toEqual({ id: 'UADMIN' });
    const second = await install();
    expect(second.access_token).not.toBe(res.access_token);
    expect(fake.botTokenOf('TACME')).toBe(second.access_token);
  });

  it('refuses a wrong client id or secret, in the form or in HTTP Basic auth', async () => {
    const code = fake.approveInstall({ teamId: 'TACME', userId: 'UADMIN' });
    await expect(
      noToken.oauth.v2.access({ client_id: FAKE_CLIENT_ID, client_secret: 'nope', code }),
    ).rejects.toMatchObject({ data: { error: 'bad_client_secret' } });
    await expect(
      noToken.oauth.v2.access({ client_id: '9.9', client_secret: FAKE_CLIENT_SECRET, code }),
    ).rejects.toMatchObject({ data: { error: 'invalid_client_id' } });
    const basic = Buffer.from(`${FAKE_CLIENT_ID}:${FAKE_CLIENT_SECRET}`).toString('base64');
    const res = await fetch(`${fake.apiUrl}oauth.v2.access`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code }).toString(),
    });
    expect(await res.json()).toMatchObject({ ok: true, team: { id: 'TACME' } });
  });

  it('refuses an unknown grant type', async () => {
    await expect(
      noToken.apiCall('oauth.v2.access', { ...credentials, grant_type: 'password' }),
    ).rejects.toMatchObject({ data: { error: 'invalid_grant_type' } });
  });
});

describe('FakeSlack token rotation', () => {
  it('refreshes once per refresh token; the old access token works until it expires', async () => {
    fake.setTokenRotation(3600);
    const res = await install({ userScopes: ['search:read'] });
    expect(res).toMatchObject({ expires_in: 3600, authed_user: { expires_in: 3600 } });
    expect(res.refresh_token).toMatch(/^xoxe-1-/);
    const refreshed = await refresh(res.refresh_token);
    expect(refreshed).toMatchObject({
      ok: true,
      app_id: 'AAPP',
      token_type: 'bot',
      bot_user_id: 'UBOT',
      expires_in: 3600,
      team: { id: 'TACME', name: 'Acme Corp' },
      enterprise: null,
      is_enterprise_install: false,
    });
    expect(refreshed.access_token).not.toBe(res.access_token);
    expect(refreshed.refresh_token).not.toBe(res.refresh_token);
    await expect(refresh(res.refresh_token)).rejects.toMatchObject({
      data: { error: 'invalid_refresh_token' },
    });
    const user = await refresh(res.authed_user?.refresh_token);
    expect(user).toMatchObject({ token_type: 'user', scope: 'search:read' });
    expect(user.access_token).toMatch(/^xoxp-fake-/);

    expect(await outcome(res.access_token ?? '')).toBe('ok');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3601_000);
    expect(await outcome(res.access_token ?? '', 'users.info')).toBe('token_expired');
    expect(await outcome(refreshed.access_token ?? '')).toBe('token_expired');
  });
});

describe('FakeSlack token checks', () => {
  it('answers token_revoked after a revoke or an uninstall', async () => {
    const res = await install({ userScopes: ['search:read'] });
    const bot = res.access_token ?? '';
    const user = res.authed_user?.access_token ?? '';
    fake.revokeTokens('TACME', { user: true });
    expect(await outcome(user)).toBe('token_revoked');
    expect(await outcome(bot)).toBe('ok');
    fake.uninstall('TACME');
    expect(await outcome(bot)).toBe('token_revoked');
  });

  it('invalidates the refresh tokens of revoked tokens', async () => {
    fake.setTokenRotation(60);
    const res = await install();
    fake.uninstall('TACME');
    await expect(refresh(res.refresh_token)).rejects.toMatchObject({
      data: { error: 'invalid_refresh_token' },
    });
  });

  it('answers auth.test for the calling token’s team and user', async () => {
    const res = await install({ userScopes: ['search:read'] });
    expect(await client(res.access_token ?? '').auth.test()).toMatchObject({
      url: 'https://acme-corp.slack.com/',
      team: 'Acme Corp',
      team_id: 'TACME',
      user_id: 'UBOT',
      bot_id: expect.any(String),
      is_enterprise_install: false,
    });
    const asUser = await client(res.authed_user?.access_token ?? '').auth.test();
    expect(asUser).toMatchObject({ team_id: 'TACME', user_id: 'UADMIN', user: 'ada' });
    expect(asUser.bot_id).toBeUndefined();
    expect(await client('xoxb-legacy').auth.test()).toMatchObject({ team_id: 'TVENDOR', user_id: 'UBOT' });
  });

  it('refuses a token that looks issued but never was, and keeps legacy tokens working', async () => {
    expect(await outcome('xoxb-fake-TACME-forged')).toBe('invalid_auth');
    expect(await outcome('xoxp-fake-TACME-forged')).toBe('invalid_auth');
    expect(await outcome('xoxb-test')).toBe('ok');
    expect(fake.tokenTeam('xoxb-test')).toBe('TVENDOR');
    expect(fake.callsTo('auth.test').map((c) => c.token)).toContain('xoxb-test');
  });

  it('still answers not_authed without a token', async () => {
    await expect(noToken.auth.test()).rejects.toMatchObject({ data: { error: 'not_authed' } });
  });
});

describe('SlackDriver for another installing workspace', () => {
  it('speaks as the installation of installTeamId; the user keeps their own team', async () => {
    await install();
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const driver = new SlackDriver({ appUrl, signingSecret: 's', fake, installTeamId: 'TACME' });
    const vendorUser = { id: 'UALICE', teamId: 'TVENDOR' };
    try {
      await driver.event({ event: { type: 'app_mention' } });
      await driver.blockAction({ user: vendorUser, channelId: 'C1', actions: [{ action_id: 'a' }] });
      await driver.command({ user: { id: 'UADMIN', teamId: 'TACME' }, channelId: 'C1', text: '' });
      await expect(driver.command({ user: vendorUser, channelId: 'C1', text: '' })).rejects.toThrow(
        /not shared/,
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const [event, action, command] = bodies;
    expect(JSON.parse(event ?? '{}')).toMatchObject({
      team_id: 'TACME',
      context_team_id: 'TACME',
      authorizations: [{ team_id: 'TACME' }],
    });
    expect(JSON.parse(new URLSearchParams(action).get('payload') ?? '{}')).toMatchObject({
      team: { id: 'TACME', domain: 'acme-corp' },
      user: { id: 'UALICE', team_id: 'TVENDOR' },
    });
    expect(Object.fromEntries(new URLSearchParams(command))).toMatchObject({
      team_id: 'TACME',
      team_domain: 'acme-corp',
    });
  });
});
