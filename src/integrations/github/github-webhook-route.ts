import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Clock, MarkerRepository } from '../../domain/ports.js';
import { type AppLogger, errorFields } from '../../logger.js';
import {
  answer,
  hasValidSignature,
  parseJsonObject,
  readRawBody,
  WEBHOOK_BODY_LIMIT,
} from '../webhook-request.js';
import type { Handled } from './github-events.js';

/** GitHub redelivers by hand, possibly days later: a delivery id is remembered this long. */
const DELIVERY_MEMORY_MS = 30 * 24 * 3_600_000;

/** Who receives GitHub's deliveries, once wired: the secret, the workspace's markers, the event handler. */
export interface GithubWebhookTarget {
  secret: string;
  markers: MarkerRepository;
  handle(event: string, payload: Record<string, unknown>): Promise<Handled>;
}

/** `/webhooks/github` (one workspace) or `/webhooks/github/<team id>` (each workspace of a distribution). */
const PATH = /^\/webhooks\/github(?:\/([A-Z0-9]{1,32}))?\/?(?:\?.*)?$/;

/**
 * POST /webhooks/github, and POST /webhooks/github/<team id> for the workspace of that Slack team: the
 * target is that workspace's (its secret, its asks), or none (404). Before anything else the body's signature is checked (unsigned or wrong: 401);
 * an oversized body gets 413 and one that is not a JSON object 400. Each delivery id is claimed once
 * across replicas (a replay or a duplicate is acknowledged and changes nothing); its changes are stored
 * before the answer (a few writes), and their effects (Slack, notices) run after it. A failure gives the
 * claim back and answers 500, so GitHub's redelivery is handled.
 */
export function githubWebhookRoutes(
  targetOf: (teamId: string | null) => Promise<GithubWebhookTarget | null>,
  deps: { clock: Clock; logger: AppLogger },
): CustomRoute[] {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    receive(targetOf, deps, req, res).catch((error) => {
      deps.logger.event('error', 'GitHub webhook failed', errorFields(error));
      if (!res.headersSent) answer(res, 500, { ok: false });
    });
  };
  return [
    { path: '/webhooks/github', method: ['POST'], handler },
    { path: '/webhooks/github/:teamId', method: ['POST'], handler },
  ];
}

async function receive(
  targetOf: (teamId: string | null) => Promise<GithubWebhookTarget | null>,
  deps: { clock: Clock; logger: AppLogger },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { logger, clock } = deps;
  const path = PATH.exec(req.url ?? '');
  const target = path ? await targetOf(path[1] ?? null) : null;
  if (!target) return answer(res, 404, { ok: false, error: 'GitHub webhooks are not set up here' });
  const body = await readRawBody(req, WEBHOOK_BODY_LIMIT);
  if (body === 'too_large') return answer(res, 413, { ok: false, error: 'too large' });
  const signature = req.headers['x-hub-signature-256'];
  if (!hasValidSignature(typeof signature === 'string' ? signature : undefined, body, target.secret)) {
    logger.event('warn', 'GitHub webhook refused: bad signature');
    return answer(res, 401, { ok: false, error: 'bad signature' });
  }
  const payload = parseJsonObject(body);
  const delivery = req.headers['x-github-delivery'];
  const event = req.headers['x-github-event'];
  if (!payload || typeof delivery !== 'string' || !delivery || typeof event !== 'string')
    return answer(res, 400, { ok: false, error: 'malformed delivery' });
  const key = `github:delivery:${delivery}`;
  const now = clock.now();
  if (!(await target.markers.claim(key, now, new Date(now.getTime() + DELIVERY_MEMORY_MS)))) {
    logger.event('debug', 'GitHub delivery seen before: ignored', { delivery, event });
    return answer(res, 200, { ok: true, duplicate: true });
  }
  try {
    const handled = await target.handle(event, payload);
    if (!handled || handled.linked === 0)
      logger.event('debug', 'GitHub delivery ignored', { delivery, event, action: payload.action });
    else logger.event('info', 'GitHub delivery applied', { delivery, event, ...handled });
    answer(res, 200, { ok: true });
  } catch (error) {
    await target.markers.release(key);
    throw error;
  }
}
