import type { WebhookEndpoint } from './webhook-endpoint.js';
import type { WebhookEvent, WebhookEventType } from './webhook-events.js';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'given_up';

/** One event addressed to one endpoint: the outbox entry a deliverer claims, and a line of the delivery log. */
export interface WebhookDelivery {
  /** `<endpoint id>:<event id>` for a queued event, so queuing it again is a no-op. */
  id: string;
  endpointId: string;
  /** The `webhook-id`: the same on every attempt, and on a resend. */
  eventId: string;
  type: WebhookEventType;
  orderKey: string;
  seq: number;
  /** The exact body sent (signed as is). */
  body: string;
  createdAt: Date;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  /** The receiver's last HTTP status, or null when it gave none. */
  lastStatus: number | null;
  /** Why the last attempt failed, for the log. */
  lastError: string | null;
}

/** How many finished deliveries an endpoint's log keeps. */
export const DELIVERY_LOG_SIZE = 20;
/** Failed deliveries are retried for this long after the event, then given up. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/** Waits 30 s, 1, 2, 4 … minutes after failed attempts, at most 2 hours apart. */
export const deliveryRetryDelayMs = (attempts: number): number =>
  Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 2 * 3_600_000);

/** The Standard Webhooks body: type, timestamp, data; internal data only for internal endpoints. */
export function deliveryBody(event: WebhookEvent, endpoint: WebhookEndpoint): string {
  const data =
    endpoint.internal && event.internalData ? { ...event.data, ...event.internalData } : event.data;
  return JSON.stringify({ type: event.type, timestamp: event.at.toISOString(), data });
}

/** A delivery queued at `now`: due at once, never tried. */
const unsent = (now: Date) => ({
  createdAt: now,
  status: 'pending' as const,
  attempts: 0,
  nextAttemptAt: now,
  lastAttemptAt: null,
  lastStatus: null,
  lastError: null,
});

export function queuedDelivery(event: WebhookEvent, endpoint: WebhookEndpoint, now: Date): WebhookDelivery {
  return {
    id: `${endpoint.id}:${event.id}`,
    endpointId: endpoint.id,
    eventId: event.id,
    type: event.type,
    orderKey: event.orderKey,
    seq: event.seq,
    body: deliveryBody(event, endpoint),
    ...unsent(now),
  };
}

/** A resend of a logged delivery: the same message (id and body), queued on its own, outside any order. */
export const resentDelivery = (of: WebhookDelivery, id: string, now: Date): WebhookDelivery => ({
  ...of,
  id,
  orderKey: `resend:${id}`,
  seq: 0,
  ...unsent(now),
});

/** What one attempt came to. `refused`: never sent (a private address), and retrying cannot help. */
export type AttemptOutcome =
  | { kind: 'answered'; status: number }
  | { kind: 'failed'; error: string }
  | { kind: 'refused'; error: string };

/** The delivery after an attempt at `now`: done, gone (410), retried later, or given up after 24 h. */
export function afterAttempt(delivery: WebhookDelivery, outcome: AttemptOutcome, now: Date): WebhookDelivery {
  const attempts = delivery.attempts + 1;
  const status = outcome.kind === 'answered' ? outcome.status : null;
  const error =
    outcome.kind === 'answered' ? (status !== null && status < 300 ? null : `HTTP ${status}`) : outcome.error;
  const tried = { ...delivery, attempts, lastAttemptAt: now, lastStatus: status, lastError: error };
  if (status !== null && status >= 200 && status < 300) return { ...tried, status: 'delivered' };
  if (status === 410 || outcome.kind === 'refused') return { ...tried, status: 'failed' };
  const retryAt = new Date(now.getTime() + deliveryRetryDelayMs(attempts));
  if (retryAt.getTime() - delivery.createdAt.getTime() > GIVE_UP_AFTER_MS)
    return { ...tried, status: 'given_up' };
  return { ...tried, nextAttemptAt: retryAt };
}

export interface WebhookEndpointRepository {
  list(): Promise<WebhookEndpoint[]>;
  findById(id: string): Promise<WebhookEndpoint | null>;
  /** Inserts or replaces. */
  save(endpoint: WebhookEndpoint): Promise<void>;
  remove(id: string): Promise<void>;
  /** Disables it if enabled; true for the one caller that did (so the admin is told once). */
  disable(id: string, at: Date): Promise<boolean>;
}

export interface WebhookDeliveryRepository {
  /**
   * Queues an order key's deliveries to an endpoint, those after the last one queued for that key (by
   * `seq`); a delivery already queued (same id) is left as it is. Resends go through `resend`.
   */
  queue(endpointId: string, orderKey: string, deliveries: WebhookDelivery[]): Promise<void>;
  resend(delivery: WebhookDelivery): Promise<void>;
  /** The endpoint's pending deliveries due by `now`, each the first pending one of its order key, oldest first. */
  listDueHeads(endpointId: string, now: Date, limit: number): Promise<WebhookDelivery[]>;
  /** Takes a pending delivery for a lease; null when another deliverer holds it or it is no longer pending. */
  claim(id: string, now: Date, leaseUntil: Date): Promise<WebhookDelivery | null>;
  /** Records an attempt's result and frees the lease. */
  settle(delivery: WebhookDelivery): Promise<void>;
  /** The endpoint's latest deliveries, newest first. */
  listRecent(endpointId: string, limit: number): Promise<WebhookDelivery[]>;
  findById(id: string): Promise<WebhookDelivery | null>;
  /** Keeps the endpoint's `keep` newest finished deliveries (and every pending one); deletes the rest. */
  prune(endpointId: string, keep: number): Promise<void>;
  removeEndpoint(endpointId: string): Promise<void>;
}
