import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Listener } from '../bolt/rapport-context.js';

/** People's own messages; edits, deletions, joins and bot posts (our own cards among them) are not. */
const PEOPLE_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

export const isPersonMessage = (event: { subtype?: unknown; user?: unknown; bot_id?: unknown }): boolean =>
  PEOPLE_SUBTYPES.has(event.subtype as string | undefined) && typeof event.user === 'string' && !event.bot_id;

/** Listener middleware: only people's own messages go on. */
export const onlyPeoplesMessages: Listener<SlackEventMiddlewareArgs<'message'>> = async ({ event, next }) => {
  if (isPersonMessage(event)) await next();
};
