import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { AskUseCaseDeps } from '../app/asks/ask-use-case-deps.js';
import type { Followed } from '../app/trackers/follow-issue.js';
import type { Clock, MarkerRepository } from '../domain/ports.js';
import type { StatusMap } from '../domain/trackers/status-mapping.js';
import type { TrackerPeople } from '../domain/trackers/tracker-people.js';
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

/**
 * What a tracker's events are applied with: the use cases, the vendor's team, the customer comment marker,
 * and what the workspace says the tracker's states and people mean.
 */
export interface TrackerEventDeps {
  useCases: AskUseCaseDeps;
  vendorTeamId: string;
  commentMarker: string;
  /** Changes to the tracker's default status mapping. */
  statusMap: StatusMap;
  /** Tracker logins (lower-case) and the vendor's Slack users they are: whose note a marked comment is. */
  people: TrackerPeople;
}

/** Who receives a tracker's deliveries, once wired: the secret, the workspace's markers, the event handler. */
export interface TrackerWebhookTarget {
  secret: string;
  markers: MarkerRepository;
  handle(event: string, payload: Record<string, unknown>): Promise<Handled>;
}

/** How one tracker signs and names its deliveries. */
export interface TrackerWebhookSpec {
  /** The tracker's name in logs and answers, e.g. 'GitHub' (lower-cased, it names remembered delivery ids). */
  label: string;
  /** `/webhooks/github`: one workspace's; `<path>/<team id>` is each workspace's of a distribution. */
  path: string;
  /** Whether the raw body carries the tracker's signature made with `secret`: checked before anything else. */
  signed(req: IncomingMessage, body: Buffer, secret: string): boolean;
  /** Whether a signed delivery is recent enough (a replay of an old one is not); absent: any age. */
  fresh?(payload: Record<string, unknown>, now: Date): boolean;
  /** The delivery's id and event type; null when the delivery does not say. */
  delivery(req: IncomingMessage, payload: Record<string, unknown>): { id: string; event: string } | null;
}

const headerOf = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' && value ? value : null;
};

/** A signature in `header`: `<prefix><hex HMAC-SHA256 of the raw body>`. */
export const signedInHeader =
  (header: string, prefix = 'sha256=') =>
  (req: IncomingMessage, body: Buffer, secret: string): boolean =>
    hasValidSignature(headerOf(req, header) ?? undefined, body, secret, prefix);

/** The id and event of a delivery that names them in two headers. */
export const deliveryHeaders =
  (idHeader: string, eventHeader: string) =>
  (req: IncomingMessage): { id: string; event: string } | null => {
    const id = headerOf(req, idHeader);
    const event = headerOf(req, eventHeader);
    return id && event ? { id, event } : null;
  };

/** Finds whose deliveries they are: `teamId` from the path (null without one); null: nobody's here (404). */
export type TargetLookup = (teamId: string | null) => Promise<TrackerWebhookTarget | null>;

/**
 * POST <path> (one workspace) and POST <path>/<team id> (that Slack team's workspace of a distribution):
 * the target is that workspace's (its secret, its asks), or none (404). Before anything else the body's
 * signature is checked (unsigned or wrong: 401); an oversized body gets 413, one that is not a JSON object
 * 400, a stale one 401. Each delivery id is claimed once across replicas (a replay or a duplicate is
 * acknowledged and changes nothing); its changes are stored before the answer (a few writes), and their
 * effects (Slack, notices) run after it. A failure gives the claim back and answers 500, so the tracker's
 * redelivery is handled.
 */
export function trackerWebhookRoutes(
  spec: TrackerWebhookSpec,
  targetOf: TargetLookup,
  deps: { clock: Clock; logger: AppLogger },
): CustomRoute[] {
  const pattern = new RegExp(`^${spec.path}(?:/([A-Z0-9]{1,32}))?/?(?:\\?.*)?$`);
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const teamId = pattern.exec(req.url ?? '');
    const target = teamId ? targetOf(teamId[1] ?? null) : Promise.resolve(null);
    target
      .then((found) => receive(spec, found, deps, req, res))
      .catch((error) => {
        deps.logger.event('error', `${spec.label} webhook failed`, errorFields(error));
        if (!res.headersSent) answer(res, 500, { ok: false });
      });
  };
  return [
    { path: spec.path, method: ['POST'], handler },
    { path: `${spec.path}/:teamId`, method: ['POST'], handler },
  ];
}

async function receive(
  spec: TrackerWebhookSpec,
  target: TrackerWebhookTarget | null,
  deps: { clock: Clock; logger: AppLogger },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { logger, clock } = deps;
  const { label } = spec;
  if (!target) return answer(res, 404, { ok: false, error: `${label} webhooks are not set up here` });
  const body = await readRawBody(req, WEBHOOK_BODY_LIMIT);
  if (body === 'too_large') return answer(res, 413, { ok: false, error: 'too large' });
  if (!spec.signed(req, body, target.secret)) {
    logger.event('warn', `${label} webhook refused: bad signature`);
    return answer(res, 401, { ok: false, error: 'bad signature' });
  }
  const payload = parseJsonObject(body);
  const delivery = payload ? spec.delivery(req, payload) : null;
  if (!payload || !delivery) return answer(res, 400, { ok: false, error: 'malformed delivery' });
  const now = clock.now();
  if (spec.fresh && !spec.fresh(payload, now)) {
    logger.event('warn', `${label} webhook refused: stale`, { delivery: delivery.id });
    return answer(res, 401, { ok: false, error: 'stale delivery' });
  }
  const key = `${label.toLowerCase()}:delivery:${delivery.id}`;
  const fields = { delivery: delivery.id, event: delivery.event };
  if (!(await target.markers.claim(key, now, new Date(now.getTime() + DELIVERY_MEMORY_MS)))) {
    logger.event('debug', `${label} delivery seen before: ignored`, fields);
    return answer(res, 200, { ok: true, duplicate: true });
  }
  try {
    const handled = await target.handle(delivery.event, payload);
    if (!handled || handled.linked === 0)
      logger.event('debug', `${label} delivery ignored`, { ...fields, action: payload.action });
    else logger.event('info', `${label} delivery applied`, { ...fields, ...handled });
    answer(res, 200, { ok: true });
  } catch (error) {
    await target.markers.release(key);
    throw error;
  }
}
