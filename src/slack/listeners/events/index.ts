import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { handleReactionAdded } from './handle-reaction-added.js';

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('reaction_added', handleReactionAdded(deps));
}
