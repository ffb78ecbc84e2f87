import type { AnyMiddlewareArgs } from '@slack/bolt';
import type { Clock } from '../../domain/ports.js';
import { errorFields } from '../../logger.js';
import { ACTIVITY_RESOLUTION_MS } from '../../store/repositories/stakeholder-repository.js';
import type { Listener } from '../bolt/rapport-context.js';
import { partnershipOfChannel } from '../bolt/request-partnership.js';
import { isPersonMessage } from '../conversations/person-message.js';

interface Seen {
  userId: string;
  channelId: string;
  /** The person's team as the payload states it, when it does. */
  teamId?: string;
}

/** Who did something in which channel: a button click, a message, a reaction. Null for anything else. */
function seenIn(body: Record<string, unknown>): Seen | null {
  if (body.type === 'block_actions') {
    const user = body.user as { id?: string; team_id?: string } | undefined;
    const channel = body.channel as { id?: string } | undefined;
    if (!user?.id || !channel?.id) return null;
    return { userId: user.id, channelId: channel.id, ...(user.team_id ? { teamId: user.team_id } : {}) };
  }
  const event = body.event as Record<string, unknown> | undefined;
  if (!event || typeof event.user !== 'string') return null;
  // Joins, edits, deletions and bot posts say nothing about who is engaged.
  if (event.type === 'message' && isPersonMessage(event)) {
    return typeof event.channel === 'string' ? { userId: event.user, channelId: event.channel } : null;
  }
  if (event.type === 'reaction_added') {
    const channel = (event.item as { channel?: unknown } | undefined)?.channel;
    return typeof channel === 'string' ? { userId: event.user, channelId: channel } : null;
  }
  return null;
}

const MAX_REMEMBERED = 5_000;

/**
 * Keeps the stakeholder map's "last active" current from every message, reaction and click in a
 * partnership channel. It runs after the listener (and so after the ack), and a failure here is only
 * logged: the stakeholder map must never cost a user their action.
 *
 * The store keeps activity to ACTIVITY_RESOLUTION_MS anyway, so a person recorded by this process
 * within it is not asked again: on every later click the store found the time fresh, then refused the
 * insert as a duplicate. With several replicas the time may lag by up to twice the resolution. The store
 * would also write for someone marked gone meanwhile, but a person who left the channel or was
 * deactivated cannot act in it, and joining again marks them present.
 */
export function recordActivity(deps: { clock: Clock }): Listener<AnyMiddlewareArgs> {
  // Recorded at, by partnership and person; insertion order is the order to forget them in.
  const recorded = new Map<string, number>();
  return async ({ body, context, next }) => {
    await next();
    const seen = seenIn(body as Record<string, unknown>);
    if (!seen) return;
    try {
      const { repositories, directory } = context.workspace;
      const partnership = await partnershipOfChannel(context, repositories.partnerships, seen.channelId);
      if (!partnership) return;
      const key = `${partnership.id}:${seen.userId}`;
      const now = deps.clock.now();
      if (now.getTime() - (recorded.get(key) ?? Number.NEGATIVE_INFINITY) < ACTIVITY_RESOLUTION_MS) return;
      const person = await directory.actor(seen.userId, seen.teamId);
      await repositories.stakeholders.recordActivity(partnership.id, person, now);
      recorded.delete(key);
      if (recorded.size >= MAX_REMEMBERED) recorded.delete(recorded.keys().next().value as string);
      recorded.set(key, now.getTime());
    } catch (error) {
      context.log.event('warn', 'could not record activity on the stakeholder map', {
        userId: seen.userId,
        ...errorFields(error),
      });
    }
  };
}
