import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Listener } from '../bolt/rapport-context.js';

type ReactionEventArgs =
  | SlackEventMiddlewareArgs<'reaction_added'>
  | SlackEventMiddlewareArgs<'reaction_removed'>;

/**
 * Listener middleware: a reaction added (+1) or removed (-1) on an announcement's message counts for its
 * delivery; every reaction then goes on down its chain (a :ticket: on an announcement still raises an ask).
 */
export const countAnnouncementReaction =
  (delta: 1 | -1): Listener<ReactionEventArgs> =>
  async ({ event, context, next }) => {
    const { item } = event;
    if (item.type === 'message') {
      const deliveries = context.workspace.repositories.announcementDeliveries;
      const delivery = await deliveries.findByMessage(item.channel, item.ts);
      if (delivery) await deliveries.countResponse(delivery.id, { reactions: delta });
    }
    await next();
  };
