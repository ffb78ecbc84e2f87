import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueStatus, type StatusMap } from '../../../src/domain/trackers/status-mapping.js';
import { TrackerRefusal, TrackerUnavailable } from '../../../src/domain/trackers/tracker.js';
import { parseLinearKey } from '../../../src/integrations/linear/linear-issue-key.js';
import { LINEAR_STATES } from '../../../src/integrations/linear/linear-states.js';
import { linearTracker, stableLinearId } from '../../../src/integrations/linear/linear-tracker.js';
import { FakeLinear, LINEAR_API_KEY } from '../../support/fake-linear/index.js';
import { TestClock } from '../../support/test-clock.js';

describe('Linear', () => {
  it('reads issue keys and linear.app addresses, upper-cased, and nothing else', () => {
    expect(parseLinearKey('eng-12')).toBe('ENG-12');
    expect(parseLinearKey('https://linear.app/acme/issue/ENG-12/bulk-export')).toBe('ENG-12');
    expect(parseLinearKey('https://linear.app/acme/issue/eng-3')).toBe('ENG-3');
    for (const text of [
      'https://evil.example.com/acme/issue/ENG-1/x',
      'https://linear.app/acme/project/ENG-1',
      'acme/app#12',
      'ENG-',
      '12-ENG',
      'javascript:alert(1)',
    ]) {
      expect(parseLinearKey(text), text).toBeNull();
    }
  });

  it('maps state types to phases: canceled declines in plain words, a duplicate and unknown types move nothing', () => {
    const status = (type: string, overrides: StatusMap = {}) => issueStatus(LINEAR_STATES, overrides, type);
    expect(['triage', 'backlog', 'unstarted'].map((t) => status(t)?.phase)).toEqual(['open', 'open', 'open']);
    expect(status('started')?.phase).toBe('started');
    expect(status('completed')?.phase).toBe('completed');
    expect(status('canceled')).toEqual({ phase: 'declined', label: 'canceled' });
    expect(status('duplicate')).toBeNull();
    expect(status('archived')).toBeNull();
    expect(status('canceled', { canceled: null })).toBeNull();
    expect(status('duplicate', { duplicate: 'declined' })).toEqual({
      phase: 'declined',
      label: 'marked as a duplicate',
    });
  });

  it('derives one UUID-shaped id per marker, so a retry creates under the same id', () => {
    const id = stableLinearId('rapport-ask:a1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableLinearId('rapport-ask:a1')).toBe(id);
    expect(stableLinearId('rapport-ask:a2')).not.toBe(id);
  });

  describe('failures over HTTP', () => {
    const clock = new TestClock('2026-12-01T10:00:00Z');
    let linear: FakeLinear;
    beforeEach(async () => {
      linear = await FakeLinear.start();
      linear.now = () => clock.now();
      linear.workspace.addTeam('ENG');
      linear.workspace.openIssue('ENG', 'Bulk export');
    });
    afterEach(() => linear.stop());
    const tracker = (apiKey = LINEAR_API_KEY) =>
      linearTracker({ apiKey, apiUrl: linear.apiUrl, statusMap: {} }, { clock });

    it('waits out RATELIMITED until Linear’s reset, and retries a 5xx soon', async () => {
      linear.failNext('*', { rateLimitedForMs: 25 * 60_000 });
      const limited = await tracker()
        .read('ENG-1')
        .catch((error: unknown) => error);
      expect(limited).toBeInstanceOf(TrackerUnavailable);
      expect((limited as TrackerUnavailable).retryAfterMs).toBe(25 * 60_000);

      clock.advance(26);
      linear.failNext('*', { status: 503 });
      const down = await tracker()
        .read('ENG-1')
        .catch((error: unknown) => error);
      expect(down).toBeInstanceOf(TrackerUnavailable);
      expect((down as TrackerUnavailable).retryAfterMs).toBe(0);
      expect((await tracker().read('ENG-1'))?.key).toBe('ENG-1');
    });

    it('refuses a bad key, a member without access and an unknown team in plain words', async () => {
      const badKey = await tracker('lin_api_wrong_key_0000')
        .read('ENG-1')
        .catch((error: unknown) => error);
      expect(badKey).toBeInstanceOf(TrackerRefusal);
      expect((badKey as Error).message).toContain('set a valid LINEAR_API_KEY');

      linear.failNext('*', { code: 'FORBIDDEN', message: 'You do not have access to this team' });
      const forbidden = await tracker()
        .read('ENG-1')
        .catch((error: unknown) => error);
      expect((forbidden as Error).message).toBe(
        'Linear refused: the API key’s member may not do this in the team (check their access to it). Linear said: You do not have access to this team',
      );

      const draft = {
        kind: 'enhancement' as const,
        title: 'x',
        body: 'y',
        labels: [],
        reference: 'ACME-1',
        marker: 'rapport-ask:a1',
      };
      const noTeam = await tracker()
        .create('OPS', draft)
        .catch((error: unknown) => error);
      expect((noTeam as Error).message).toContain('Linear has no team OPS');
      expect(await tracker().read('ENG-7')).toBeNull();
    });
  });
});
