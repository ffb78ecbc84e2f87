import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Clock, MarkerRepository } from '../domain/ports.js';
import type { AppLogger } from '../logger.js';

/** Slack retries a delivery for up to about 6 minutes; markers outlive that comfortably. */
const KEEP_MS = 24 * 60 * 60_000;

/**
 * Slack may deliver an event more than once (retries after a slow ack, or to several replicas).
 * The first delivery of an event_id claims it in the store; every other one stops here.
 */
export function dedupeEvents(
  markers: MarkerRepository,
  clock: Clock,
  logger: AppLogger,
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      const now = clock.now();
      if (!(await markers.claim(`event:${eventId}`, now, new Date(now.getTime() + KEEP_MS)))) {
        logger.event('debug', 'duplicate event delivery skipped', { eventId });
        return;
      }
    }
    await next();
  };
}
