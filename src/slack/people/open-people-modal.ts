import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildNotSetUpHint } from '../setup/not-set-up-hint.js';
import { buildPeopleModal } from './people-modal.js';

/** `/rapport people`: the stakeholder map of this channel's partnership, with roles to edit. */
export async function openPeopleModal(
  deps: SlackDeps,
  { command, respond, client }: CommandArgs,
): Promise<void> {
  const partnership = await deps.repositories.partnerships.findByChannel(command.channel_id);
  if (!partnership) {
    await respond({ response_type: 'ephemeral', ...buildNotSetUpHint() });
    return;
  }
  const people = await deps.repositories.stakeholders.listByPartnership(partnership.id);
  const view = buildPeopleModal(people, partnership, deps.clock.now());
  await client.views.open({ trigger_id: command.trigger_id, view });
}
