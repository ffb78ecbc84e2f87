import type { AnyMiddlewareArgs } from '@slack/bolt';
import type { Clock, MarkerRepository } from '../../domain/ports.js';
import { type AppLogger, errorFields } from '../../logger.js';
import type { Listener } from './rapport-context.js';
import type { RecentTriggers } from './recent-triggers.js';

/** Slack retries a delivery for up to about 6 minutes; markers outlive that comfortably. */
const KEEP_MS = 24 * 60 * 60_000;

/** A healthy store claims in milliseconds; an interaction cannot spend more of Slack's 3 s on it. */
const INTERACTION_CLAIM_MS = 300;

/**
 * What makes a delivery one of a kind: an event's event_id (Slack retries events after a slow ack, or
 * to several replicas), or an interaction's or command's trigger_id (Slack never sends one twice, so a
 * second is a replay of a captured request within the 5 minutes its signature stays valid).
 */
function delivery(body: Record<string, unknown>) {
  if (typeof body.event_id === 'string') {
    return {
      key: `event:${body.event_id}`,
      skipped: 'duplicate event delivery skipped',
      // Bolt has acked the event already: the claim may take as long as the store needs.
      withinMs: null,
      eventId: body.event_id,
    };
  }
  if (typeof body.trigger_id === 'string' && body.trigger_id !== '') {
    return {
      key: `trigger:${body.trigger_id}`,
      skipped: 'replayed interaction skipped',
      withinMs: INTERACTION_CLAIM_MS,
      triggerId: body.trigger_id,
    };
  }
  return null;
}

/**
 * Claims the key. When the store cannot answer (in time, for an interaction), the delivery goes on
 * unclaimed: its listener then gives the user the store's "try again" within Slack's 3 s.
 */
async function claimOrLetThrough(
  markers: MarkerRepository,
  key: string,
  now: Date,
  logger: AppLogger,
  withinMs: number | null,
): Promise<boolean> {
  const claim = markers.claim(key, now, new Date(now.getTime() + KEEP_MS));
  const letThrough = (reason: Record<string, unknown>) => {
    logger.event('warn', 'could not claim a delivery: handled without the duplicate check', {
      key,
      ...reason,
    });
    return true;
  };
  claim.catch(() => undefined); // a claim given up on may still fail later
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    if (withinMs !== null) timer = setTimeout(() => resolve('late'), withinMs);
  });
  try {
    const claimed = await Promise.race([claim, late]);
    return claimed === 'late' ? letThrough({ waitedMs: withinMs }) : claimed;
  } catch (error) {
    return letThrough(errorFields(error));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The first delivery claims its key in the workspace's store (so across replicas too); every other one
 * stops here. With `recentTriggers` (one process only), interactions are claimed in memory instead.
 */
export function dedupeEvents(
  clock: Clock,
  recentTriggers: RecentTriggers | null,
): Listener<AnyMiddlewareArgs> {
  return async (args) => {
    const seen = delivery(args.body as Record<string, unknown>);
    if (seen) {
      const { key, skipped, withinMs, ...ids } = seen;
      const now = clock.now();
      const { markers } = args.context.workspace.repositories;
      const first =
        recentTriggers !== null && 'triggerId' in seen
          ? recentTriggers.claim(seen.triggerId)
          : await claimOrLetThrough(markers, key, now, args.context.log, withinMs);
      if (!first) {
        args.context.log.event('debug', skipped, ids);
        // An interaction still wants its answer, or Slack shows an error; it changes nothing.
        const ack = (args as { ack?: () => Promise<void> }).ack;
        if (ack) await ack();
        return;
      }
    }
    await args.next();
  };
}
