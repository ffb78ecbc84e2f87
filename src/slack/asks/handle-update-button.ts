import type { AllMiddlewareArgs } from '@slack/bolt';
import { canManage } from '../../domain/asks/update-ask.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext, RapportContext } from '../bolt/rapport-context.js';
import { buildAddDetailsModal } from './add-details-modal.js';
import { buildAskUpdateModal } from './ask-update-modal.js';

/** "Update" on a status card: the update form for those who may change the ask, a private "no" for others. */
export const handleUpdateButton = async ({
  body,
  action,
  client,
  context,
}: ButtonArgs & AllMiddlewareArgs<ActorContext>): Promise<void> => {
  const tell = async (text: string) => {
    if (body.channel?.id)
      await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text });
  };
  const ask = await context.workspace.repositories.asks.findById(action.value ?? '');
  const { actor } = context;
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
export const handleAddDetailsButton = async ({
  body,
  action,
  client,
  context,
}: ButtonArgs & AllMiddlewareArgs<RapportContext>): Promise<void> => {
  const ask = await context.workspace.repositories.asks.findById(action.value ?? '');
  if (ask) await client.views.open({ trigger_id: body.trigger_id, view: buildAddDetailsModal(ask) });
};
