import { describeTags, parseTags } from '../../domain/partnerships/partnership-tags.js';
import { tagPartnership } from '../../domain/partnerships/tag-partnership.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { COMMAND } from '../commands/ids.js';
import { safeText } from '../shared/escape.js';

const USAGE = `Set them with \`${COMMAND} tags enterprise, eu\`, or clear them with \`${COMMAND} tags none\`.`;

const shown = (tags: string[]) => `This partnership’s tags: *${safeText(describeTags(tags), 700)}*.`;

/** `/rapport tags [tags|none]`: shows or replaces this partnership's tags, privately (vendor only). */
export const handleTagsCommand =
  (services: SlackDeps) =>
  async ({ respond, context }: CommandArgs<PartnershipContext & ActorContext>): Promise<void> => {
    const say = (text: string) => respond({ response_type: 'ephemeral', text }).then(() => undefined);
    const text = context.subcommandText.trim();
    if (text === '') return say(`${shown(context.partnership.tags)}\n${USAGE}`);
    const result = await tagPartnership(
      { partnerships: context.workspace.repositories.partnerships, clock: services.clock },
      {
        actor: context.actor,
        partnershipId: context.partnership.id,
        tags: text.toLowerCase() === 'none' ? [] : parseTags(text),
      },
    );
    if (!result.ok) {
      return say(
        result.error.code === 'not_found' ? 'This partnership no longer exists.' : result.error.message,
      );
    }
    await say(`Saved. ${shown(result.value.tags)}`);
  };
