import type { App } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor } from '../bolt/identify-actor.js';
import { ignore, inChannel, requirePartnership } from '../bolt/request-partnership.js';
import { handleMessage, type MessageArgs } from './handle-message.js';
import { onlyPeoplesMessages } from './person-message.js';

/** People's messages in partnership channels, which feed the response clocks. */
export function registerConversations(app: App, deps: SlackDeps): void {
  const inPartnership = requirePartnership(({ event }: MessageArgs) => inChannel(event.channel), ignore);
  app.event('message', onlyPeoplesMessages, inPartnership, identifyActor, handleMessage(deps));
}
