import { linkToEnhancement } from '../../app/asks/act-on-ask.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { COMMAND } from '../commands/ids.js';
import { buildNotSetUpHint } from '../setup/not-set-up-hint.js';

/** `/rapport link ACME-3 GLOBEX-7`: this channel's enhancement is the same change another customer asked for. */
export async function linkAsks(
  deps: SlackDeps,
  { command, respond }: CommandArgs,
  rest: string,
): Promise<void> {
  const say = (text: string) => respond({ response_type: 'ephemeral', text });
  const [ref, targetRef, ...extra] = rest.split(/\s+/).filter(Boolean);
  if (!ref || !targetRef || extra.length > 0) {
    await say(
      `Use \`${COMMAND} link <this channel's enhancement> <the same one at another customer>\`, e.g. \`${COMMAND} link ACME-3 GLOBEX-7\`.`,
    );
    return;
  }
  const partnership = await deps.repositories.partnerships.findByChannel(command.channel_id);
  if (!partnership) {
    await respond({ response_type: 'ephemeral', ...buildNotSetUpHint() });
    return;
  }
  const ask = (await deps.repositories.asks.findByRef(ref.toUpperCase())).find(
    (a) => a.partnershipId === partnership.id,
  );
  if (!ask) {
    await say(`There is no ${ref.toUpperCase()} in this channel.`);
    return;
  }
  const actor = await deps.directory.actor(command.user_id);
  const result = await linkToEnhancement(deps, { actor, askId: ask.id, targetRef });
  if (!result.ok) {
    await say(result.error.code === 'not_found' ? 'That request no longer exists.' : result.error.message);
    return;
  }
  // The reply follows the cards, which now show the group's totals.
  await deps.consequences.settled('ask', ask.id);
  await say(
    `Linked: *${ask.ref}* is tracked together with *${targetRef.toUpperCase()}*; votes are counted together and both ship together.`,
  );
}
