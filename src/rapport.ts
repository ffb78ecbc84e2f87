import type { AddressInfo, Server } from 'node:net';
import type { App, CustomRoute } from '@slack/bolt';
import { systemClock } from './clock.js';
import type { Config } from './config.js';
import type { Clock } from './domain/ports.js';
import { syncEnvEndpoint } from './integrations/webhooks/env-endpoint.js';
import { type AppLogger, createLogger, errorFields } from './logger.js';
import { openStore, type Store } from './store/open-store.js';
import { DEFAULT_WEBHOOK_SETTINGS } from './webhook-settings.js';
import type { Basics } from './wiring/basics.js';
import { wireJobs } from './wiring/jobs.js';
import { wireRequests } from './wiring/requests.js';
import { type Services, wireServices } from './wiring/services.js';
import { wireSlackApp } from './wiring/slack-app.js';
import { wireTrackers } from './wiring/trackers.js';
import { createWorkInProgress } from './work-in-progress.js';
import type { Workspace } from './workspaces/workspace.js';

export interface RapportOptions {
  clock?: Clock;
  logger?: AppLogger;
  /** How long shutdown waits for requests in progress and job runs let go past their time limit. */
  drainTimeoutMs?: number;
  /** Retries of failed Web API calls; tests use 0 so an injected failure surfaces at once. */
  slackRetries?: number;
  /** False runs jobs only through `runJob` (tests move an injected clock instead of waiting for cron). */
  schedules?: boolean;
  /** How waits (rate-limit pauses while posting digests) pass; tests move their clock instead. */
  sleep?: (ms: number) => Promise<void>;
  /** More routes on Rapport's HTTP server (the playground's page and API); none in production. */
  routes?: CustomRoute[];
}

export interface RunningRapport {
  /** The HTTP port actually bound (useful with PORT=0). */
  port: number;
  store: Store;
  /**
   * Resolves once the work in progress has finished: requests (events and replies through a response_url
   * go on after their ack), job runs let go past their time limit, the effects they owe, webhook deliveries.
   */
  settled(): Promise<void>;
  /** Runs a scheduled job now, at the clock's time. */
  runJob(name: string): Promise<void>;
  stop(): Promise<void>;
}

const waitFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Composition root: config -> store -> trackers -> Slack app -> services -> requests -> jobs -> start. Wired by hand. */
export async function startRapport(config: Config, options: RapportOptions = {}): Promise<RunningRapport> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const store = await openStore(config.store, {
    onNedbMigrated: ({ collections, keptIn }) =>
      logger.event('info', 'embedded store moved from NeDB files to SQLite', { collections, keptIn }),
  });
  try {
    const inProgress = createWorkInProgress();
    const basics: Basics = { config, clock, logger, sleep: options.sleep ?? waitFor, store, inProgress };
    const trackers = wireTrackers(basics);
    const routes = [...(options.routes ?? []), ...trackers.routes];
    const slack = await wireSlackApp(basics, options.slackRetries, routes);
    const services = wireServices(basics, slack.metrics, trackers);
    if (slack.workspaces.single) {
      await syncEnvEndpoint(
        slack.workspaces.single.repositories,
        config.webhooks ?? DEFAULT_WEBHOOK_SETTINGS,
        clock.now(),
      );
    }
    wireRequests(basics, slack, services);
    trackers.connect(slack, services);
    const scheduler = wireJobs(basics, slack, services, options.schedules ?? true);
    warmSimilarRequests(slack.workspaces.single, services, logger);
    const port = await startListening(config, slack.app);
    const { distribution } = config.slack;
    logger.event('info', 'Rapport is running', {
      mode: config.slack.socketMode ? 'socket' : 'http',
      port,
      store: store.kind,
      ...(distribution ? { install: 'oauth' } : { team: slack.workspaces.single?.teamId }),
    });
    const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;
    return {
      port,
      store,
      async settled() {
        await inProgress.drain(drainTimeoutMs);
        await services.effects.drain();
        await services.webhooks.drain();
      },
      async runJob(name) {
        await scheduler.run(name);
        await services.effects.drain();
        await services.webhooks.drain();
      },
      async stop() {
        await slack.app.stop();
        await scheduler.stop();
        await inProgress.drain(drainTimeoutMs);
        await services.effects.drain();
        await services.webhooks.drain();
        await store.close();
        logger.event('info', 'Rapport stopped');
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * Builds the similar-requests index of a single-workspace deployment from the store at start, in the
 * background (the first suggestion waits for it if need be). Installed workspaces build theirs on first use.
 */
function warmSimilarRequests(single: Workspace | null, services: Services, logger: AppLogger): void {
  if (!single) return;
  services.deps.similar.load(single).catch((error: unknown) => {
    // Not kept: the first suggestion tries again.
    logger.event('error', 'similar-requests index could not be built', errorFields(error));
  });
}

/** Starts the app (HTTP or Socket Mode); resolves to the HTTP port it bound. */
async function startListening(config: Config, app: App): Promise<number> {
  const started = (await app.start(config.port)) as Server | undefined;
  const address = config.slack.socketMode ? null : (started?.address() as AddressInfo | null | undefined);
  return address?.port ?? config.port;
}
