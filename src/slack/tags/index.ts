import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor, onlyVendor } from '../bolt/identify-actor.js';
import { channelOfCommand, requirePartnership } from '../bolt/request-partnership.js';
import type { Subcommands } from '../commands/command-args.js';
import { handleTagsCommand } from './handle-tags-command.js';

export const TAGS_REFUSAL = 'Only people at the vendor can see or change tags.';

export const tagSubcommands = (deps: SlackDeps): Subcommands => ({
  tags: [
    requirePartnership(channelOfCommand),
    identifyActor,
    onlyVendor(TAGS_REFUSAL),
    handleTagsCommand(deps),
  ],
});
