import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import {
  CONNECT_SCOPES,
  EXPLANATIONS,
  explainRefusal,
  refusalFrom,
  slackErrorOf,
} from '../../../src/slack/connect/slack-refusals.js';

/** The refusals issue 7 names: each must be explained in its own words, with what an admin changes. */
const NAMED = [
  'restricted_action',
  'not_paid',
  'no_external_invite_permission',
  'not_in_channel',
  'invalid_email',
  'too_many_emails',
  'channel_not_found',
  'missing_scope',
  'ratelimited',
  'name_taken',
  'invalid_name_specials',
  'invalid_name_maxlength',
  'invalid_name_punctuation',
  'invalid_name_required',
];
const platformError = (error: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`An API error occurred: ${error}`), {
    code: ErrorCode.PlatformError,
    data: { ok: false, error, ...extra },
  });

describe('Slack refusals in plain words', () => {
  it.each(NAMED)('%s: its own words and what to change', (code) => {
    const refusal = explainRefusal(code, CONNECT_SCOPES.invite);
    const generic = explainRefusal('some_unknown_code', CONNECT_SCOPES.invite);
    expect(refusal.code).toBe(code);
    expect(refusal.what.length).toBeGreaterThan(20);
    expect(refusal.fix.length).toBeGreaterThan(10);
    expect(refusal.what).not.toBe(generic.what.replace('some_unknown_code', code));
    expect(refusal.what).not.toContain(code); // words, not the code
  });

  it('says which setting or plan an admin must change for the workspace-level refusals', () => {
    expect(explainRefusal('restricted_action', '').fix).toMatch(/admin.*Slack Connect/i);
    expect(explainRefusal('not_paid', '').what).toMatch(/paid Slack plan/);
    expect(explainRefusal('not_paid', '').fix).toMatch(/upgrades/);
    expect(explainRefusal('no_external_invite_permission', '').fix).toMatch(/admin grants permission/i);
    expect(explainRefusal('not_in_channel', '').fix).toContain('/invite @Rapport');
    expect(explainRefusal('ratelimited', '').fix).toMatch(/wait a minute/);
  });

  it('names the missing scope: the one Slack names, else the ones the call needs', () => {
    expect(
      explainRefusal('missing_scope', CONNECT_SCOPES.invite, 'conversations.connect:write').what,
    ).toContain('conversations.connect:write');
    expect(explainRefusal('missing_scope', CONNECT_SCOPES.create).what).toContain(
      'channels:manage (public channels) or groups:write (private channels)',
    );
    expect(explainRefusal('missing_scope', CONNECT_SCOPES.create).fix).toMatch(/reinstalls/);
  });

  it('falls back to naming the code for anything else', () => {
    expect(explainRefusal('team_added_to_org', CONNECT_SCOPES.invite)).toEqual({
      code: 'team_added_to_org',
      what: 'Slack refused with the error “team_added_to_org”.',
      fix: 'Look the error up in Slack’s API documentation, or ask a Slack admin; then try again.',
    });
    expect(Object.hasOwn(EXPLANATIONS, 'toString')).toBe(false);
    expect(explainRefusal('toString', '').what).toContain('“toString”');
  });

  it('reads the code from whatever the Web API client threw', () => {
    expect(slackErrorOf(platformError('missing_scope', { needed: 'groups:write' }))).toEqual({
      code: 'missing_scope',
      needed: 'groups:write',
    });
    expect(slackErrorOf({ code: ErrorCode.RateLimitedError, retryAfter: 30 }).code).toBe('ratelimited');
    expect(slackErrorOf({ code: ErrorCode.RequestError }).code).toBe('unreachable');
    expect(slackErrorOf({ code: ErrorCode.HTTPError, statusCode: 503 }).code).toBe('unreachable');
    expect(slackErrorOf(new Error('boom')).code).toBe('unexpected_error');
    expect(slackErrorOf(undefined).code).toBe('unexpected_error');
    expect(refusalFrom(platformError('not_paid'), CONNECT_SCOPES.invite).what).toMatch(/paid Slack plan/);
  });
});
