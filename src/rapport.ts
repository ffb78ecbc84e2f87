import { randomUUID } from 'node:crypto';
import type { AddressInfo, Server } from 'node:net';
import { WebClient } from '@slack/web-api';
import { systemClock } from './clock.js';
import type { Config } from './config.js';
import type { DigestClaim } from './domain/digests/take-due-digests.js';
import type { Clock } from './domain/ports.js';
import { approvalTickJob } from './jobs/approval-tick.js';
import { digestTickJob } from './jobs/digest-tick.js';
import { nagSweepJob } from './jobs/nag-sweep.js';
import { purgeExpiredMarkersJob } from './jobs/purge-expired-markers.js';
import { startScheduler } from './jobs/scheduler.js';
import { type AppLogger, createLogger } from './logger.js';
import { createRapportMetrics } from './metrics/rapport-metrics.js';
import { observedSlackFetch } from './metrics/slack-fetch.js';
import { buildSlackApp, SLACK_CALL_TIMEOUT_MS } from './slack/app.js';
import { approvalChanged } from './slack/approvals/publish-approval.js';
import { publishDigests } from './slack/digests/publish-digests.js';
import { createSlackDirectory } from './slack/directory.js';
import { registerErrorSink } from './slack/error-sink.js';
import { dedupeEvents } from './slack/event-dedupe.js';
import { refreshHomes } from './slack/home/publish-home.js';
import { createInFlight } from './slack/in-flight.js';
import { registerListeners } from './slack/listeners/index.js';
import { slackNagSender } from './slack/nags/send-nags.js';
import { recordActivity } from './slack/stakeholders/record-activity.js';
import { openStore, type Store } from './store/open-store.js';

export interface RapportOptions {
  clock?: Clock;
  logger?: AppLogger;
  /** How long shutdown waits for listener work in progress. */
  drainTimeoutMs?: number;
  /** Retries of failed Web API calls; tests use 0 so an injected failure surfaces at once. */
  slackRetries?: number;
  /** False runs jobs only through `runJob` (tests move an injected clock instead of waiting for cron). */
  schedules?: boolean;
  /** How waits (rate-limit pauses while posting digests) pass; tests move their clock instead. */
  sleep?: (ms: number) => Promise<void>;
}

export interface RunningRapport {
  /** The HTTP port actually bound (useful with PORT=0). */
  port: number;
  store: Store;
  /** Resolves once the listener work in progress has finished (events keep working after their ack). */
  settled(): Promise<void>;
  /** Runs a scheduled job now, at the clock's time. */
  runJob(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** Composition root: config -> store -> Slack app and listeners -> jobs. Everything is wired here, by hand. */
export async function startRapport(config: Config, options: RapportOptions = {}): Promise<RunningRapport> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const store = await openStore(config.store);
  try {
    const inFlight = createInFlight();
    // One registry per running instance: tests start several in one process.
    const metrics = createRapportMetrics({ countAsks: () => store.asks.countByKindAndStatus(), logger });
    const app = buildSlackApp(config, {
      logger,
      metrics,
      isReady: () =>
        store.ping().then(
          () => true,
          () => false,
        ),
      ...(options.slackRetries === undefined ? {} : { retries: options.slackRetries }),
    });
    app.use(inFlight.middleware);
    app.use(dedupeEvents(store.markers, clock, logger));
    const auth = await app.client.auth.test();
    const directory = createSlackDirectory(app.client, auth.team_id as string, clock);
    registerErrorSink(app, logger);
    app.use(recordActivity({ repositories: store, directory, clock, logger }));
    // Digests and reminders get a client of their own that never waits or retries inside: every 429 and
    // failure reaches their own retries (the digest pacing; a reminder's 5-minute lease), so no post is
    // still being retried after its lease has passed and another replica has taken the work over.
    const jobClient = new WebClient(config.slack.botToken, {
      slackApiUrl: config.slack.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      // A hung call must not outlive the lease of the work it belongs to (5 minutes at the least).
      timeout: SLACK_CALL_TIMEOUT_MS,
      logger,
      fetch: observedSlackFetch(config.slack.apiUrl, metrics),
    });
    const publishDigestsNow = async (claims: DigestClaim[]) => {
      const report = await publishDigests(
        {
          client: jobClient,
          repositories: store,
          clock,
          sleep,
          logger,
          isExternallyShared: (channelId) => directory.isExternallyShared(channelId),
          onPost: metrics.digestPost,
        },
        claims,
      );
      // Owners see each partnership's last digest (or its failure) on their Home tab.
      await refreshHomes(app.client, slackDeps, [...new Set(claims.map((c) => c.partnership.ownerId))]);
      return report;
    };
    const slackDeps = {
      repositories: store,
      directory,
      clock,
      newId: randomUUID,
      logger,
      publishDigests: publishDigestsNow,
    };
    registerListeners(app, slackDeps);

    const started = (await app.start(config.port)) as Server | undefined;
    const address = config.slack.socketMode ? null : (started?.address() as AddressInfo | null | undefined);
    const port = address?.port ?? config.port;
    const jobs = [
      purgeExpiredMarkersJob({ markers: store.markers, logger }),
      nagSweepJob({
        ...store,
        logger,
        timeZoneOf: async (userId) => (await directory.user(userId))?.timeZone ?? null,
        sender: slackNagSender(
          jobClient,
          clock,
          // Before the reminder is recorded: no retrying here either (a failed refresh is only logged).
          (userId) => refreshHomes(jobClient, slackDeps, [userId]),
          metrics.nagMessage,
        ),
      }),
      approvalTickJob({
        approvals: store.approvals,
        logger,
        announce: async ({ approval, entries }) => {
          await approvalChanged(app.client, slackDeps, approval, entries);
        },
      }),
      digestTickJob({
        ...store,
        newId: randomUUID,
        graceMs: config.digestGraceMs,
        publish: publishDigestsNow,
        logger,
      }),
    ];
    const scheduler = startScheduler(jobs, clock, logger, { cron: options.schedules ?? true });
    logger.event('info', 'Rapport is running', {
      mode: config.slack.socketMode ? 'socket' : 'http',
      port,
      store: store.kind,
      team: auth.team_id,
    });
    return {
      port,
      store,
      settled: () => inFlight.drain(options.drainTimeoutMs ?? 10_000),
      runJob: (name) => scheduler.run(name),
      async stop() {
        await app.stop();
        await scheduler.stop();
        await inFlight.drain(options.drainTimeoutMs ?? 10_000);
        await store.close();
        logger.event('info', 'Rapport stopped');
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
