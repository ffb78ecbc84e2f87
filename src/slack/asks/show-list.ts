import { ASK_LIST_FILTERS, type AskListFilter } from '../../domain/asks/list-asks.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { COMMAND } from '../commands/ids.js';
import { showAskList } from './show-ask-list.js';

/** `/rapport list [open|mine|all]` (open by default), privately. */
export async function showList(
  deps: SlackDeps,
  { command, respond }: CommandArgs,
  rest: string,
): Promise<void> {
  const filter = (rest.trim().toLowerCase() || 'open') as AskListFilter;
  if (!ASK_LIST_FILTERS.includes(filter)) {
    await respond({
      response_type: 'ephemeral',
      text: `Use \`${COMMAND} list open\`, \`${COMMAND} list mine\` or \`${COMMAND} list all\`.`,
    });
    return;
  }
  const viewer = await deps.directory.actor(command.user_id);
  await showAskList(deps, respond, {
    channelId: command.channel_id,
    viewer,
    filter,
    skip: 0,
    replace: false,
  });
}
