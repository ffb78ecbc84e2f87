import type { SlackDeps } from '../../deps.js';
import { buildNotInChannelHint } from '../../views/not-set-up-hint.js';
import { buildSetupModal } from '../../views/setup-modal.js';
import type { CommandArgs } from './handle-rapport-command.js';

/** `/rapport setup`: vendor side only; opens the form, pre-filled when the channel is already set up. */
export async function openSetupModal(
  deps: SlackDeps,
  { command, respond, client }: CommandArgs,
): Promise<void> {
  const { channel_id: channelId, user_id: userId, trigger_id: triggerId } = command;
  if (channelId.startsWith('D')) {
    await respond({ response_type: 'ephemeral', ...buildNotInChannelHint() });
    return;
  }
  const [actor, facts, existing] = await Promise.all([
    deps.directory.actor(userId),
    deps.directory.user(userId),
    deps.repositories.partnerships.findByChannel(channelId),
  ]);
  if (actor.side !== 'vendor') {
    await respond({
      response_type: 'ephemeral',
      text: 'Only people at the vendor can set up Rapport in this channel. Ask your account owner to do it.',
    });
    return;
  }
  const view = buildSetupModal(
    existing
      ? { metadata: { channelId, expectedVersion: existing.version }, values: existing }
      : {
          metadata: { channelId, expectedVersion: null },
          values: { ownerId: userId, timeZone: facts?.timeZone ?? 'UTC' },
        },
  );
  await client.views.open({ trigger_id: triggerId, view });
}
