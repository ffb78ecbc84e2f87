import { registerErrorSink } from '../slack/bolt/error-sink.js';
import { dedupeEvents } from '../slack/bolt/event-dedupe.js';
import { Listeners } from '../slack/bolt/listeners.js';
import { provideWorkspace } from '../slack/bolt/rapport-context.js';
import { createRecentTriggers } from '../slack/bolt/recent-triggers.js';
import { registerListeners } from '../slack/bolt/register-listeners.js';
import { registerUninstallEvents } from '../slack/oauth/handle-uninstall.js';
import { recordActivity } from '../slack/people/record-activity.js';
import type { Basics } from './basics.js';
import type { Services } from './services.js';
import type { SlackApp } from './slack-app.js';

/**
 * How a request goes through the app: its workspace on its context, a repeated delivery dropped, errors
 * to the sink, activity on the stakeholder map; then every feature's listeners.
 */
export function wireRequests(basics: Basics, slack: SlackApp, services: Services): void {
  const { clock, logger, store } = basics;
  const { app, workspaces } = slack;
  app.use(provideWorkspace(workspaces.ofRequest));
  // The embedded store serves one process: its memory is enough to spot a replayed interaction.
  const recentTriggers = store.kind === 'embedded' ? createRecentTriggers(clock) : null;
  app.use(dedupeEvents(clock, recentTriggers));
  registerErrorSink(app, logger);
  app.use(recordActivity({ clock }));
  const listeners = new Listeners();
  const forget = (key: string) => {
    workspaces.forget(key);
    services.deps.similar.forget(key);
  };
  registerUninstallEvents(listeners, { installations: slack.installations, forget, logger });
  registerListeners(listeners, services.deps);
  listeners.mountOn(app);
}
