import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { Followed } from '../app/trackers/follow-issue.js';
import type { Clock, MarkerRepository } from '../domain/ports.js';
import { type AppLogger, errorFields } from '../logger.js';
import {
  answer,
  hasValidSignature,
  parseJsonObject,
  readRawBody,
  WEBHOOK_BODY_LIMIT,
} from './webhook-request.js';

/** Trackers redeliver by hand, possibly days later: a delivery id is remembered this long. */
const DELIVERY_MEMORY_MS = 30 * 24 * 3_600_000;

/** What a delivery did: the asks it was about, how many changed; null when Rapport does not use it. */
export type Handled = (Followed & { action: string }) | null;

/** Who receives a tracker's deliveries, once wired: the secret, the workspace's markers, the event handler. */
export interface TrackerWebhookTarget {
  secret: string;
  markers: MarkerRepository;
  handle(event: string, payload: Record<string, unknown>): Promise<Handled>;
}

/** How one tracker signs and names its deliveries. */
export interface TrackerWebhookShape {
  /** `github`: the path is /webhooks/github, delivery ids are claimed as `github:delivery:<id>`. */
  tracker: string;
  /** Its name in logs: GitHub, Jira. */
  label: string;
  /** The header carrying `sha256=<hex HMAC-SHA256 of the raw body>`. */
  signatureHeader: string;
  /** The header carrying the delivery id, the same on every retry of one delivery. */
  deliveryHeader: string;
  /** The event a delivery carries, from its headers or its body; undefined when it names none. */
  eventOf(req: IncomingMessage, payload: Record<string, unknown>): string | undefined;
}

type Deps = { clock: Clock; logger: AppLogger };

/**
 * POST /webhooks/<tracker>. Before anything else the body's signature is checked (unsigned or wrong:
 * 401); an oversized body gets 413 and one that is not a JSON object 400. Each delivery id is claimed
 * once across replicas (a replay or a duplicate is acknowledged and changes nothing); its changes are
 * stored before the answer (a few writes), and their effects (Slack, notices) run after it. A failure
 * gives the claim back and answers 500, so the tracker's redelivery is handled.
 */
export function trackerWebhookRoute(
  shape: TrackerWebhookShape,
  target: () => TrackerWebhookTarget | null,
  deps: Deps,
): CustomRoute {
  return {
    path: `/webhooks/${shape.tracker}`,
    method: ['POST'],
    handler: (req: IncomingMessage, res: ServerResponse) => {
      receive(shape, target(), deps, req, res).catch((error) => {
        deps.logger.event('error', `${shape.label} webhook failed`, errorFields(error));
        if (!res.headersSent) answer(res, 500, { ok: false });
      });
    },
  };
}

const headerOf = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

async function receive(
  shape: TrackerWebhookShape,
  target: TrackerWebhookTarget | null,
  { logger, clock }: Deps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!target) return answer(res, 404, { ok: false, error: `${shape.label} webhooks are not set up` });
  const body = await readRawBody(req, WEBHOOK_BODY_LIMIT);
  if (body === 'too_large') return answer(res, 413, { ok: false, error: 'too large' });
  if (!hasValidSignature(headerOf(req, shape.signatureHeader), body, target.secret)) {
    logger.event('warn', `${shape.label} webhook refused: bad signature`);
    return answer(res, 401, { ok: false, error: 'bad signature' });
  }
  const payload = parseJsonObject(body);
  const delivery = headerOf(req, shape.deliveryHeader);
  const event = payload ? shape.eventOf(req, payload) : undefined;
  if (!payload || !delivery || event === undefined)
    return answer(res, 400, { ok: false, error: 'malformed delivery' });
  const key = `${shape.tracker}:delivery:${delivery}`;
  const now = clock.now();
  if (!(await target.markers.claim(key, now, new Date(now.getTime() + DELIVERY_MEMORY_MS)))) {
    logger.event('debug', `${shape.label} delivery seen before: ignored`, { delivery, event });
    return answer(res, 200, { ok: true, duplicate: true });
  }
  try {
    const handled = await target.handle(event, payload);
    if (!handled || handled.linked === 0)
      logger.event('debug', `${shape.label} delivery ignored`, { delivery, event });
    else logger.event('info', `${shape.label} delivery applied`, { delivery, event, ...handled });
    answer(res, 200, { ok: true });
  } catch (error) {
    await target.markers.release(key);
    throw error;
  }
}
