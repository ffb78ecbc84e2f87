import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, CustomRoute, LogLevel } from '@slack/bolt';
import type { Config } from '../config.js';
import type { AppLogger } from '../logger.js';
import { metricsRoute } from '../metrics/metrics-route.js';
import type { RapportMetrics } from '../metrics/rapport-metrics.js';
import { observedSlackFetch } from '../metrics/slack-fetch.js';
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
  /** Retries of failed Web API calls (Bolt's clients); default: the client's policy. */
  retries?: number;
}

/** No Web API call waits longer than this for an answer: a hung connection fails and is retried instead. */
export const SLACK_CALL_TIMEOUT_MS = 30_000;

/**
 * The Bolt app in Socket Mode (development: no public URL) or HTTP mode (production: POST /slack/events,
 * signatures always verified). Every Web API call, auth.test at start included, goes to config.slack.apiUrl
 * and is counted (errors, 429s); every request is timed and named in the logs (TracedApp). /healthz,
 * /readyz and /metrics are served on config.port in both modes (in Socket Mode by Bolt's installer server).
 */
export function buildSlackApp(config: Config, deps: SlackAppDeps): App {
  const { logger, metrics, retries } = deps;
  const common = {
    token: config.slack.botToken,
    logger,
    // Without it Bolt resets the shared logger to INFO, silencing LOG_LEVEL=debug.
    logLevel: config.logLevel as LogLevel,
    customRoutes: [
      ...healthRoutes(deps.isReady),
      metricsRoute(metrics.registry, config.metricsToken, logger),
    ],
    extendedErrorHandler: true,
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      // Reaches every client Bolt makes, the per-team ones listeners get included.
      fetch: observedSlackFetch(config.slack.apiUrl, metrics),
      timeout: SLACK_CALL_TIMEOUT_MS,
      ...(retries === undefined ? {} : { retryConfig: { retries } }),
    },
  };
  const tracing = { observer: metrics, logger };
  if (config.slack.socketMode) {
    return new TracedApp(
      {
        ...common,
        socketMode: true,
        appToken: config.slack.appToken as string,
        installerOptions: { port: config.port },
      },
      tracing,
    );
  }
  return new TracedApp(
    { ...common, signingSecret: config.slack.signingSecret as string, port: config.port },
    tracing,
  );
}
