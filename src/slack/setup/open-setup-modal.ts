import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../domain/ports.js';
import type { Workspace } from '../../workspaces/workspace.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildNotInChannelHint } from './not-set-up-hint.js';
import { buildSetupModal } from './setup-modal.js';

export const SETUP_REFUSAL =
  'Only people at the vendor can set up Rapport in this channel. Ask your account owner to do it.';

/** `/rapport setup`, after onlyVendor: opens the form, pre-filled when the channel is already set up. */
export const openSetupModal =
  (clock: Clock) =>
  async ({ command, respond, client, context }: CommandArgs): Promise<void> => {
    const { channel_id: channelId, user_id: userId, trigger_id: triggerId } = command;
    if (channelId.startsWith('D')) {
      await respond({ response_type: 'ephemeral', ...buildNotInChannelHint() });
      return;
    }
    await openSetupForm(context.workspace, clock, client, { channelId, userId, triggerId });
  };

/** Opens the setup form for someone at the vendor. Also the digest's "Edit schedule". */
export async function openSetupForm(
  workspace: Pick<Workspace, 'repositories' | 'directory'>,
  clock: Clock,
  client: WebClient,
  { channelId, userId, triggerId }: { channelId: string; userId: string; triggerId: string },
): Promise<void> {
  const [facts, existing] = await Promise.all([
    workspace.directory.user(userId),
    workspace.repositories.partnerships.findByChannel(channelId),
  ]);
  const now = clock.now();
  const view = buildSetupModal(
    existing
      ? { metadata: { channelId, expectedVersion: existing.version }, values: existing, now }
      : {
          metadata: { channelId, expectedVersion: null },
          values: { ownerId: userId, timeZone: facts?.timeZone ?? 'UTC' },
          now,
        },
  );
  await client.views.open({ trigger_id: triggerId, view });
}
