import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebhookEvent } from '../../domain/webhooks/webhook-events.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import type { PartnershipContext, RapportContext } from '../bolt/rapport-context.js';
import { personLeft } from './departures.js';

export type JoinedArgs = SlackEventMiddlewareArgs<'member_joined_channel'>;
export type LeftArgs = SlackEventMiddlewareArgs<'member_left_channel'>;
type UserChangeArgs = SlackEventMiddlewareArgs<'user_change'> & AllMiddlewareArgs<RapportContext>;

/** Someone joined a partnership channel: on the map, on their side, from today. Rapport itself is not. */
export const handleMemberJoined =
  (services: SlackDeps) =>
  async ({ event, context }: JoinedArgs & AllMiddlewareArgs<PartnershipContext>): Promise<void> => {
    if (event.user === context.botUserId) return;
    const { directory, repositories } = context.workspace;
    // The event states the person's team: a hint that spares a users.info call.
    const person = await directory.actor(event.user, event.team || undefined);
    await repositories.stakeholders.recordJoined(context.partnership.id, person, services.clock.now());
  };

/** Someone left a partnership channel: gone from the map, and the owner told if they mattered. */
export const handleMemberLeft =
  (services: SlackDeps) =>
  async ({ event, client, context }: LeftArgs & AllMiddlewareArgs<PartnershipContext>): Promise<void> => {
    const deps = inRequest(services, context);
    const publish = (events: WebhookEvent[]) => services.webhooks.publish(context.workspace, events);
    await personLeft(client, deps, context.partnership, event.user, 'left', publish);
  };

/** A deactivated account is gone from every partnership it was active in. */
export const handleUserChange =
  (services: SlackDeps) =>
  async ({ event, client, context }: UserChangeArgs): Promise<void> => {
    const user = event.user as { id: string; deleted?: boolean };
    if (user.deleted !== true) return;
    const deps = inRequest(services, context);
    const publish = (events: WebhookEvent[]) => services.webhooks.publish(context.workspace, events);
    for (const seen of await deps.repositories.stakeholders.listActiveByUser(user.id)) {
      const partnership = await deps.repositories.partnerships.findById(seen.partnershipId);
      if (partnership) await personLeft(client, deps, partnership, user.id, 'deactivated', publish);
    }
  };
