import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildConnectModal } from './connect-modal.js';

export const CONNECT_REFUSED_TO_CUSTOMERS =
  'Only people at the vendor can create customer channels. Ask your account owner to do it.';

/**
 * `/rapport connect [account name]`: vendor side only, from any channel or DM (the channel is created,
 * so the current one does not matter). The response_url travels in the modal so the result can be told
 * privately where the command was run.
 */
export async function openConnectModal(
  deps: SlackDeps,
  { command, respond, client }: CommandArgs,
  rest: string,
): Promise<void> {
  const actor = await deps.directory.actor(command.user_id);
  if (actor.side !== 'vendor') {
    await respond({ response_type: 'ephemeral', text: CONNECT_REFUSED_TO_CUSTOMERS });
    return;
  }
  const view = buildConnectModal({
    metadata: { responseUrl: command.response_url || null, originChannelId: command.channel_id || null },
    accountName: rest,
    ownerId: actor.userId,
  });
  await client.views.open({ trigger_id: command.trigger_id, view });
}
