import type { AskKind } from '../../domain/asks/ask.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildNotSetUpHint } from '../setup/not-set-up-hint.js';
import { buildAskModal } from './ask-modal.js';

/** `/rapport ask|idea|need [text]`: the form for a new ask, pre-filled with the text. */
export const openAskModal =
  (kind: AskKind) =>
  async (deps: SlackDeps, { command, respond, client }: CommandArgs, rest: string): Promise<void> => {
    const partnership = await deps.repositories.partnerships.findByChannel(command.channel_id);
    if (!partnership) {
      await respond({ response_type: 'ephemeral', ...buildNotSetUpHint() });
      return;
    }
    const view = buildAskModal(
      { channelId: partnership.channelId, kind, source: null, authorId: null },
      rest,
    );
    await client.views.open({ trigger_id: command.trigger_id, view });
  };
