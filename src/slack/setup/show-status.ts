import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildNotSetUpHint } from './not-set-up-hint.js';
import { buildPartnershipSummary } from './partnership-summary.js';

/** `/rapport status`: how this channel's partnership is set up, privately. */
export async function showStatus(deps: SlackDeps, { command, respond }: CommandArgs): Promise<void> {
  const partnership = await deps.repositories.partnerships.findByChannel(command.channel_id);
  const content = partnership ? buildPartnershipSummary(partnership, deps.clock.now()) : buildNotSetUpHint();
  await respond({ response_type: 'ephemeral', ...content });
}
