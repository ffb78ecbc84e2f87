import { describe, expect, it } from 'vitest';
import { acmeForEachTest, raiseHelpRequest } from '../support/flows.js';
import { channels, type Harness, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import type { TestClock } from '../support/test-clock.js';

// Monday 23 November 2026, before Acme's working day (08:00–16:00 UTC). Its default digest slot is
// Mondays 09:00 Europe/Berlin: 08:00 UTC today.
const MONDAY = '2026-11-23';
const DIGEST_SLOT = `${MONDAY}T08:00:00Z`;

type Labels = Record<string, string>;

/** The value of the sample `name` whose labels include `labels`, from Prometheus' text format; undefined when absent. */
function sample(text: string, name: string, labels: Labels = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

interface LogLine {
  msg: string;
  level: string;
  requestId?: string;
  requestKind?: string;
  eventId?: string;
  [field: string]: unknown;
}

describe.each(storeKinds())('metrics and request logs end to end ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;
  acmeForEachTest(kind, `${MONDAY}T07:30:00Z`, (started, startedClock) => {
    h = started;
    clock = startedClock;
  });

  const scrape = async (): Promise<string> => {
    const res = await fetch(`http://127.0.0.1:${h.rapport.port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return res.text();
  };
  const acks = (text: string, requestKind: string) =>
    sample(text, 'rapport_slack_ack_duration_seconds_count', { kind: requestKind }) ?? 0;
  const logLines = () => h.logs.map((l) => JSON.parse(l) as LogLine);

  it('times every acknowledgement by kind and counts the asks by status when scraped', async () => {
    const before = await scrape();
    expect(before).toContain('# HELP rapport_slack_ack_duration_seconds ');
    expect(before).toContain('# TYPE rapport_slack_ack_duration_seconds histogram');
    expect(sample(before, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(before, 'rapport_asks', { kind: 'help', status: 'open' })).toBe(0);
    // Setting Acme up took a command and a form.
    expect(acks(before, 'command')).toBeGreaterThanOrEqual(1);

    clock.set(`${MONDAY}T08:00:00Z`);
    await raiseHelpRequest(h, people.alice, 'Checkout is down', 'urgent');
    await raiseHelpRequest(h, people.alice, 'Export to CSV', 'normal');
    await h.driver.userMessage({ user: people.carol, channelId: channels.shared, text: 'Any news?' });
    await h.rapport.settled();

    const after = await scrape();
    expect(acks(after, 'command') - acks(before, 'command')).toBe(2);
    expect(acks(after, 'view_submission') - acks(before, 'view_submission')).toBe(2);
    expect(acks(after, 'event') - acks(before, 'event')).toBe(1);
    // Every acknowledgement fell in a bucket under Slack's 3 s.
    const viewSubmissions = acks(after, 'view_submission');
    expect(
      sample(after, 'rapport_slack_ack_duration_seconds_bucket', { kind: 'view_submission', le: '3' }),
    ).toBe(viewSubmissions);
    expect(
      sample(after, 'rapport_slack_request_duration_seconds_count', { kind: 'event' }),
    ).toBeGreaterThanOrEqual(1);
    expect(logLines().filter((l) => l.msg === 'slack request finished' && l.ackMs === null)).toEqual([]);
    expect(sample(after, 'rapport_asks', { kind: 'help', status: 'open' })).toBe(2);
    expect(sample(after, 'rapport_asks', { kind: 'enhancement', status: 'submitted' })).toBe(0);

    // Counted at each scrape, from the store: a change made there shows at once.
    const [ask] = await h.rapport.store.asks.findByRef('ACME-1');
    if (!ask) throw new Error('ACME-1 was not stored');
    await h.rapport.store.asks.replace({ ...ask, status: 'resolved', version: ask.version + 1 }, ask.version);
    const later = await scrape();
    expect(sample(later, 'rapport_asks', { kind: 'help', status: 'open' })).toBe(1);
    expect(sample(later, 'rapport_asks', { kind: 'help', status: 'resolved' })).toBe(1);
  });

  it('counts the reminders the nag sweep sends, and those Slack refuses', async () => {
    clock.set(`${MONDAY}T08:00:00Z`);
    await raiseHelpRequest(h, people.alice, 'Checkout is down', 'urgent');
    await raiseHelpRequest(h, people.alice, 'Login fails for everyone', 'urgent');
    expect(sample(await scrape(), 'rapport_nags_sent_total', { recipient: 'user' })).toBe(0);
    const sweep = async () => {
      await h.rapport.runJob('reminders');
      await h.rapport.settled();
    };

    clock.set(`${MONDAY}T09:05:00Z`); // both are overdue: alice is due one message listing them
    h.fake.failNext('chat.postMessage', 'internal_error');
    await sweep();
    const failed = await scrape();
    expect(sample(failed, 'rapport_nags_failed_total', { recipient: 'user' })).toBe(1);
    expect(sample(failed, 'rapport_nags_sent_total', { recipient: 'user' })).toBe(0);

    clock.set(`${MONDAY}T09:11:00Z`); // past the sweep's lease: tried again
    await sweep();
    expect(h.fake.dmsTo(people.alice.id)).toHaveLength(1);
    const sent = await scrape();
    expect(sample(sent, 'rapport_nags_sent_total', { recipient: 'user' })).toBe(1);
    expect(sample(sent, 'rapport_nags_failed_total', { recipient: 'user' })).toBe(1);
  });

  it('counts digests posted by audience, and the 429s Slack answered the digest poster', async () => {
    clock.set(DIGEST_SLOT);
    h.fake.rateLimitNext('chat.postMessage', 30);
    await h.rapport.runJob('digests');
    await h.rapport.settled();

    const text = await scrape();
    expect(sample(text, 'rapport_slack_rate_limited_total', { method: 'chat.postMessage' })).toBe(1);
    expect(sample(text, 'rapport_digest_messages_total', { audience: 'customer', outcome: 'posted' })).toBe(
      1,
    );
    expect(sample(text, 'rapport_digest_messages_total', { audience: 'internal', outcome: 'posted' })).toBe(
      1,
    );
  });

  it('counts a digest Slack refuses, with the error by method', async () => {
    clock.set(DIGEST_SLOT);
    h.fake.failNext('chat.postMessage', 'channel_not_found');
    await h.rapport.runJob('digests');
    await h.rapport.settled();

    const text = await scrape();
    expect(
      sample(text, 'rapport_slack_api_errors_total', {
        method: 'chat.postMessage',
        error: 'channel_not_found',
      }),
    ).toBe(1);
    expect(sample(text, 'rapport_digest_messages_total', { audience: 'customer', outcome: 'failed' })).toBe(
      1,
    );
    expect(sample(text, 'rapport_digest_messages_total', { audience: 'internal', outcome: 'posted' })).toBe(
      1,
    );
  });

  it('names every log line of a request by its id, the failure of a listener and its Slack error included', async () => {
    h.fake.failNext('views.open', 'expired_trigger_id');
    const { responseUrl } = await h.driver.command({
      user: people.alice,
      channelId: channels.shared,
      text: 'ask Checkout is down',
    });
    await h.fake.waitForCall('response_url', (c) => responseUrl.endsWith(`/${String(c.args.responseUrlId)}`));
    await h.rapport.settled();
    // The listener's client is one Bolt makes per team: its failed call is counted too.
    const text = await scrape();
    expect(
      sample(text, 'rapport_slack_api_errors_total', { method: 'views.open', error: 'expired_trigger_id' }),
    ).toBe(1);

    const failed = logLines().find((l) => l.msg === 'listener failed');
    expect(String(failed?.error)).toContain('expired_trigger_id');
    const requestId = failed?.requestId;
    expect(requestId).toEqual(expect.any(String));
    const lines = logLines().filter((l) => l.requestId === requestId);
    expect(lines.map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        'slack request received',
        'slack request acknowledged',
        'listener failed',
        'slack request finished',
      ]),
    );
    expect(lines.every((l) => l.requestKind === 'command' && l.command === '/rapport')).toBe(true);

    // An event's lines carry Slack's event id; a second delivery of it is a request of its own.
    const { eventId } = await h.driver.userMessage({
      user: people.carol,
      channelId: channels.shared,
      text: 'Any news?',
    });
    await h.rapport.settled();
    await h.driver.event({
      eventId,
      retryNum: 1,
      event: {
        type: 'message',
        channel: channels.shared,
        user: people.carol.id,
        text: 'Any news?',
        ts: '1.1',
      },
    });
    await h.rapport.settled();
    await scrape(); // every line of both deliveries is written by the time another request is answered
    const deliveries = logLines().filter((l) => l.eventId === eventId && l.msg === 'slack request received');
    expect(deliveries).toHaveLength(2);
    const [first, retry] = deliveries.map((l) => l.requestId);
    expect(first).not.toBe(retry);
    expect(logLines().find((l) => l.requestId === retry && l.retryNum === 1)).toBeDefined();
    expect(
      logLines().find((l) => l.msg === 'duplicate event delivery skipped' && l.requestId === retry),
    ).toBeDefined();
  });
});
