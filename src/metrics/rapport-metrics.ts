import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Side } from '../domain/actors.js';
import type { AskKind, AskStatus } from '../domain/asks/ask.js';
import { LIFECYCLES } from '../domain/asks/lifecycle.js';
import { LIMITED_ACTIONS, type LimitedAction } from '../domain/limits/person-limits.js';
import type { AskCount } from '../domain/ports.js';
import type { WorkspaceRunOutcome } from '../jobs/scheduler.js';
import { type AppLogger, errorFields } from '../logger.js';
import type { RequestKind } from '../slack/bolt/describe-request.js';
import type { RequestObserver } from '../slack/bolt/traced-app.js';
import type { DigestPostOutcome } from '../slack/digests/publish-digests.js';
import type { ReminderOutcome } from '../slack/reminders/send-reminders.js';
import type { SlackCallObserver } from './slack-fetch.js';

/** Ack deadlines are 3 s: fine steps up to it, one beyond to see how late the late ones are. */
const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5];
/** Listener work goes on after the ack (Slack calls, the store): seconds to tens of seconds. */
const HANDLING_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** A minute job's tick should end well within its minute; beyond it, how far. */
const TICK_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 20, 30, 45, 60, 120, 300];

export interface RapportMetrics extends RequestObserver, SlackCallObserver {
  /** This instance's registry: what /metrics exposes. */
  readonly registry: Registry;
  reminderMessage(recipient: 'user' | 'channel', outcome: ReminderOutcome): void;
  digestPost(audience: 'customer' | 'internal', outcome: DigestPostOutcome): void;
  /** An action under per-person limits, allowed or refused for being over its limit. */
  limitedAction(action: LimitedAction, side: Side, allowed: boolean): void;
  /** How one workspace's run of a scheduled job went, as its tick saw it. */
  jobRun(job: string, outcome: WorkspaceRunOutcome): void;
  /** How long a scheduled job's tick took over every workspace. */
  jobTick(job: string, seconds: number): void;
  /** A scheduled job's tick not started because its previous one was still going. */
  jobTickSkipped(job: string): void;
}

export interface MetricsDeps {
  /** Asked at every scrape, for the asks-by-status gauge. */
  countAsks(): Promise<AskCount[]>;
  logger: AppLogger;
}

/** Every status each kind of ask can be in: reported as 0 when none is, so a series never just vanishes. */
const KNOWN_STATUSES: [AskKind, AskStatus][] = Object.entries(LIFECYCLES).flatMap(([kind, l]) => {
  const statuses = new Set<AskStatus>([l.initial, ...l.closed]);
  for (const [from, to] of Object.entries(l.next))
    for (const s of [from, ...(to ?? [])]) statuses.add(s as AskStatus);
  return [...statuses].map((status): [AskKind, AskStatus] => [kind as AskKind, status]);
});

/**
 * The metrics of one running instance, on a registry of its own (never prom-client's global one: tests
 * run several instances in one process), with Node's process metrics under their usual names.
 */
export function createRapportMetrics(deps: MetricsDeps): RapportMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const ack = new Histogram({
    name: 'rapport_slack_ack_duration_seconds',
    help: 'Time from Bolt receiving a Slack request to its acknowledgement being sent, by kind (Slack waits 3 s).',
    labelNames: ['kind'],
    buckets: ACK_BUCKETS,
    registers,
  });
  const handling = new Histogram({
    name: 'rapport_slack_request_duration_seconds',
    help: 'Time from Bolt receiving a Slack request to every listener having finished (work after the ack included), by kind.',
    labelNames: ['kind'],
    buckets: HANDLING_BUCKETS,
    registers,
  });
  const unacknowledged = new Counter({
    name: 'rapport_slack_unacknowledged_total',
    help: 'Slack requests whose handling ended without an acknowledgement (no listener matched, or one failed before its ack): Slack shows the user an error.',
    labelNames: ['kind'],
    registers,
  });
  new Gauge({
    name: 'rapport_asks',
    help: 'Asks of all partnerships by kind and status, counted in the store at each scrape.',
    labelNames: ['kind', 'status'],
    registers,
    async collect() {
      this.reset();
      try {
        const counts = await deps.countAsks();
        for (const [kind, status] of KNOWN_STATUSES) this.set({ kind, status }, 0);
        // Added up: with several workspaces, each one's counts come separately.
        for (const c of counts) this.inc({ kind: c.kind, status: c.status }, c.count);
      } catch (error) {
        // The rest of the scrape still answers; the gap in rapport_asks shows the store did not.
        deps.logger.event('warn', 'asks could not be counted for /metrics', errorFields(error));
      }
    },
  });
  const remindersSent = new Counter({
    name: 'rapport_nags_sent_total',
    help: 'Reminder messages delivered by the reminder sweep, by recipient (user: a DM listing what they owe; channel: a triage-channel post).',
    labelNames: ['recipient'],
    registers,
  });
  const remindersFailed = new Counter({
    name: 'rapport_nags_failed_total',
    help: 'Reminder messages Slack refused, by recipient; their items are due again after the sweep lease (5 min).',
    labelNames: ['recipient'],
    registers,
  });
  const digests = new Counter({
    name: 'rapport_digest_messages_total',
    help: 'Digest messages this instance tried to post, by audience (customer, internal) and outcome (posted; failed: refused by Slack after pacing and retries; lost: another replica took the digest over).',
    labelNames: ['audience', 'outcome'],
    registers,
  });
  // Known label sets start at 0, so that rates and increases see the first event too.
  for (const recipient of ['user', 'channel']) {
    remindersSent.inc({ recipient }, 0);
    remindersFailed.inc({ recipient }, 0);
  }
  for (const audience of ['customer', 'internal'])
    for (const outcome of ['posted', 'failed', 'lost']) digests.inc({ audience, outcome }, 0);
  const slackErrors = new Counter({
    name: 'rapport_slack_api_errors_total',
    help: 'Failed Web API attempts, by method and error code (Slack error, http_<status>, or request_failed); 429s are counted apart.',
    labelNames: ['method', 'error'],
    registers,
  });
  const rateLimited = new Counter({
    name: 'rapport_slack_rate_limited_total',
    help: 'Web API attempts Slack answered with HTTP 429, by method.',
    labelNames: ['method'],
    registers,
  });
  const limited = new Counter({
    name: 'rapport_limited_actions_total',
    help: 'Actions under per-person limits (raise, react, details, vote, form), by action, side (vendor-side people are never limited) and outcome (allowed, refused).',
    labelNames: ['action', 'side', 'outcome'],
    registers,
  });
  for (const action of LIMITED_ACTIONS)
    for (const side of ['vendor', 'customer'])
      for (const outcome of ['allowed', 'refused']) limited.inc({ action, side, outcome }, 0);

  const jobRuns = new Counter({
    name: 'rapport_job_workspace_runs_total',
    help: 'Runs of a scheduled job in one workspace, by job and outcome (done; failed; over_time: still going past JOB_WORKSPACE_TIME_LIMIT_SECONDS, the tick went on without it; skipped: not started because its previous run still was).',
    labelNames: ['job', 'outcome'],
    registers,
  });
  const jobTicks = new Histogram({
    name: 'rapport_job_tick_duration_seconds',
    help: 'Time a scheduled job took to visit every workspace once (a minute job should stay well under 60 s), by job.',
    labelNames: ['job'],
    buckets: TICK_BUCKETS,
    registers,
  });
  const skippedTicks = new Counter({
    name: 'rapport_job_ticks_skipped_total',
    help: 'Ticks of a scheduled job not started at all because its previous tick was still going (no workspace visited in that slot), by job.',
    labelNames: ['job'],
    registers,
  });

  return {
    registry,
    acked: (kind: RequestKind, seconds: number) => ack.observe({ kind }, seconds),
    handled: (kind: RequestKind, seconds: number) => handling.observe({ kind }, seconds),
    unacknowledged: (kind: RequestKind) => unacknowledged.inc({ kind }),
    slackError: (method, error) => slackErrors.inc({ method, error }),
    slackRateLimited: (method) => rateLimited.inc({ method }),
    reminderMessage: (recipient, outcome) =>
      (outcome === 'sent' ? remindersSent : remindersFailed).inc({ recipient }),
    digestPost: (audience, outcome) => digests.inc({ audience, outcome }),
    limitedAction: (action, side, allowed) =>
      limited.inc({ action, side, outcome: allowed ? 'allowed' : 'refused' }),
    jobRun: (job, outcome) => jobRuns.inc({ job, outcome }),
    jobTick: (job, seconds) => jobTicks.observe({ job }, seconds),
    jobTickSkipped: (job) => skippedTicks.inc({ job }),
  };
}
