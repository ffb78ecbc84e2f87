import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { PartnershipContext } from '../bolt/rapport-context.js';
import { buildRaiseModal } from './raise-modal.js';

export type RaiseShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut>;

/**
 * Message shortcut "Raise as request" (vendor workspace only, as Slack allows), in a partnership channel:
 * any message becomes an ask.
 */
export const handleRaiseShortcut = async ({
  shortcut,
  client,
  respond,
  context,
}: RaiseShortcutArgs & AllMiddlewareArgs<PartnershipContext>): Promise<void> => {
  const channelId = shortcut.channel.id;
  const existing = await context.workspace.repositories.asks.findBySource(channelId, shortcut.message.ts);
  if (existing) {
    await respond({
      response_type: 'ephemeral',
      text: `That message is already tracked as *${existing.ref}*.`,
    });
    return;
  }
  const view = buildRaiseModal(
    {
      channelId,
      kind: null,
      source: { channelId, messageTs: shortcut.message.ts },
      authorId: shortcut.message.user ?? null,
    },
    shortcut.message.text ?? '',
  );
  await client.views.open({ trigger_id: shortcut.trigger_id, view });
};
