import { describe, expect, it } from 'vitest';
import type { AskCount } from '../../../src/domain/ports.js';
import { createLogger } from '../../../src/logger.js';
import { createRapportMetrics } from '../../../src/metrics/rapport-metrics.js';

function metricsWith(countAsks: () => Promise<AskCount[]>) {
  const logs: string[] = [];
  const metrics = createRapportMetrics({ countAsks, logger: createLogger('debug', (l) => logs.push(l)) });
  return { metrics, logs };
}

const value = async (text: Promise<string>, line: string) =>
  (await text).split('\n').find((l) => l.startsWith(`${line} `));

describe('createRapportMetrics', () => {
  it('counts the asks at each scrape, every known status of every kind included at 0', async () => {
    let counts: AskCount[] = [{ kind: 'help', status: 'open', count: 4 }];
    const { metrics } = metricsWith(async () => counts);
    const scrape = () => metrics.registry.metrics();
    expect(await value(scrape(), 'rapport_asks{kind="help",status="open"}')).toBe(
      'rapport_asks{kind="help",status="open"} 4',
    );
    expect(await value(scrape(), 'rapport_asks{kind="enhancement",status="shipped"}')).toMatch(/ 0$/);
    expect(await value(scrape(), 'rapport_asks{kind="vendor",status="waiting_on_vendor"}')).toMatch(/ 0$/);
    // No status of one kind is reported for another.
    expect(await value(scrape(), 'rapport_asks{kind="help",status="shipped"}')).toBeUndefined();

    counts = [{ kind: 'help', status: 'resolved', count: 4 }];
    expect(await value(scrape(), 'rapport_asks{kind="help",status="open"}')).toMatch(/ 0$/);
    expect(await value(scrape(), 'rapport_asks{kind="help",status="resolved"}')).toMatch(/ 4$/);
  });

  it('still answers the scrape when the store does not, without stale ask counts', async () => {
    let fail = false;
    const { metrics, logs } = metricsWith(async () => {
      if (fail) throw new Error('store is down');
      return [{ kind: 'help', status: 'open', count: 2 }];
    });
    await metrics.registry.metrics();
    fail = true;
    const text = await metrics.registry.metrics();
    expect(text).not.toMatch(/^rapport_asks\{/m);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(logs.some((l) => l.includes('asks could not be counted') && l.includes('store is down'))).toBe(
      true,
    );
  });

  it('records sweeps, digest posts, Slack failures and request timings under their labels', async () => {
    const { metrics } = metricsWith(async () => []);
    metrics.reminderMessage('user', 'sent');
    metrics.reminderMessage('user', 'sent');
    metrics.reminderMessage('channel', 'sent');
    metrics.reminderMessage('user', 'failed');
    metrics.digestPost('customer', 'posted');
    metrics.digestPost('internal', 'lost');
    metrics.slackError('chat.update', 'message_not_found');
    metrics.slackRateLimited('chat.postMessage');
    metrics.acked('view_submission', 0.04);
    metrics.handled('view_submission', 1.2);
    const scrape = () => metrics.registry.metrics();

    expect(await value(scrape(), 'rapport_nags_sent_total{recipient="user"}')).toMatch(/ 2$/);
    expect(await value(scrape(), 'rapport_nags_sent_total{recipient="channel"}')).toMatch(/ 1$/);
    expect(await value(scrape(), 'rapport_nags_failed_total{recipient="user"}')).toMatch(/ 1$/);
    expect(await value(scrape(), 'rapport_nags_failed_total{recipient="channel"}')).toMatch(/ 0$/);
    // Known label sets are there before anything happened.
    expect(
      await value(scrape(), 'rapport_digest_messages_total{audience="customer",outcome="lost"}'),
    ).toMatch(/ 0$/);
    expect(
      await value(scrape(), 'rapport_digest_messages_total{audience="customer",outcome="posted"}'),
    ).toMatch(/ 1$/);
    expect(
      await value(scrape(), 'rapport_digest_messages_total{audience="internal",outcome="lost"}'),
    ).toMatch(/ 1$/);
    expect(
      await value(scrape(), 'rapport_slack_api_errors_total{method="chat.update",error="message_not_found"}'),
    ).toMatch(/ 1$/);
    expect(await value(scrape(), 'rapport_slack_rate_limited_total{method="chat.postMessage"}')).toMatch(
      / 1$/,
    );
    expect(
      await value(scrape(), 'rapport_slack_ack_duration_seconds_bucket{le="0.025",kind="view_submission"}'),
    ).toMatch(/ 0$/);
    expect(
      await value(scrape(), 'rapport_slack_ack_duration_seconds_bucket{le="0.05",kind="view_submission"}'),
    ).toMatch(/ 1$/);
    expect(
      await value(scrape(), 'rapport_slack_request_duration_seconds_sum{kind="view_submission"}'),
    ).toMatch(/ 1.2$/);
  });

  it('counts a job’s skipped ticks apart from its workspace runs', async () => {
    const { metrics } = metricsWith(async () => []);
    metrics.jobRun('digests', 'skipped');
    metrics.jobTickSkipped('digests');
    metrics.jobTickSkipped('digests');
    const scrape = () => metrics.registry.metrics();
    expect(await value(scrape(), 'rapport_job_ticks_skipped_total{job="digests"}')).toMatch(/ 2$/);
    expect(
      await value(scrape(), 'rapport_job_workspace_runs_total{job="digests",outcome="skipped"}'),
    ).toMatch(/ 1$/);
  });

  it('keeps each instance’s figures to itself', async () => {
    const a = metricsWith(async () => []).metrics;
    const b = metricsWith(async () => []).metrics;
    a.slackRateLimited('chat.postMessage');
    expect(
      await value(b.registry.metrics(), 'rapport_slack_rate_limited_total{method="chat.postMessage"}'),
    ).toBe(undefined);
  });
});
