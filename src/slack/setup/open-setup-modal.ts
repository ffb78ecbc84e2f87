import type { WebClient } from '@slack/web-api';
import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildNotInChannelHint } from './not-set-up-hint.js';
import { buildSetupModal } from './setup-modal.js';

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
  const refusal = await openSetupForm(deps, client, { channelId, userId, triggerId });
  if (refusal) await respond({ response_type: 'ephemeral', text: refusal });
}

/** Opens the setup form for a vendor-side user; returns why not otherwise. Also the digest's "Edit schedule". */
export async function openSetupForm(
  deps: SlackDeps,
  client: WebClient,
  { channelId, userId, triggerId }: { channelId: string; userId: string; triggerId: string },
): Promise<string | null> {
  const [actor, facts, existing] = await Promise.all([
    deps.directory.actor(userId),
    deps.directory.user(userId),
    deps.repositories.partnerships.findByChannel(channelId),
  ]);
  if (actor.side !== 'vendor') {
    return 'Only people at the vendor can set up Rapport in this channel. Ask your account owner to do it.';
  }
  const now = deps.clock.now();
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
  return null;
}
