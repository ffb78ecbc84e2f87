import type { Clock } from '../../domain/ports.js';
import type { PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { approvalRequestForm } from './request-form.js';

/** `/rapport approval [title]` in a partnership channel: the sign-off request form, pre-filled with the title. */
export const openApprovalModal =
  (clock: Clock) =>
  async ({ command, client, context }: CommandArgs<PartnershipContext>): Promise<void> => {
    const view = approvalRequestForm(context.partnership, clock.now(), context.subcommandText);
    await client.views.open({ trigger_id: command.trigger_id, view });
  };
