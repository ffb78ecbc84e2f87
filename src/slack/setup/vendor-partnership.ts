import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildNotSetUpHint } from './not-set-up-hint.js';

/**
 * The channel's partnership, for a command only people at the vendor may run. Anyone else, or a
 * channel that is not set up, gets a private answer and null.
 */
export async function vendorPartnership(
  deps: SlackDeps,
  { command, respond }: CommandArgs,
  refusal: string,
): Promise<Partnership | null> {
  const [partnership, actor] = await Promise.all([
    deps.repositories.partnerships.findByChannel(command.channel_id),
    deps.directory.actor(command.user_id),
  ]);
  if (!partnership) {
    await respond({ response_type: 'ephemeral', ...buildNotSetUpHint() });
    return null;
  }
  if (actor.side !== 'vendor') {
    await respond({ response_type: 'ephemeral', text: refusal });
    return null;
  }
  return partnership;
}
