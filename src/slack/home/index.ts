import type { SlackDeps } from '../bolt/deps.js';
import type { Listeners } from '../bolt/listeners.js';
import { handleAppHomeOpened } from './handle-app-home-opened.js';

/** The Home tab, published when someone opens it. */
export function registerHome(listeners: Listeners, deps: SlackDeps): void {
  listeners.event('app_home_opened', handleAppHomeOpened(deps));
}
