import type { App } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { handleMessage } from './handle-message.js';

/** Messages in partnership channels, which feed the response clocks. */
export function registerConversations(app: App, deps: SlackDeps): void {
  app.event('message', handleMessage(deps));
}
