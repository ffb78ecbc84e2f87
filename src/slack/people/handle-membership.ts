import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { personLeft } from './departures.js';

type JoinedArgs = SlackEventMiddlewareArgs<'member_joined_channel'> & AllMiddlewareArgs;
type LeftArgs = SlackEventMiddlewareArgs<'member_left_channel'> & AllMiddlewareArgs;
type UserChangeArgs = SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs;

/** Someone joined a partnership channel: on the map, on their side, from today. Rapport itself is not. */
export const handleMemberJoined =
  (deps: SlackDeps) =>
  async ({ event, context }: JoinedArgs): Promise<void> => {
    if (event.user === context.botUserId) return;
    const partnership = await deps.repositories.partnerships.findByChannel(event.channel);
    if (!partnership) return;
    const person = await deps.directory.actor(event.user, event.team || undefined);
    await deps.repositories.stakeholders.recordJoined(partnership.id, person, deps.clock.now());
  };

/** Someone left a partnership channel: gone from the map, and the owner told if they mattered. */
export const handleMemberLeft =
  (deps: SlackDeps) =>
  async ({ event, client }: LeftArgs): Promise<void> => {
    const partnership = await deps.repositories.partnerships.findByChannel(event.channel);
    if (!partnership) return;
    await personLeft(client, deps, partnership, event.user, 'left');
  };

/** A deactivated account is gone from every partnership it was active in. */
export const handleUserChange =
  (deps: SlackDeps) =>
  async ({ event, client }: UserChangeArgs): Promise<void> => {
    const user = event.user as { id: string; deleted?: boolean };
    if (user.deleted !== true) return;
    for (const seen of await deps.repositories.stakeholders.listActiveByUser(user.id)) {
      const partnership = await deps.repositories.partnerships.findById(seen.partnershipId);
      if (partnership) await personLeft(client, deps, partnership, user.id, 'deactivated');
    }
  };
