import { randomUUID } from 'node:crypto';
import type { AddressInfo, Server } from 'node:net';
import { systemClock } from './clock.js';
import type { Config } from './config.js';
import type { DigestClaim } from './domain/digests/take-due-digests.js';
import type { Clock } from './domain/ports.js';
import { createEffectRunner } from './effects/effect-runner.js';
import { approvalTickJob } from './jobs/approval-tick.js';
import { digestTickJob } from './jobs/digest-tick.js';
import { purgeClosedMessagesJob } from './jobs/purge-closed-messages.js';
import { purgeExpiredMarkersJob } from './jobs/purge-expired-markers.js';
import { reconcileEffectsJob } from './jobs/reconcile-effects.js';
import { reminderSweepJob } from './jobs/reminder-sweep.js';
import { startScheduler } from './jobs/scheduler.js';
import { type AppLogger, createLogger } from './logger.js';
import { createRapportMetrics } from './metrics/rapport-metrics.js';
import { createTokenCipher } from './security/token-cipher.js';
import { approvalEffects } from './slack/approvals/approval-effects.js';
import { askEffects } from './slack/asks/ask-effects.js';
import { buildSlackApp, slackClientOptions } from './slack/bolt/app.js';
import { inWorkspace, type SlackDeps } from './slack/bolt/deps.js';
import { registerErrorSink } from './slack/bolt/error-sink.js';
import { dedupeEvents } from './slack/bolt/event-dedupe.js';
import { createInFlight } from './slack/bolt/in-flight.js';
import { provideWorkspace } from './slack/bolt/rapport-context.js';
import { createRecentTriggers } from './slack/bolt/recent-triggers.js';
import { registerListeners } from './slack/bolt/register-listeners.js';
import { publishDigests } from './slack/digests/publish-digests.js';
import { refreshHomes } from './slack/home/publish-home.js';
import { registerUninstallEvents } from './slack/oauth/handle-uninstall.js';
import { rapportInstallationStore } from './slack/oauth/installation-store.js';
import { recordActivity } from './slack/people/record-activity.js';
import { slackReminderSender } from './slack/reminders/send-reminders.js';
import { openStore, type Store } from './store/open-store.js';
import type { Workspace } from './workspaces/workspace.js';
import { openWorkspaces } from './workspaces/workspace-registry.js';

const EFFECT_CALL_RETRIES = 2;

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
    const { distribution } = config.slack;
    // One registry per running instance: tests start several in one process.
    const metrics = createRapportMetrics({
      countAsks: async () => {
        const all = distribution
          ? await Promise.all((await store.installations.list()).map((i) => store.workspace(i.key)))
          : [store];
        return (await Promise.all(all.map((r) => r.asks.countByKindAndStatus()))).flat();
      },
      logger,
    });
    const clientOptions = slackClientOptions(config, { metrics, logger, retries: options.slackRetries });
    const clients = {
      client: clientOptions,
      // Digests and reminders get clients that never wait or retry inside: every 429 and failure reaches
      // their own retries (the digest pacing; a reminder's 5-minute lease), so no post is still being
      // retried after its lease has passed and another replica has taken the work over. A hung call must
      // not outlive that lease either (SLACK_CALL_TIMEOUT_MS).
      jobClient: { ...clientOptions, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } },
      // Effects retry a failed call twice at once (a 429 waits its Retry-After), then leave the rest to
      // their runner's backoff: a pass stays well within its lease, so no other replica takes it over.
      effectClient: {
        ...clientOptions,
        retryConfig: { retries: options.slackRetries ?? EFFECT_CALL_RETRIES },
      },
    };
    const installations = distribution
      ? rapportInstallationStore(store.installations, createTokenCipher(distribution.tokenKeys), clock)
      : null;
    const app = buildSlackApp(config, {
      logger,
      metrics,
      clientOptions,
      isReady: () =>
        store.ping().then(
          () => true,
          () => false,
        ),
      ...(installations ? { installationStore: installations } : {}),
    });
    const workspaces = await openWorkspaces(config, { store, app, installations, clients, clock, logger });
    const effects = createEffectRunner([askEffects({ clock, logger }), approvalEffects({ clock, logger })], {
      clock,
      logger,
    });
    const publishDigestsNow = async (workspace: Workspace, claims: DigestClaim[]) => {
      const { repositories, directory } = workspace;
      const report = await publishDigests(
        {
          client: workspace.jobClient,
          repositories,
          clock,
          sleep,
          logger,
          isExternallyShared: (channelId) => directory.isExternallyShared(channelId),
          onPost: metrics.digestPost,
        },
        claims,
      );
      // Owners see each partnership's last digest (or its failure) on their Home tab.
      const owners = [...new Set(claims.map((c) => c.partnership.ownerId))];
      await refreshHomes(workspace.client, { repositories, directory, clock, logger }, owners);
      return report;
    };
    const slackDeps: SlackDeps = {
      clock,
      newId: randomUUID,
      logger,
      consequencesIn: effects.consequencesIn,
      publishDigests: publishDigestsNow,
    };
    app.use(provideWorkspace(workspaces.ofRequest));
    app.use(inFlight.middleware);
    // The embedded store serves one process: its memory is enough to spot a replayed interaction.
    const recentTriggers = store.kind === 'embedded' ? createRecentTriggers(clock) : null;
    app.use(dedupeEvents(clock, logger, recentTriggers));
    registerErrorSink(app, logger);
    app.use(recordActivity({ clock, logger }));
    registerUninstallEvents(app, { installations, forget: workspaces.forget, logger });
    registerListeners(app, slackDeps);

    const started = (await app.start(config.port)) as Server | undefined;
    const address = config.slack.socketMode ? null : (started?.address() as AddressInfo | null | undefined);
    const port = address?.port ?? config.port;
    const jobs = [
      purgeExpiredMarkersJob({ logger }),
      purgeClosedMessagesJob({ logger }),
      reminderSweepJob({
        logger,
        senderIn: (workspace) =>
          slackReminderSender(
            workspace.jobClient,
            clock,
            // Before the reminder is recorded: no retrying here either (a failed refresh is only logged).
            (userId) => refreshHomes(workspace.jobClient, inWorkspace(slackDeps, workspace), [userId]),
            metrics.reminderMessage,
            logger,
          ),
      }),
      approvalTickJob(slackDeps),
      reconcileEffectsJob({ effects, logger }),
      digestTickJob({ ...slackDeps, graceMs: config.digestGraceMs, publish: publishDigestsNow }),
    ];
    const scheduler = startScheduler(
      jobs,
      { clock, logger, forEachWorkspace: workspaces.forEach },
      { cron: options.schedules ?? true },
    );
    logger.event('info', 'Rapport is running', {
      mode: config.slack.socketMode ? 'socket' : 'http',
      port,
      store: store.kind,
      ...(distribution ? { install: 'oauth' } : { team: workspaces.single?.teamId }),
    });
    return {
      port,
      store,
      async settled() {
        await inFlight.drain(options.drainTimeoutMs ?? 10_000);
        await effects.drain();
      },
      async runJob(name) {
        await scheduler.run(name);
        await effects.drain();
      },
      async stop() {
        await app.stop();
        await scheduler.stop();
        await inFlight.drain(options.drainTimeoutMs ?? 10_000);
        await effects.drain();
        await store.close();
        logger.event('info', 'Rapport stopped');
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
