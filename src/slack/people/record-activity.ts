import type { AnyMiddlewareArgs } from '@slack/bolt';
import type { Clock } from '../../domain/ports.js';
import { type AppLogger, errorFields } from '../../logger.js';
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

/**
 * Keeps the stakeholder map's "last active" current from every message, reaction and click in a
 * partnership channel. It runs after the listener (and so after the ack), and a failure here is only
 * logged: the stakeholder map must never cost a user their action.
 */
export function recordActivity(deps: { clock: Clock; logger: AppLogger }): Listener<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    await next();
    const seen = seenIn(body as Record<string, unknown>);
    if (!seen) return;
    try {
      const { repositories, directory } = context.workspace;
      const partnership = await partnershipOfChannel(context, repositories.partnerships, seen.channelId);
      if (!partnership) return;
      const person = await directory.actor(seen.userId, seen.teamId);
      await repositories.stakeholders.recordActivity(partnership.id, person, deps.clock.now());
    } catch (error) {
      deps.logger.event('warn', 'could not record activity on the stakeholder map', {
        userId: seen.userId,
        ...errorFields(error),
      });
    }
  };
}
