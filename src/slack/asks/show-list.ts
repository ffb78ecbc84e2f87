import { ASK_LIST_FILTERS, type AskListFilter } from '../../domain/asks/list-asks.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { COMMAND } from '../commands/ids.js';
import { showAskList } from './show-ask-list.js';

/** `/rapport list [open|mine|all]` (open by default), privately. */
export async function showList({
  respond,
  context,
}: CommandArgs<PartnershipContext & ActorContext>): Promise<void> {
  const filter = (context.subcommandText.trim().toLowerCase() || 'open') as AskListFilter;
  if (!ASK_LIST_FILTERS.includes(filter)) {
    await respond({
      response_type: 'ephemeral',
      text: `Use \`${COMMAND} list open\`, \`${COMMAND} list mine\` or \`${COMMAND} list all\`.`,
    });
    return;
  }
  await showAskList(context, respond, { viewer: context.actor, filter, skip: 0, replace: false });
}
