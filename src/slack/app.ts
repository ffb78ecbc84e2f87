import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, type CustomRoute, type LogLevel } from '@slack/bolt';
import type { Config } from '../config.js';
import type { AppLogger } from '../logger.js';

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

/**
 * The Bolt app in Socket Mode (development: no public URL) or HTTP mode (production: POST /slack/events,
 * signatures always verified). Every Web API call, auth.test at start included, goes to config.slack.apiUrl.
 */
export function buildSlackApp(
  config: Config,
  logger: AppLogger,
  isReady: () => Promise<boolean>,
  retries?: number,
): App {
  const common = {
    token: config.slack.botToken,
    logger,
    // Without it Bolt resets the shared logger to INFO, silencing LOG_LEVEL=debug.
    logLevel: config.logLevel as LogLevel,
    customRoutes: healthRoutes(isReady),
    extendedErrorHandler: true,
    clientOptions: {
      slackApiUrl: config.slack.apiUrl,
      ...(retries === undefined ? {} : { retryConfig: { retries } }),
    },
  };
  if (config.slack.socketMode) {
    return new App({
      ...common,
      socketMode: true,
      appToken: config.slack.appToken as string,
      installerOptions: { port: config.port },
    });
  }
  return new App({ ...common, signingSecret: config.slack.signingSecret as string, port: config.port });
}
