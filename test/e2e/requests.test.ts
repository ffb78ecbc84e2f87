import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, people, startHarness } from '../support/rapport-harness.js';
import { tempDataDir } from '../support/stores.js';

/** Requests that did not come from Slack, or not recently, must have no effect at all. */
describe('request verification', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ dataDir: tempDataDir() });
  });
  afterEach(() => h.stop());

  const command = (responseUrl: string, triggerId: string) =>
    new URLSearchParams({
      team_id: people.alice.teamId,
      channel_id: 'CSHARED01',
      user_id: people.alice.id,
      command: '/rapport',
      text: 'setup',
      response_url: responseUrl,
      trigger_id: triggerId,
    }).toString();

  it.each([
    ['unsigned', { unsigned: true }],
    ['badly signed', { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' }],
    ['replayed with a 10-minute-old timestamp', { timestamp: Math.floor(Date.now() / 1000) - 600 }],
  ])('refuses a %s request without acting on it', async (_name, variant) => {
    const res = await h.driver.sendRaw({
      body: command(h.fake.responseUrl(), h.fake.issueTriggerId()),
      contentType: 'application/x-www-form-urlencoded',
      ...variant,
    });
    expect(res.status).toBe(401);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('answers a malformed interaction payload with an error status, and keeps serving', async () => {
    const res = await h.driver.sendRaw({
      body: 'payload=%7Bnot-json',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const ok = await h.driver.command({ user: people.alice, channelId: 'CSHARED01', text: 'help' });
    expect(ok.status).toBe(200);
    await h.fake.waitForCall('response_url');
  });
});
