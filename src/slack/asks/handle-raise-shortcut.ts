import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { buildNotSetUpHint } from '../setup/not-set-up-hint.js';
import { buildRaiseModal } from './raise-modal.js';

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/** Message shortcut "Raise as request" (vendor workspace only, as Slack allows): any message becomes an ask. */
export const handleRaiseShortcut =
  (deps: SlackDeps) =>
  async ({ ack, shortcut, client, respond }: ShortcutArgs): Promise<void> => {
    await ack();
    const channelId = shortcut.channel.id;
    const partnership = await deps.repositories.partnerships.findByChannel(channelId);
    if (!partnership) {
      await respond({ response_type: 'ephemeral', ...buildNotSetUpHint() });
      return;
    }
    const existing = await deps.repositories.asks.findBySource(channelId, shortcut.message.ts);
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
