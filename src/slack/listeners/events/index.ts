import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { handleAppHomeOpened } from './handle-app-home-opened.js';
import { handleMemberJoined, handleMemberLeft, handleUserChange } from './handle-membership.js';
import { handleMessage } from './handle-message.js';
import { handleReactionAdded } from './handle-reaction-added.js';

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('reaction_added', handleReactionAdded(deps));
  app.event('app_home_opened', handleAppHomeOpened(deps));
  app.event('message', handleMessage(deps));
  app.event('member_joined_channel', handleMemberJoined(deps));
  app.event('member_left_channel', handleMemberLeft(deps));
  app.event('user_change', handleUserChange(deps));
}
