import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor } from '../bolt/identify-actor.js';
import type { Listeners } from '../bolt/listeners.js';
import { ignore, inChannel, requirePartnership } from '../bolt/request-partnership.js';
import { handleMessage, type MessageArgs } from './handle-message.js';
import { onlyPeoplesMessages } from './person-message.js';

/** People's messages in partnership channels, which feed the response clocks. */
export function registerConversations(listeners: Listeners, deps: SlackDeps): void {
  const inPartnership = requirePartnership(({ event }: MessageArgs) => inChannel(event.channel), ignore);
  listeners.event('message', onlyPeoplesMessages, inPartnership, identifyActor, handleMessage(deps));
}
