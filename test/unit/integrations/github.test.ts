import { describe, expect, it } from 'vitest';
import {
  describeStatusMap,
  issueStatus,
  parseStatusMap,
} from '../../../src/domain/trackers/status-mapping.js';
import { TrackerRefusal, TrackerUnavailable } from '../../../src/domain/trackers/tracker.js';
import { classifyGithubFailure } from '../../../src/integrations/github/github-failure.js';
import { GITHUB_STATES, githubState } from '../../../src/integrations/github/github-states.js';
import { parseIssueKey } from '../../../src/integrations/github/issue-key.js';
import { hasValidSignature } from '../../../src/integrations/webhook-request.js';
import { signGithub } from '../../support/fake-github/index.js';
import { TestClock } from '../../support/test-clock.js';

const httpError = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), { status, response: { headers } });

describe('GitHub', () => {
  it('reads issue keys and web addresses (github.com or the Enterprise host), lower-cased, and nothing else', () => {
    expect(parseIssueKey('Acme/App#12', 'github.com')).toBe('acme/app#12');
    expect(parseIssueKey('https://github.com/acme/app/issues/12', 'github.com')).toBe('acme/app#12');
    expect(parseIssueKey('https://ghe.example.com/acme/app/issues/3/', 'ghe.example.com')).toBe('acme/app#3');
    for (const text of [
      'https://evil.example.com/acme/app/issues/1',
      'https://github.com/acme/app/pull/4',
      'acme/app#x',
      'ACME-12',
      'javascript:alert(1)',
    ]) {
      expect(parseIssueKey(text, 'github.com'), text).toBeNull();
    }
  });

  it('maps open, closed as completed, not planned and duplicate to phases by default', () => {
    const phaseOf = (issue: { state: string; state_reason: string | null }) =>
      issueStatus(GITHUB_STATES, {}, githubState(issue))?.phase ?? null;
    expect(phaseOf({ state: 'open', state_reason: 'reopened' })).toBe('open');
    expect(phaseOf({ state: 'closed', state_reason: 'completed' })).toBe('completed');
    expect(phaseOf({ state: 'closed', state_reason: null })).toBe('completed');
    expect(phaseOf({ state: 'closed', state_reason: 'not_planned' })).toBe('declined');
    expect(phaseOf({ state: 'closed', state_reason: 'duplicate' })).toBeNull();
  });

  it('changes the default phases by a mapping, and refuses unknown states and phases', () => {
    const parsed = parseStatusMap(GITHUB_STATES, 'duplicate = declined\nnot_planned=ignore');
    expect(parsed).toEqual({ ok: true, map: { duplicate: 'declined', not_planned: null } });
    const map = parsed.ok ? parsed.map : {};
    expect(issueStatus(GITHUB_STATES, map, 'duplicate')).toEqual({
      phase: 'declined',
      label: 'closed as a duplicate',
    });
    expect(issueStatus(GITHUB_STATES, map, 'not_planned')).toBeNull();
    expect(issueStatus(GITHUB_STATES, map, 'completed')?.phase).toBe('completed');
    expect(describeStatusMap(GITHUB_STATES, map)).toBe(
      'open=open, completed=completed, not_planned=ignore, duplicate=declined',
    );
    expect(parseStatusMap(GITHUB_STATES, 'wontfix=declined')).toEqual({
      ok: false,
      message: 'wontfix is not a state here: use open, completed, not_planned, duplicate.',
    });
    expect(parseStatusMap(GITHUB_STATES, 'completed=shipped')).toEqual({
      ok: false,
      message: 'shipped is not a phase: use open, started, completed, declined, ignore.',
    });
    expect(parseStatusMap(GITHUB_STATES, 'completed')).toMatchObject({ ok: false });
  });

  it('retries rate limits and server trouble after GitHub’s wait, and refuses the rest for good', () => {
    const clock = new TestClock('2026-12-01T10:00:00Z');
    const limited = classifyGithubFailure(httpError(429, { 'retry-after': '120' }), clock);
    expect(limited).toBeInstanceOf(TrackerUnavailable);
    expect((limited as TrackerUnavailable).retryAfterMs).toBe(120_000);
    const reset = String(clock.now().getTime() / 1000 + 900);
    const exhausted = classifyGithubFailure(
      httpError(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }),
      clock,
    );
    expect((exhausted as TrackerUnavailable).retryAfterMs).toBe(900_000);
    expect(classifyGithubFailure(httpError(502), clock)).toBeInstanceOf(TrackerUnavailable);
    expect(classifyGithubFailure(new TypeError('fetch failed'), clock)).toBeInstanceOf(TrackerUnavailable);
    const refused = classifyGithubFailure(httpError(401), clock);
    expect(refused).toBeInstanceOf(TrackerRefusal);
    expect(refused.message).toContain('set a valid GITHUB_TOKEN');
    expect(classifyGithubFailure(httpError(403), clock)).toBeInstanceOf(TrackerRefusal);
  });

  it('accepts only the HMAC-SHA256 of the exact body under the secret', () => {
    const body = Buffer.from('{"action":"closed"}');
    const secret = 'github-webhook-secret-0123456789';
    expect(hasValidSignature(signGithub(body.toString(), secret), body, secret)).toBe(true);
    expect(hasValidSignature(signGithub(body.toString(), 'another-secret-000000'), body, secret)).toBe(false);
    expect(hasValidSignature(signGithub('{"action":"opened"}', secret), body, secret)).toBe(false);
    expect(
      hasValidSignature(signGithub(body.toString(), secret).replace('sha256=', 'sha1='), body, secret),
    ).toBe(false);
    expect(hasValidSignature(undefined, body, secret)).toBe(false);
    expect(hasValidSignature('sha256=', body, secret)).toBe(false);
  });
});
