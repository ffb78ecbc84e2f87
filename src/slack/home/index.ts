import type { App } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { handleAppHomeOpened } from './handle-app-home-opened.js';

/** The Home tab, published when someone opens it. */
export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', handleAppHomeOpened(deps));
}
