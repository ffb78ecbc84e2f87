import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { canManage } from '../../domain/asks/update-ask.js';
import type { SlackDeps } from '../bolt/deps.js';
import { buildAddDetailsModal } from './add-details-modal.js';
import { buildAskUpdateModal } from './ask-update-modal.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Update" on a status card: the update form for those who may change the ask, a private "no" for others. */
export const handleUpdateButton =
  (deps: SlackDeps) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const tell = async (text: string) => {
      if (body.channel?.id)
        await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text });
    };
    const ask = await deps.repositories.asks.findById(action.value ?? '');
    const actor = await deps.directory.actor(body.user.id, body.user.team_id);
    if (!ask) {
      await tell('That request no longer exists.');
    } else if (!canManage(actor, ask)) {
      await tell(
        `Only the vendor team can change the status of *${ask.ref}*. Its owner is <@${ask.ownerId}>; ` +
          'reply in its thread to add details.',
      );
    } else {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildAskUpdateModal(ask, actor.side === 'vendor'),
      });
    }
  };

/** "Add details": the form for anyone in the channel, either side. */
export const handleAddDetailsButton =
  (deps: SlackDeps) =>
  async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const ask = await deps.repositories.asks.findById(action.value ?? '');
    if (ask) await client.views.open({ trigger_id: body.trigger_id, view: buildAddDetailsModal(ask) });
  };
