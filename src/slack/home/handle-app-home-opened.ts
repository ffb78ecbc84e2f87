import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import type { RapportContext } from '../bolt/rapport-context.js';
import { publishVendorHome } from './publish-home.js';

type HomeOpenedArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs<RapportContext>;

/** Opening the Home tab shows it fresh; the Messages tab (feedback DMs) needs nothing from us. */
export const handleAppHomeOpened =
  (services: SlackDeps) =>
  async ({ event, client, context }: HomeOpenedArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await publishVendorHome(client, inRequest(services, context), event.user);
  };
