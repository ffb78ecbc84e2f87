import type { AskKind } from '../../domain/asks/ask.js';
import type { PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildAskModal } from './ask-modal.js';

/** `/rapport ask|idea|need [text]` in a partnership channel: the form for a new ask, pre-filled with the text. */
export const openAskModal =
  (kind: AskKind) =>
  async ({ command, client, context }: CommandArgs<PartnershipContext>): Promise<void> => {
    const view = buildAskModal(
      { channelId: context.partnership.channelId, kind, source: null, authorId: null },
      context.subcommandText,
    );
    await client.views.open({ trigger_id: command.trigger_id, view });
  };
