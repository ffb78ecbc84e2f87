import type { Clock } from '../../domain/ports.js';
import type { PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildPeopleModal } from './people-modal.js';

/** `/rapport people` in a partnership channel: the stakeholder map of its partnership, with roles to edit. */
export const openPeopleModal =
  (clock: Clock) =>
  async ({ command, client, context }: CommandArgs<PartnershipContext>): Promise<void> => {
    const { partnership, workspace } = context;
    const people = await workspace.repositories.stakeholders.listByPartnership(partnership.id);
    const view = buildPeopleModal(people, partnership, clock.now());
    await client.views.open({ trigger_id: command.trigger_id, view });
  };
