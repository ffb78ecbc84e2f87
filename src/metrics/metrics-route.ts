import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Registry } from 'prom-client';
import { type AppLogger, errorFields } from '../logger.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** `Authorization: Bearer <token>`, compared in constant time (digests, so lengths do not leak either). */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

const sendText = (
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) => {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
};

/**
 * GET /metrics in Prometheus' text format, on the same server as /healthz (in Socket Mode too). With a
 * token, only requests bearing it are answered: the figures say nothing secret, but they do describe
 * the business (asks by status) to whoever can reach the port.
 */
export function metricsRoute(registry: Registry, token: string | undefined, logger: AppLogger): CustomRoute {
  return {
    path: '/metrics',
    method: ['GET'],
    handler: async (req: IncomingMessage, res: ServerResponse) => {
      if (token !== undefined && !hasBearerToken(req.headers.authorization, token)) {
        sendText(res, 401, 'a bearer token is required\n', { 'www-authenticate': 'Bearer realm="metrics"' });
        return;
      }
      try {
        const body = await registry.metrics();
        sendText(res, 200, body, { 'content-type': registry.contentType });
      } catch (error) {
        logger.event('error', '/metrics failed', errorFields(error));
        sendText(res, 500, 'metrics are unavailable\n');
      }
    },
  };
}
