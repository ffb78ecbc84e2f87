import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, CustomRoute, InstallationStore, LogLevel } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Config } from '../../config.js';
import type { AppLogger } from '../../logger.js';
import { metricsRoute } from '../../metrics/metrics-route.js';
import type { RapportMetrics } from '../../metrics/rapport-metrics.js';
import { observedSlackFetch } from '../../metrics/slack-fetch.js';
import type { WorkInProgress } from '../../work-in-progress.js';
import { BOT_SCOPES } from '../oauth/bot-scopes.js';
import { buildHttpReceiver } from './http-receiver.js';
import { buildSocketReceiver } from './socket-receiver.js';
import { TracedApp } from './traced-app.js';

const send = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** /healthz: the process is up. /readyz: the store answers too, so a load balancer can route around us. */
function healthRoutes(isReady: () => Promise<boolean>): CustomRoute[] {
  return [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req: IncomingMessage, res) => send(res, 200, { ok: true }),
    },
    {
      path: '/readyz',
      method: ['GET'],
      handler: async (_req: IncomingMessage, res) => {
        const ready = await isReady();
        send(res, ready ? 200 : 503, { ok: ready });
      },
    },
  ];
}

export interface SlackAppDeps {
  logger: AppLogger;
  isReady: () => Promise<boolean>;
  metrics: RapportMetrics;
  /** How Web API clients reach Slack (see slackClientOptions). */
  clientOptions: WebClientOptions;
  /** With distribution: where installations are kept (their tokens sealed). */
  installationStore?: InstallationStore;
  /** Routes served besides Slack's, health and metrics (the playground's, tracker webhooks). */
  routes: CustomRoute[];
  /** Where each request is kept until its last reply, for shutdown to wait on. */
  inProgress: WorkInProgress;
}

/** No Web API call waits longer than this for an answer: a hung connection fails and is retried instead. */
export const SLACK_CALL_TIMEOUT_MS = 30_000;

/**
 * Options of every Web API client: calls go to config.slack.apiUrl, are counted (errors, 429s) and time
 * out. `retries`: failed calls' retries (tests use 0 so an injected failure surfaces at once).
 */
export function slackClientOptions(
  config: Config,
  deps: { metrics: RapportMetrics; logger: AppLogger; retries?: number | undefined },
): WebClientOptions {
  return {
    slackApiUrl: config.slack.apiUrl,
    fetch: observedSlackFetch(config.slack.apiUrl, deps.metrics),
    timeout: SLACK_CALL_TIMEOUT_MS,
    logger: deps.logger,
    ...(deps.retries === undefined ? {} : { retryConfig: { retries: deps.retries } }),
  };
}

/**
 * The Bolt app in Socket Mode (development: no public URL) or HTTP mode (production: POST /slack/events,
 * signatures always verified). With distribution, Bolt's OAuth flow serves /slack/install and
 * /slack/oauth_redirect and authorises each request by its workspace's installation (refreshing rotated
 * tokens). Every request is timed and named in the logs (TracedApp). /healthz, /readyz and /metrics are
 * served on config.port in both modes (in Socket Mode by Bolt's installer server).
 */
export function buildSlackApp(config: Config, deps: SlackAppDeps): App {
  const { logger, metrics } = deps;
  const { distribution } = config.slack;
  const common = {
    logger,
    // Without it Bolt resets the shared logger to INFO, silencing LOG_LEVEL=debug.
    logLevel: config.logLevel as LogLevel,
    customRoutes: [
      ...healthRoutes(deps.isReady),
      metricsRoute(metrics.registry, config.metricsToken, logger),
      ...deps.routes,
    ],
    extendedErrorHandler: true,
    // Bolt's conversation store (state per channel in memory) is unused: it only cost every request a lookup.
    convoStore: false as const,
    // Reaches every client Bolt makes, the per-team ones listeners get included.
    clientOptions: deps.clientOptions,
  };
  const tracing = { observer: metrics, logger, inProgress: deps.inProgress };
  if (config.slack.socketMode) {
    const receiver = buildSocketReceiver({
      appToken: config.slack.appToken as string,
      port: config.port,
      clientOptions: deps.clientOptions,
      customRoutes: common.customRoutes,
      logger,
      logLevel: common.logLevel,
    });
    return new TracedApp({ ...common, token: config.slack.botToken as string, receiver }, tracing);
  }
  const oauth = distribution
    ? {
        clientId: distribution.clientId,
        clientSecret: distribution.clientSecret,
        stateSecret: distribution.stateSecret,
        scopes: [...BOT_SCOPES],
        ...(deps.installationStore ? { installationStore: deps.installationStore } : {}),
        installerOptions: {
          // /slack/install goes straight to Slack's consent screen, its state cookie set.
          directInstall: true,
          clientOptions: deps.clientOptions,
        },
      }
    : {};
  // Built here rather than by Bolt, so that every request is answered (buildHttpReceiver).
  const receiver = buildHttpReceiver({
    ...oauth,
    signingSecret: config.slack.signingSecret as string,
    port: config.port,
    customRoutes: common.customRoutes,
    logger,
    logLevel: common.logLevel,
  });
  const token = distribution ? {} : { token: config.slack.botToken as string };
  return new TracedApp({ ...common, ...token, receiver }, tracing);
}
