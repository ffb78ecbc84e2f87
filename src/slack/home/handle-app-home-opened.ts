import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { publishVendorHome } from './publish-home.js';

type HomeOpenedArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** Opening the Home tab shows it fresh; the Messages tab (feedback DMs) needs nothing from us. */
export const handleAppHomeOpened =
  (deps: SlackDeps) =>
  async ({ event, client }: HomeOpenedArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await publishVendorHome(client, deps, event.user);
  };
