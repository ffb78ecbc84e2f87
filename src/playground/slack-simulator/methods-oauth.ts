/** oauth.v2.access: exchanging an approved install's code for tokens, and refreshing rotating tokens. */
import { fail, type Handler, ok } from './method-kit.js';
import type { CallRecorder } from './recorder.js';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type Grant } from './token-registry.js';
import type { CallArgs, MethodResult } from './types.js';

/** Methods Slack serves without a token: the app proves itself with its client id and secret. */
export const TOKENLESS_METHODS = new Set(['oauth.v2.access']);

/** client_id / client_secret from the form, else from HTTP Basic auth (Slack accepts either). */
function credentials(args: CallArgs, authorization: string | undefined): { id: unknown; secret: unknown } {
  if (args.client_id !== undefined || authorization?.startsWith('Basic ') !== true) {
    return { id: args.client_id, secret: args.client_secret };
  }
  const decoded = Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0
    ? { id: decoded, secret: undefined }
    : { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

const teamOf = (fake: CallRecorder, teamId: string) => ({ id: teamId, name: fake.teamName(teamId) });

const installation = { enterprise: null, is_enterprise_install: false };

function exchange(fake: CallRecorder, code: unknown): MethodResult {
  const install = typeof code === 'string' ? fake.redeemCode(code) : undefined;
  if (install === undefined) return fail('invalid_code');
  const bot = fake.issue(install, 'bot');
  const user: Grant | undefined = install.userScopes.length > 0 ? fake.issue(install, 'user') : undefined;
  return ok({
    app_id: fake.appId,
    authed_user: {
      id: install.userId,
      ...(user === undefined
        ? {}
        : {
            scope: user.issued.scopes.join(','),
            access_token: user.issued.token,
            token_type: 'user',
            ...user.rotation,
          }),
    },
    scope: bot.issued.scopes.join(','),
    token_type: 'bot',
    access_token: bot.issued.token,
    bot_user_id: fake.botUserId,
    ...bot.rotation,
    team: teamOf(fake, install.teamId),
    ...installation,
  });
}

function refresh(fake: CallRecorder, refreshToken: unknown): MethodResult {
  const grant = typeof refreshToken === 'string' ? fake.refresh(refreshToken) : undefined;
  if (grant === undefined) return fail('invalid_refresh_token');
  const { issued } = grant;
  return ok({
    app_id: fake.appId,
    access_token: issued.token,
    ...grant.rotation,
    token_type: issued.kind,
    scope: issued.scopes.join(','),
    ...(issued.kind === 'bot' ? { bot_user_id: fake.botUserId } : {}),
    team: teamOf(fake, issued.teamId),
    ...installation,
  });
}

const access: Handler = (args, { fake, authorization }) => {
  const { id, secret } = credentials(args, authorization);
  if (id !== FAKE_CLIENT_ID) return fail('invalid_client_id');
  if (secret !== FAKE_CLIENT_SECRET) return fail('bad_client_secret');
  const grantType = args.grant_type ?? 'authorization_code';
  if (grantType === 'authorization_code') return exchange(fake, args.code);
  if (grantType === 'refresh_token') return refresh(fake, args.refresh_token);
  return fail('invalid_grant_type');
};

export const oauthHandlers: Record<string, Handler> = { 'oauth.v2.access': access };
