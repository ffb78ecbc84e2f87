import { linkToEnhancement } from '../../app/asks/act-on-ask.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { COMMAND } from '../commands/ids.js';

/** `/rapport link ACME-3 GLOBEX-7`: this channel's enhancement is the same change another customer asked for. */
export const linkAsks =
  (services: SlackDeps) =>
  async ({ respond, context }: CommandArgs<PartnershipContext & ActorContext>): Promise<void> => {
    const say = (text: string) => respond({ response_type: 'ephemeral', text });
    const [ref, targetRef, ...extra] = context.subcommandText.split(/\s+/).filter(Boolean);
    if (!ref || !targetRef || extra.length > 0) {
      await say(
        `Use \`${COMMAND} link <this channel's enhancement> <the same one at another customer>\`, e.g. \`${COMMAND} link ACME-3 GLOBEX-7\`.`,
      );
      return;
    }
    const deps = inRequest(services, context);
    const ask = (await deps.repositories.asks.findByRef(ref.toUpperCase())).find(
      (a) => a.partnershipId === context.partnership.id,
    );
    if (!ask) {
      await say(`There is no ${ref.toUpperCase()} in this channel.`);
      return;
    }
    const result = await linkToEnhancement(deps, {
      actor: context.actor,
      askId: ask.id,
      target: { ref: targetRef },
    });
    if (!result.ok) {
      await say(result.error.code === 'not_found' ? 'That request no longer exists.' : result.error.message);
      return;
    }
    // The reply follows the cards, which now show the group's totals.
    await deps.consequences.settled('ask', ask.id);
    await say(linkedText(ask.ref, targetRef.toUpperCase()));
  };

export const linkedText = (ref: string, targetRef: string) =>
  `Linked: *${ref}* is tracked together with *${targetRef}*; votes are counted together and both ship together.`;
