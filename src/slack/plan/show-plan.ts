import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildNotSetUpHint } from '../setup/not-set-up-hint.js';
import { buildPlanMessage } from './plan-message.js';

/** `/rapport plan`: the communication plan (saved, or suggested from the setup), privately, with Edit plan. */
export async function showPlan(deps: SlackDeps, { command, respond }: CommandArgs): Promise<void> {
  const partnership = await deps.repositories.partnerships.findByChannel(command.channel_id);
  const content = partnership ? buildPlanMessage(partnership, 'preview') : buildNotSetUpHint();
  await respond({ response_type: 'ephemeral', ...content });
}
