import type { PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildPlanMessage } from './plan-message.js';

/** `/rapport plan` in a partnership channel: the plan (saved, or suggested from the setup), privately, with Edit plan. */
export async function showPlan({ respond, context }: CommandArgs<PartnershipContext>): Promise<void> {
  await respond({ response_type: 'ephemeral', ...buildPlanMessage(context.partnership, 'preview') });
}
