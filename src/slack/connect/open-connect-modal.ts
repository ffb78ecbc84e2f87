import type { ActorContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildConnectModal } from './connect-modal.js';

export const CONNECT_REFUSED_TO_CUSTOMERS =
  'Only people at the vendor can create customer channels. Ask your account owner to do it.';

/**
 * `/rapport connect [account name]`, after onlyVendor: from any channel or DM (the channel is created, so
 * the current one does not matter). The response_url travels in the modal so the result can be told
 * privately where the command was run.
 */
export async function openConnectModal({
  command,
  client,
  context,
}: CommandArgs<ActorContext>): Promise<void> {
  const view = buildConnectModal({
    metadata: { responseUrl: command.response_url || null, originChannelId: command.channel_id || null },
    accountName: context.subcommandText,
    ownerId: context.actor.userId,
  });
  await client.views.open({ trigger_id: command.trigger_id, view });
}
