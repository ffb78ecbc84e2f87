import type { SlackDeps } from '../../deps.js';
import { buildNotSetUpHint } from '../../views/not-set-up-hint.js';
import { buildPeopleModal } from '../../views/people-modal.js';
import type { CommandArgs } from './handle-rapport-command.js';

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
